import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CLASSROOM_WS_PATH, LIMITS, type ServerMessageOf } from '../protocol';
import { order, refOf, single } from '../testQuestions';
import { relayHarness, type TestClient } from './testClient';

const { clock, start } = relayHarness();

/** The histogram the instructor ends up with once `answered` answers are in. */
const histogramWith = (teacher: TestClient, answered: number) =>
  teacher.next('histogram', (m) => m.histogram.answered === answered).then((m) => m.histogram);

type Refusal = ServerMessageOf<'error'>;

describe('classroom.relay', () => {
  it('classroom.relay.flow: join, ask, answer, live histogram, reveal, export', async () => {
    const { teacher, student, auth } = await start();
    const ada = await student('Ada');
    const bob = await student();
    expect(bob.joined.name).toBe('Student 2');
    expect((await ada.client.next('question')).round).toBeNull();
    teacher.send({ type: 'ask', ...auth, ref: refOf(single.id), question: single });
    const asked = await ada.client.next('question', (m) => m.round !== null);
    expect(asked.round?.question).toEqual({
      type: 'single',
      id: single.id,
      prompt: single.prompt,
      choices: single.choices.map((c) => ({ id: c.id, text: c.text })),
    });
    ada.client.send({ type: 'answer', seq: 1, answer: ['warm'] });
    bob.client.send({ type: 'answer', seq: 1, answer: ['new'] });
    expect((await ada.client.next('answered')).answer).toEqual(['warm']);
    const h = await histogramWith(teacher, 2);
    expect(h.buckets.map((b) => b.count)).toEqual([1, 1, 0]);
    expect(h).toMatchObject({ joined: 2, connected: 2, correctCount: null });
    teacher.send({ type: 'reveal', ...auth });
    const adaReveal = await ada.client.next('reveal');
    const bobReveal = await bob.client.next('reveal');
    expect(adaReveal).toMatchObject({ yourAnswer: ['warm'], yourCorrect: true });
    expect(bobReveal).toMatchObject({ yourAnswer: ['new'], yourCorrect: false });
    expect(adaReveal.round.question.explanation).toBe(single.explanation);
    expect(adaReveal.histogram.correctCount).toBe(1);
    teacher.send({ type: 'export', ...auth });
    const csv = await teacher.next('csv');
    expect(csv.filename).toMatch(new RegExp(`^lambda-lab-class-${auth.code}-\\d{4}-\\d\\d-\\d\\d\\.csv$`));
    expect(csv.text).toContain('"Ada","The warm one","yes"');
    expect(csv.text).toContain('"Student 2","A new one","no"');
  });

  it('classroom.relay.reconnect: a student who reconnects keeps their answer and counts once', async () => {
    const { teacher, client, student, auth } = await start();
    const ada = await student('Ada');
    teacher.send({ type: 'ask', ...auth, ref: refOf(order.id), question: order });
    await ada.client.next('question', (m) => m.round !== null);
    ada.client.send({ type: 'answer', seq: 1, answer: ['init', 'invoke', 'shutdown'] });
    await ada.client.next('answered');
    ada.client.close();
    expect((await teacher.next('histogram', (m) => m.histogram.connected === 0)).histogram.answered).toBe(1);
    const again = await client();
    again.send({
      type: 'rejoin',
      code: auth.code,
      studentId: ada.joined.studentId,
      resume: ada.joined.resume,
    });
    expect((await again.next('joined')).name).toBe('Ada');
    const view = await again.next('question');
    expect(view).toMatchObject({ round: { seq: 1 }, yourAnswer: ['init', 'invoke', 'shutdown'] });
    // Earlier histograms (from before the answer) are still queued unread: wait for the one after the rejoin.
    const h = await teacher.next(
      'histogram',
      (m) => m.histogram.connected === 1 && m.histogram.answered === 1,
    );
    expect(h.histogram).toMatchObject({ joined: 1, answered: 1 });
    // The instructor's page reconnects with its token and gets the whole state back.
    const back = await client();
    back.send({ type: 'resume', ...auth });
    expect((await back.next('session')).round).toMatchObject({ seq: 1, revealed: false });
  });
});

