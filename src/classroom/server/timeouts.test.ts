/**
 * Connections that only hold a slot: silent or dribbling HTTP sockets, WebSockets that never join, and
 * too many connections from one address. Each is cut; waits are for events, never for a duration.
 */
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CLASSROOM_WS_PATH } from '../protocol';
import { type ClassroomServer, type ClassroomServerOptions, startClassroomServer } from './server';
import { testClient } from './testClient';

const running: ClassroomServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function start(options: ClassroomServerOptions) {
  const server = await startClassroomServer({ host: '127.0.0.1', ...options });
  running.push(server);
  return server;
}

/** A raw TCP connection; `closed` resolves with what the server sent before closing it. */
function open(port: number, from?: string) {
  const socket = connect({ port, host: '127.0.0.1', ...(from ? { localAddress: from } : {}) });
  sockets.push(socket);
  let got = '';
  socket.on('data', (d) => {
    got += d.toString();
  });
  socket.on('error', () => undefined);
  const closed = new Promise<string>((done) => socket.on('close', () => done(got)));
  const connected = new Promise<void>((done) => socket.once('connect', () => done()));
  return { socket, closed, connected };
}

describe('classroom.timeouts', () => {
  it('classroom.timeouts.silent: a connection that sends nothing is closed', async () => {
    const server = await start({ headersTimeoutMs: 300 });
    const { closed } = open(server.port);
    await closed;
  });

  it('classroom.timeouts.slow: headers dribbled a byte at a time are cut off', async () => {
    const server = await start({ headersTimeoutMs: 300 });
    const { socket, closed, connected } = open(server.port);
    await connected;
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Slow: `);
    const drip = setInterval(() => socket.write('a'), 50);
    const got = await closed;
    clearInterval(drip);
    expect(got).not.toContain('200 OK');
  });

  it('classroom.timeouts.hello: a WebSocket that never joins is closed; a seated student stays', async () => {
    let clock = 1_000_000;
    const server = await start({ now: () => clock, heartbeatMs: 40, relay: { helloTimeoutMs: 60_000 } });
    const teacher = await testClient(server.port);
    teacher.send({ type: 'create' });
    const { code } = await teacher.next('session');
    const student = await testClient(server.port);
    student.send({ type: 'join', code });
    await student.next('joined');
    const idle = new WebSocket(`ws://127.0.0.1:${server.port}${CLASSROOM_WS_PATH}`);
    const closedWith = new Promise<number>((done) => idle.on('close', (c) => done(c)));
    await new Promise((done) => idle.once('open', done));
    clock += 60_000;
    expect(await closedWith).toBe(1008);
    expect(student.ws.readyState).toBe(WebSocket.OPEN);
    expect(teacher.ws.readyState).toBe(WebSocket.OPEN);
    student.close();
    teacher.close();
  });

  it('classroom.timeouts.slow-frame: a WebSocket frame dribbled a byte at a time is cut off', async () => {
    const server = await start({ heartbeatMs: 40 });
    const { socket, closed, connected } = open(server.port);
    await connected;
    socket.write(
      `GET ${CLASSROOM_WS_PATH} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nUpgrade: websocket\r\n` +
        'Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    // A masked text frame of 1,024 bytes, then its payload a byte at a time: it cannot answer a ping.
    socket.write(Buffer.from([0x81, 0x80 | 126, 0x04, 0x00, 1, 2, 3, 4]));
    const drip = setInterval(() => socket.write(Buffer.from([0x61])), 20);
    const got = await closed;
    clearInterval(drip);
    expect(got).toContain('101 Switching Protocols');
  });

  it('classroom.timeouts.per-address: connections over the cap from one address are dropped at once', async () => {
    const server = await start({ relay: { trustLoopback: false }, maxSocketsPerAddress: 3 });
    const held = [open(server.port), open(server.port), open(server.port)];
    await Promise.all(held.map((h) => h.connected));
    const extra = open(server.port);
    await extra.connected;
    extra.socket.write(`GET /classroom/info HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`);
    expect(await extra.closed).toBe('');
    const other = open(server.port, '127.0.0.2');
    await other.connected;
    other.socket.write(
      `GET /classroom/info HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(await other.closed).toMatch(/^HTTP\/1\.1 200/);
    expect(held.every((h) => !h.socket.destroyed)).toBe(true);
  });
});
