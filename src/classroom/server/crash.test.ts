/**
 * The findings of issue #22 that ended the relay process or leaked its files, replayed against a relay
 * running as its own process on 127.0.0.1: after each, the process must still be alive and serving.
 */
import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASSROOM_WS_PATH } from '../protocol';
import { refOf } from '../testQuestions';
import { fakeDist, openFds, type SpawnedRelay, spawnRelay, status } from './spawnRelay';
import { testClient } from './testClient';

const PORT = 4332;
let relay: SpawnedRelay;
let dist: string;

beforeAll(async () => {
  dist = fakeDist();
  relay = await spawnRelay(PORT, ['--no-restart', '--dir', dist]);
}, 120_000);
afterAll(async () => {
  await relay?.stop();
  rmSync(dist, { recursive: true, force: true });
});

/** Sends raw bytes; resolves with the first line the server answers ('' if it closed without one). */
function raw(bytes: string, reset = false): Promise<string> {
  return new Promise((done) => {
    const socket = connect(PORT, '127.0.0.1', () => socket.write(bytes));
    let got = '';
    socket.on('data', (chunk) => {
      got += chunk.toString('latin1');
      if (reset) socket.resetAndDestroy();
      else socket.end();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => done(got.split('\r\n')[0] ?? ''));
  });
}

async function expectAlive(): Promise<void> {
  expect(relay.alive()).toBe(true);
  expect(await status(PORT, '/classroom/info')).toBe(200);
}

const upgrade = (path: string, extra = '') =>
  `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
  `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${extra}\r\n`;

describe('classroom.crash', () => {
  it('classroom.crash.url: `GET //` and `GET http://[/` get an answer, the process lives on', async () => {
    // `//` is a path (the app's root); an absolute URL is not a request this server takes.
    expect(await raw(`GET // HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\n\r\n`)).toBe('HTTP/1.1 200 OK');
    expect(await raw(`GET http://[/ HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
    await expectAlive();
  });

  it('classroom.crash.upgrade-url: a WebSocket upgrade to `//` is refused, the process lives on', async () => {
    expect(await raw(upgrade('//'))).toBe('HTTP/1.1 404 Not Found');
    expect(await raw(upgrade('http://[/'))).toBe('HTTP/1.1 400 Bad Request');
    await expectAlive();
  });

  it('classroom.crash.reset: refused upgrades (404, 403) followed by a TCP reset do not end the process', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await raw(upgrade('/nope'), true)).toMatch(/^HTTP\/1\.1 404/);
      expect(await raw(upgrade(CLASSROOM_WS_PATH, 'Origin: http://evil.example\r\n'), true)).toMatch(
        /^HTTP\/1\.1 403/,
      );
    }
    await expectAlive();
  });

  it('classroom.crash.deep: a 3,000-level ask with a made-up token is refused before any schema check', async () => {
    const teacher = await testClient(PORT);
    teacher.send({ type: 'create' });
    const { code, token } = await teacher.next('session');
    const deep = `${'['.repeat(3000)}1${']'.repeat(3000)}`;
    const question = `{"type":"predict","id":"q","prompt":"p","choices":[{"id":"a","text":"t","value":${deep}}]}`;
    const ref = JSON.stringify(refOf('q'));
    for (const t of ['A'.repeat(43), token]) {
      teacher.sendRaw(
        `{"type":"ask","v":1,"code":"${code}","token":"${t}","ref":${ref},"question":${question}}`,
      );
      expect(await teacher.next('error')).toMatchObject({ code: 'too-large' });
    }
    teacher.close();
    await expectAlive();
  });

  it('classroom.crash.fds: 100 downloads of snapshot.bin abandoned after the first bytes leak no files', async () => {
    const pid = relay.child.pid as number;
    expect(await status(PORT, '/pyodide/snapshot.bin')).toBe(200);
    const settle = async (limit: number) => {
      // The relay notices closed sockets asynchronously: wait (generously) for the count to come down.
      for (let i = 0; i < 600 && openFds(pid) > limit; i++) await new Promise((r) => setTimeout(r, 100));
      return openFds(pid);
    };
    const before = openFds(pid);
    for (let batch = 0; batch < 10; batch++)
      await Promise.all(
        Array.from({ length: 10 }, () =>
          raw(`GET /pyodide/snapshot.bin HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\n\r\n`, true),
        ),
      );
    const after = await settle(before + 2);
    console.log(`relay open files: ${before} before, ${after} after 100 abandoned downloads`);
    expect(after - before).toBeLessThanOrEqual(2);
    await expectAlive();
  }, 120_000);
});