describe('classroom.refused', () => {
  /** Sends something hostile and checks the specific refusal, then that the session still works. */
  async function refusedThenFine(send: (c: TestClient, auth: { code: string; token: string }) => void) {
    const { teacher, student, auth } = await start();
    const ada = await student('Ada');
    teacher.send({ type: 'ask', ...auth, ref: refOf(single.id), question: single });
    await ada.client.next('question', (m) => m.round !== null);
    send(ada.client, auth);
    const refusal = await ada.client.next('error');
    ada.client.send({ type: 'answer', seq: 1, answer: ['warm'] });
    await ada.client.next('answered');
    const h = await histogramWith(teacher, 1);
    expect(h.buckets.map((b) => b.count)).toEqual([1, 0, 0]);
    return refusal;
  }

  const cases: [string, (c: TestClient, a: { code: string; token: string }) => void, Partial<Refusal>][] = [
    ['malformed JSON', (c) => c.sendRaw('{"type":"answer",'), { code: 'bad-json' }],
    ['a binary frame', (c) => c.sendRaw(Buffer.from('{"type":"join"}'), true), { code: 'bad-json' }],
    ['a JSON array', (c) => c.sendRaw('[1,2,3]'), { code: 'bad-message' }],
    ['an unknown type', (c) => c.send({ type: 'grant-admin' }), { code: 'unknown-type' }],
    [
      'another protocol version',
      (c) => c.send({ type: 'answer', v: 99, seq: 1, answer: ['warm'] }),
      { code: 'version-mismatch' },
    ],
    [
      'an extra field',
      (c) => c.send({ type: 'answer', seq: 1, answer: ['warm'], admin: true }),
      { code: 'bad-message' },
    ],
    ['a malformed join code', (c) => c.send({ type: 'join', code: 'ab' }), { code: 'bad-message' }],
    [
      'a name with control characters',
      (c, a) => c.send({ type: 'join', code: a.code, name: 'x\u0007y' }),
      { code: 'bad-message' },
    ],
    [
      'a huge answer list',
      (c) => c.send({ type: 'answer', seq: 1, answer: Array(100).fill('warm') }),
      { code: 'bad-message' },
    ],
    [
      'an answer that fits no choice',
      (c) => c.send({ type: 'answer', seq: 1, answer: ['<script>'] }),
      { code: 'bad-answer' },
    ],
    [
      'an answer to another question',
      (c) => c.send({ type: 'answer', seq: 7, answer: ['warm'] }),
      { code: 'wrong-question' },
    ],
    [
      'an oversize message',
      (c) => c.send({ type: 'join', code: 'ABCDEF', name: 'x'.repeat(LIMITS.maxMessageBytes) }),
      { code: 'too-large' },
    ],
    ['a reveal without a token', (c, a) => c.send({ type: 'reveal', code: a.code }), { code: 'bad-message' }],
    [
      'a reveal with a wrong token',
      (c, a) => c.send({ type: 'reveal', code: a.code, token: 'A'.repeat(43) }),
      { code: 'not-instructor', about: 'reveal' },
    ],
    [
      'an ask with a wrong token',
      (c, a) =>
        c.send({ type: 'ask', code: a.code, token: 'A'.repeat(43), ref: refOf('x'), question: order }),
      { code: 'not-instructor', about: 'ask' },
    ],
    [
      'an ask with a question that is not course content',
      (c, a) =>
        c.send({ type: 'ask', ...a, ref: refOf('x'), question: { type: 'single', id: 'x', prompt: 'p' } }),
      { code: 'bad-message' },
    ],
  ];
  for (const [what, send, expected] of cases) {
    it(`classroom.refused: ${what}, and the session carries on`, async () => {
      expect(await refusedThenFine(send)).toMatchObject(expected);
    });
  }

  it('classroom.refused.token: a wrong token cannot advance, reveal, export or end; the round is unchanged', async () => {
    const { teacher, client, student, auth } = await start();
    const ada = await student();
    const intruder = await client();
    const bad = {
      code: auth.code,
      token: `${auth.token.slice(0, 42)}${auth.token.endsWith('A') ? 'B' : 'A'}`,
    };
    for (const type of ['reveal', 'export', 'end', 'resume']) {
      intruder.send({ type, ...bad });
      expect(await intruder.next('error')).toMatchObject({ code: 'not-instructor', about: type });
    }
    intruder.send({ type: 'ask', ...bad, ref: refOf(single.id), question: single });
    expect(await intruder.next('error')).toMatchObject({ code: 'not-instructor' });
    expect(intruder.received.some((m) => m.type === 'csv' || m.type === 'session')).toBe(false);
    expect(ada.client.received.some((m) => m.type === 'reveal' || m.type === 'ended')).toBe(false);
    teacher.send({ type: 'ask', ...auth, ref: refOf(single.id), question: single });
    expect((await ada.client.next('question', (m) => m.round !== null)).round?.seq).toBe(1);
  });

  it('classroom.refused.expired: an expired code refuses joins and rejoins with code-expired', async () => {
    clock.now = 5_000_000;
    const { client, student, auth } = await start({ store: { codeTtlMs: 60_000 } });
    const ada = await student();
    clock.now += 60_000;
    const late = await client();
    late.send({ type: 'join', code: auth.code });
    expect(await late.next('error')).toMatchObject({ code: 'code-expired', about: 'join' });
    late.send({
      type: 'rejoin',
      code: auth.code,
      studentId: ada.joined.studentId,
      resume: ada.joined.resume,
    });
    expect(await late.next('error')).toMatchObject({ code: 'code-expired', about: 'rejoin' });
    late.send({ type: 'join', code: 'ZZZZZZZZ' });
    expect(await late.next('error')).toMatchObject({ code: 'code-unknown' });
    expect(late.received.some((m) => m.type === 'joined')).toBe(false);
  });

  it('classroom.refused.guessing: wrong codes from one address are rate-limited', async () => {
    const { client } = await start({ relay: { failBurst: 3, failPerMinute: 1 } });
    const guesser = await client();
    const codes: string[] = [];
    for (const code of ['ZZZZZZZZ', 'YYYYYYYY', 'XXXXXXXX', 'WWWWWWWW']) {
      guesser.send({ type: 'join', code });
      codes.push((await guesser.next('error')).code);
    }
    expect(codes).toEqual(['code-unknown', 'code-unknown', 'code-unknown', 'rate-limited']);
  });

  it('classroom.refused.flood: a flood is rate-limited, then cut off; other students are unaffected', async () => {
    const { teacher, student, auth } = await start({
      relay: { burst: 5, perSecond: 1, dropsBeforeClose: 50 },
    });
    const flooder = await student('Flood');
    const ada = await student('Ada');
    teacher.send({ type: 'ask', ...auth, ref: refOf(single.id), question: single });
    await flooder.client.next('question', (m) => m.round !== null);
    for (let i = 0; i < 60; i++) flooder.client.send({ type: 'answer', seq: 1, answer: ['new'] });
    expect(await flooder.client.next('error')).toMatchObject({ code: 'rate-limited' });
    expect(await flooder.client.closed).toMatchObject({ code: 1008 });
    // Only one "rate-limited" notice, not one per dropped message.
    expect(flooder.client.received.filter((m) => m.type === 'error')).toHaveLength(1);
    ada.client.send({ type: 'answer', seq: 1, answer: ['warm'] });
    const h = await teacher.next(
      'histogram',
      (m) => m.histogram.answered === 2 && m.histogram.connected === 1,
    );
    expect(h.histogram.buckets.map((b) => b.count)).toEqual([1, 1, 0]);
  });

  it('classroom.refused.payload: a frame over 64 KB closes that socket (1009) and nothing else', async () => {
    const { teacher, student } = await start();
    const big = await student();
    const ada = await student();
    big.client.sendRaw('x'.repeat(70 * 1024));
    expect((await big.client.closed).code).toBe(1009);
    const h = await teacher.next('histogram', (m) => m.histogram.connected === 1);
    expect(h.histogram.joined).toBe(2);
    expect(ada.client.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('classroom.refused.host-key: from another machine, opening a session needs the host key', async () => {
    const { server, client } = await start({ relay: { trustLoopback: false } });
    const stranger = await client();
    stranger.send({ type: 'create' });
    expect(await stranger.next('error')).toMatchObject({ code: 'forbidden', about: 'create' });
    stranger.send({ type: 'create', hostKey: 'guess' });
    expect(await stranger.next('error')).toMatchObject({ code: 'forbidden' });
    stranger.send({ type: 'create', hostKey: server.hostKey });
    expect((await stranger.next('session')).code).toMatch(/^[A-Z2-9]{8}$/);
  });

  it('classroom.relay.heartbeat: a socket that stops answering pings is cut off; a live one stays', async () => {
    const { server, student } = await start({ heartbeatMs: 40 });
    const live = await student();
    const silent = new WebSocket(`ws://127.0.0.1:${server.port}${CLASSROOM_WS_PATH}`, { autoPong: false });
    const closed = new Promise<number>((done) => silent.on('close', (code) => done(code)));
    expect(await closed).toBe(1006);
    expect(live.client.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('classroom.refused.origin: a page from another site cannot open the socket', async () => {
    const { server } = await start();
    const attempt = new WebSocket(`ws://127.0.0.1:${server.port}${CLASSROOM_WS_PATH}`, {
      headers: { Origin: 'http://evil.example' },
    });
    const status = await new Promise<number>((done) =>
      attempt.on('unexpected-response', (_req, res) => done(res.statusCode ?? 0)),
    );
    expect(status).toBe(403);
  });
});
