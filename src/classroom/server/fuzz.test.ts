/**
 * The fuzz test: a fixed number of random and structured garbage inputs to the relay's HTTP server, its
 * WebSocket upgrade and its message protocol, from a fixed seed, against a relay running as its own
 * process on 127.0.0.1. At the end the process must be alive and run a whole question.
 */
import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLASSROOM_WS_PATH } from '../protocol';
import { order, refOf, single } from '../testQuestions';
import { fakeDist, openFds, type SpawnedRelay, spawnRelay, status } from './spawnRelay';
import { type TestClient, testClient } from './testClient';

const PORT = 4334;
const SEED = 22;
const HTTP_CASES = 200;
const UPGRADE_CASES = 150;
const MESSAGES = 800;

let relay: SpawnedRelay;
let dist: string;
beforeAll(async () => {
  dist = fakeDist(256 * 1024);
  relay = await spawnRelay(PORT, ['--no-restart', '--dir', dist]);
}, 120_000);
afterAll(async () => {
  await relay?.stop();
  rmSync(dist, { recursive: true, force: true });
});

/** mulberry32: a small seeded generator, so a failing run repeats exactly. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  return { next, int, pick, bytes };
}
const r = rng(SEED);
const junk = fc.sample(fc.jsonValue(), { seed: SEED, numRuns: 400 });
const strings = fc.sample(fc.string({ unit: 'binary', maxLength: 60 }), { seed: SEED, numRuns: 200 });
const from = () => `127.0.0.${2 + r.int(20)}`;

/** Writes the chunks (and maybe resets); resolves when the server answers or closes, or after a while. */
function poke(chunks: readonly (string | Buffer)[], reset: boolean): Promise<void> {
  return new Promise((done) => {
    const socket = connect({ port: PORT, host: '127.0.0.1', localAddress: from() }, () => {
      for (const c of chunks) socket.write(c);
      if (reset) socket.resetAndDestroy();
    });
    const finish = () => {
      clearTimeout(guard);
      socket.destroy();
      done();
    };
    // Not an assertion: a request the server is still waiting on is simply abandoned.
    const guard = setTimeout(finish, 1000);
    socket.on('data', finish);
    socket.on('error', finish);
    socket.on('close', finish);
  });
}

const TARGETS = [
  '/',
  '//',
  'http://[/',
  '/%',
  '/%00',
  '/..%2f..%2fetc/passwd',
  '*',
  '/classroom/info?x=%',
  '/pyodide/snapshot.bin',
  CLASSROOM_WS_PATH,
];
const host = () =>
  r.pick([
    `Host: 127.0.0.1:${PORT}`,
    'Host: evil.example',
    'Host: [',
    'Host:',
    `Host: localhost:${PORT}\r\nHost: x`,
    '',
  ]);

function httpCase(): (string | Buffer)[] {
  const method = r.pick(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'CONNECT', 'G\u0000T', '']);
  const target = r.next() < 0.7 ? r.pick(TARGETS) : (r.pick(strings) ?? '/');
  const version = r.pick(['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9', '']);
  const headers = [host()];
  if (r.next() < 0.3) headers.push(`Content-Length: ${r.pick(['5', '-1', '99999999999', 'x'])}`);
  if (r.next() < 0.2) headers.push('Transfer-Encoding: chunked');
  if (r.next() < 0.1) headers.push(`X-Big: ${'a'.repeat(20_000)}`);
  if (r.next() < 0.2) headers.push(r.pick(strings) ?? '');
  const head = `${method} ${target} ${version}\r\n${headers.join('\r\n')}\r\n\r\n`;
  if (r.next() < 0.15) return [r.bytes(1 + r.int(300))];
  return r.next() < 0.3 ? [head, r.bytes(r.int(200))] : [head];
}

