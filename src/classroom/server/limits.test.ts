/**
 * Issue #22's findings about guessing, seats, state and names, each against a live relay on 127.0.0.1
 * with an injected clock. 127.0.0.2 stands for a second device (the traffic still goes to 127.0.0.1).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CLASSROOM_WS_PATH, CODE_ALPHABET, CODE_LENGTH } from '../protocol';
import { refOf, single } from '../testQuestions';
import { parseArgs } from './main';
import { DEFAULT_RELAY_OPTIONS } from './relay';
import { DEFAULT_STORE_OPTIONS } from './sessions';
import { status } from './spawnRelay';
import { relayHarness } from './testClient';

const { clock, start } = relayHarness();

/** The status an upgrade gets (101 when it opens). */
function upgradeStatus(port: number, headers: Record<string, string>, from?: string): Promise<number> {
  return new Promise((done) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${CLASSROOM_WS_PATH}`, {
      headers,
      ...(from ? { localAddress: from } : {}),
    });
    ws.on('open', () => {
      ws.close();
      done(101);
    });
    ws.on('unexpected-response', (_req, res) => done(res.statusCode ?? 0));
    ws.on('error', () => done(0));
  });
}

describe('classroom.limits', () => {
  it('classroom.limits.block: after too many wrong codes even the right code is refused, until the block ends', async () => {
    const { client, auth } = await start({ relay: { failBurst: 3, failPerMinute: 1, blockMs: 600_000 } });
    const guesser = await client();
    const got: string[] = [];
    for (const code of ['ZZZZZZZZ', 'YYYYYYYY', 'XXXXXXXX', 'WWWWWWWW']) {
      guesser.send({ type: 'join', code });
      got.push((await guesser.next('error')).code);
    }
    expect(got).toEqual(['code-unknown', 'code-unknown', 'code-unknown', 'rate-limited']);
    // Blocked, the address learns nothing more: every further guess gets the same refusal.
    for (let i = 0; i < 10; i++) guesser.send({ type: 'join', code: `${'V'.repeat(7)}${CODE_ALPHABET[i]}` });
    for (let i = 0; i < 10; i++) expect((await guesser.next('error')).code).toBe('rate-limited');
    guesser.send({ type: 'join', code: auth.code });
    expect(await guesser.next('error')).toMatchObject({ code: 'rate-limited', about: 'join' });
    guesser.send({ type: 'resume', ...auth });
    expect(await guesser.next('error')).toMatchObject({ code: 'rate-limited', about: 'resume' });
    expect(guesser.received.some((m) => m.type === 'joined' || m.type === 'session')).toBe(false);
    // Another device is not affected; the guesser may join once the block is over.
    const other = await client('127.0.0.2');
    other.send({ type: 'join', code: auth.code });
    await other.next('joined');
    clock.now += 600_000;
    guesser.send({ type: 'join', code: auth.code });
    await guesser.next('joined');
  });

  it('classroom.limits.odds: codes are long enough that guessing within their life is hopeless', () => {
    const space = CODE_ALPHABET.length ** CODE_LENGTH;
    const lifeMinutes = DEFAULT_STORE_OPTIONS.codeTtlMs / 60_000;
    const r = DEFAULT_RELAY_OPTIONS;
    // One address: its wrong-code budget over the code's life (the block only lowers it).
    const perAddress = r.failBurst + r.failPerMinute * lifeMinutes;
    // Any number of addresses: every guess is a join, and joins are capped for the whole server.
    const serverWide = r.serverJoinBurst + r.serverJoinsPerSecond * lifeMinutes * 60;
    expect(perAddress / space).toBeLessThan(1e-8);
    expect((serverWide * DEFAULT_STORE_OPTIONS.maxSessions) / space).toBeLessThan(1e-4);
    // The README's arithmetic is this arithmetic.
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const n of [space, perAddress, serverWide]) expect(readme).toContain(n.toLocaleString('en-US'));
  });

  it('classroom.limits.seats: one address cannot take the class; a real student still gets a seat', async () => {
    const { client, auth } = await start({
      relay: { trustLoopback: false, seatsPerAddress: 3, joinBurst: 50 },
      store: { maxStudents: 5 },
    });
    const grabber = await client();
    for (let i = 0; i < 3; i++) {
      grabber.send({ type: 'join', code: auth.code });
      await grabber.next('joined');
    }
    grabber.send({ type: 'join', code: auth.code });
    expect(await grabber.next('error')).toMatchObject({ code: 'rate-limited', about: 'join' });
    const student = await client('127.0.0.2');
    student.send({ type: 'join', code: auth.code, name: 'Real' });
    expect((await student.next('joined')).name).toBe('Real');
  });

  it('classroom.limits.joins: joins are limited per address and for the whole server', async () => {
    const { client, auth } = await start({
      relay: { trustLoopback: false, joinBurst: 2, joinsPerSecond: 0.001, serverJoinBurst: 3 },
    });
    const a = await client();
    for (let i = 0; i < 2; i++) {
      a.send({ type: 'join', code: auth.code });
      await a.next('joined');
    }
    a.send({ type: 'join', code: auth.code });
    expect(await a.next('error')).toMatchObject({ code: 'rate-limited', about: 'join' });
    const b = await client('127.0.0.2');
    b.send({ type: 'join', code: auth.code });
    await b.next('joined');
    b.send({ type: 'join', code: auth.code });
    // The server's budget (3) is spent: 2 joins from a, 1 from b.
    expect(await b.next('error')).toMatchObject({ code: 'rate-limited', about: 'join' });
  });

  it('classroom.limits.connections: sockets and connections per address are capped', async () => {
    const { server, client } = await start({
      relay: { trustLoopback: false },
      maxConnectionsPerAddress: 2,
    });
    // The instructor's socket from 127.0.0.1 is the first of two.
    await client();
    expect(await upgradeStatus(server.port, {})).toBe(429);
    expect(await upgradeStatus(server.port, {}, '127.0.0.2')).toBe(101);
  });

  it('classroom.limits.ended: no answer, join, question or reveal after the end, and the CSV shows none', async () => {
    const { client, teacher, auth } = await start();
    const ada = await client();
    ada.send({ type: 'join', code: auth.code, name: 'Ada' });
    await ada.next('joined');
    teacher.send({ type: 'ask', ...auth, ref: refOf(single.id), question: single });
    await ada.next('question', (m) => m.round !== null);
    ada.send({ type: 'answer', seq: 1, answer: ['warm'] });
    await ada.next('answered');
    teacher.send({ type: 'end', ...auth });
    await ada.next('ended');
    ada.send({ type: 'answer', seq: 1, answer: ['new'] });
    expect(await ada.next('error')).toMatchObject({ code: 'session-ended', about: 'answer' });
    const late = await client();
    late.send({ type: 'join', code: auth.code });
    expect(await late.next('error')).toMatchObject({ code: 'session-ended', about: 'join' });
    for (const type of ['ask', 'reveal'] as const) {
      teacher.send({ type, ...auth, ...(type === 'ask' ? { ref: refOf(single.id), question: single } : {}) });
      expect(await teacher.next('error')).toMatchObject({ code: 'session-ended', about: type });
    }
    teacher.send({ type: 'export', ...auth });
    const rows = (await teacher.next('csv')).text.trimEnd().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('"Ada","The warm one","yes"');
  });

  it('classroom.limits.about: every refusal names what it refuses, a malformed code included', async () => {
    const { client } = await start();
    const c = await client();
    c.send({ type: 'join', code: 'ab' });
    expect(await c.next('error')).toMatchObject({ code: 'bad-message', about: 'join' });
    c.sendRaw('{"type":');
    expect(await c.next('error')).toMatchObject({ code: 'bad-json', about: 'message' });
    c.send({ type: 'answer', v: 9, seq: 1, answer: [] });
    expect(await c.next('error')).toMatchObject({ code: 'version-mismatch', about: 'answer' });
    c.send({ type: 'reveal', code: 'ab', token: 'x' });
    expect(await c.next('error')).toMatchObject({ code: 'bad-message', about: 'reveal' });
  });
});

describe('classroom.unforeseen', () => {
  it('classroom.unforeseen.bug: an error nobody foresaw closes that socket (1011), not the class', async () => {
    const { server, client, teacher, auth } = await start();
    const ada = await client();
    ada.send({ type: 'join', code: auth.code });
    await ada.next('joined');
    teacher.send({ type: 'ask', ...auth, ref: refOf(single.id), question: single });
    await ada.next('question', (m) => m.round !== null);
    // Stands in for a bug: the store throws while handling one answer.
    const store = server.store as { answer: typeof server.store.answer };
    const answer = store.answer;
    store.answer = () => {
      throw new Error('a bug');
    };
    ada.send({ type: 'answer', seq: 1, answer: ['warm'] });
    expect((await ada.closed).code).toBe(1011);
    store.answer = answer;
    const bob = await client('127.0.0.2');
    bob.send({ type: 'join', code: auth.code });
    await bob.next('joined');
    bob.send({ type: 'answer', seq: 1, answer: ['new'] });
    await bob.next('answered');
    expect(teacher.ws.readyState).toBe(WebSocket.OPEN);
  });
});

describe('classroom.hosts', () => {
  it('classroom.hosts.rebinding: a foreign Host is refused even when the Origin matches it', async () => {
    const { server } = await start();
    const evil = `evil.example:${server.port}`;
    expect(await upgradeStatus(server.port, { Host: evil, Origin: `http://${evil}` })).toBe(421);
    expect(await status(server.port, '/classroom/info', evil)).toBe(421);
    expect(await status(server.port, '/classroom/info', `localhost:${server.port}`)).toBe(200);
    expect(await upgradeStatus(server.port, { Origin: `http://127.0.0.1:${server.port}` })).toBe(101);
  });

  it('classroom.hosts.extra: --host-name adds a name students may use', async () => {
    const { server } = await start({ hostNames: ['lan.test'] });
    const lan = `lan.test:${server.port}`;
    expect(await status(server.port, '/classroom/info', lan)).toBe(200);
    expect(await upgradeStatus(server.port, { Host: lan, Origin: `http://${lan}` })).toBe(101);
    expect(parseArgs(['--host-name', 'lan.test', '--host-name=a.test,b.test'], {})).toMatchObject({
      hostNames: ['lan.test', 'a.test', 'b.test'],
    });
    expect(parseArgs(['--host-name', 'a b'], {})).toMatch(/--host-name takes a host name/);
    expect(parseArgs(['--shared-address'], {})).toMatchObject({ sharedAddress: true, hostNames: [] });
  });
});