function upgradeCase(): (string | Buffer)[] {
  const path = r.next() < 0.6 ? CLASSROOM_WS_PATH : r.pick(TARGETS);
  const key = r.pick(['dGhlIHNhbXBsZSBub25jZQ==', '', 'short', '!!!!']);
  const lines = [
    `GET ${path} HTTP/1.1`,
    host(),
    r.pick(['Upgrade: websocket', 'Upgrade: WebSocket', 'Upgrade: h2c']),
    'Connection: Upgrade',
    `Sec-WebSocket-Version: ${r.pick(['13', '8', 'x'])}`,
    ...(key ? [`Sec-WebSocket-Key: ${key}`] : []),
    ...(r.next() < 0.4
      ? [`Origin: ${r.pick(['http://evil.example', `http://127.0.0.1:${PORT}`, 'http://[', 'null'])}`]
      : []),
  ];
  // After the handshake: nothing, random bytes (invalid frames), or a frame claiming a huge length.
  const tail = r.pick([
    Buffer.alloc(0),
    r.bytes(1 + r.int(200)),
    Buffer.from([0x81, 0xff, 0xff, 0xff, 0xff, 0xff]),
  ]);
  return [`${lines.join('\r\n')}\r\n\r\n`, tail];
}

/** A message: pure junk, or a valid shape with one field replaced, dropped or added. */
function message(
  auth: { code: string; token: string },
  student: { studentId: string; resume: string },
): string | Buffer {
  const roll = r.next();
  if (roll < 0.15) return JSON.stringify(r.pick(junk));
  if (roll < 0.2) return r.bytes(1 + r.int(100));
  if (roll < 0.25) return `${'['.repeat(50 + r.int(5000))}`;
  const templates: Record<string, unknown>[] = [
    { type: 'create', v: 1 },
    { type: 'resume', v: 1, ...auth },
    { type: 'ask', v: 1, ...auth, ref: refOf(order.id), question: order },
    { type: 'reveal', v: 1, ...auth },
    { type: 'export', v: 1, ...auth },
    { type: 'join', v: 1, code: auth.code, name: 'Fuzz' },
    { type: 'rejoin', v: 1, code: auth.code, ...student },
    { type: 'answer', v: 1, seq: 1, answer: ['warm'] },
    { type: 'answer', v: 1, seq: 2, answer: { a: 'b' } },
  ];
  const msg: Record<string, unknown> = { ...r.pick(templates) };
  const keys = Object.keys(msg);
  const key = r.pick(keys);
  const what = r.int(4);
  if (what === 0) msg[key] = r.pick(junk);
  else if (what === 1) delete msg[key];
  else if (what === 2) msg[r.pick(strings) ?? 'x'] = r.pick(junk);
  else if (key === 'question' || key === 'answer')
    msg[key] = { deep: JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`) };
  return JSON.stringify(msg);
}

async function batches<T>(n: number, size: number, run: () => Promise<T>): Promise<void> {
  for (let done = 0; done < n; done += size)
    await Promise.all(Array.from({ length: Math.min(size, n - done) }, run));
}

it('classroom.fuzz: garbage to HTTP, the upgrade and the protocol leaves the relay alive and working', async () => {
  const pid = relay.child.pid as number;
  const fdsBefore = openFds(pid);
  await batches(HTTP_CASES, 25, () => poke(httpCase(), r.next() < 0.2));
  expect(relay.alive()).toBe(true);
  await batches(UPGRADE_CASES, 25, () => poke(upgradeCase(), r.next() < 0.3));
  expect(relay.alive()).toBe(true);

  const teacher = await testClient(PORT, {}, '127.0.0.200');
  teacher.send({ type: 'create' });
  const { code, token } = await teacher.next('session');
  teacher.send({ type: 'ask', code, token, ref: refOf(single.id), question: single });
  const seated = await testClient(PORT, {}, '127.0.0.201');
  seated.send({ type: 'join', code });
  const seat = await seated.next('joined');
  // Each socket sends one burst's worth (the per-socket rate limit would drop the rest), then goes.
  let sent = 0;
  while (sent < MESSAGES) {
    const c: TestClient = await testClient(PORT, {}, from());
    for (let i = 0; i < 15 && sent < MESSAGES; i++, sent++) {
      const m = message({ code, token }, { studentId: seat.studentId, resume: seat.resume });
      if (c.ws.readyState === c.ws.OPEN) c.sendRaw(m, typeof m !== 'string' && r.next() < 0.5);
    }
    c.close();
    await c.closed;
  }
  expect(relay.alive()).toBe(true);

  // Still a working classroom: a new session from a fresh address runs a question to its reveal.
  const t2 = await testClient(PORT, {}, '127.0.0.250');
  t2.send({ type: 'create' });
  const s2 = await t2.next('session');
  const ada = await testClient(PORT, {}, '127.0.0.251');
  ada.send({ type: 'join', code: s2.code, name: 'Ada' });
  await ada.next('joined');
  t2.send({ type: 'ask', code: s2.code, token: s2.token, ref: refOf(single.id), question: single });
  await ada.next('question', (m) => m.round !== null);
  ada.send({ type: 'answer', seq: 1, answer: ['warm'] });
  await ada.next('answered');
  t2.send({ type: 'reveal', code: s2.code, token: s2.token });
  expect(await ada.next('reveal')).toMatchObject({ yourCorrect: true });
  expect(await status(PORT, '/classroom/info')).toBe(200);
  console.log(
    `fuzz: ${HTTP_CASES} HTTP, ${UPGRADE_CASES} upgrades, ${MESSAGES} messages; open files ${fdsBefore} -> ${openFds(pid)}`,
  );
  for (const c of [teacher, seated, t2, ada]) c.close();
  expect(relay.alive()).toBe(true);
}, 300_000);
