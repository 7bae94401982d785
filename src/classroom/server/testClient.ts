/** A raw WebSocket client for the relay's tests: sends anything, and waits for typed replies. */
import { afterEach } from 'vitest';
import { WebSocket } from 'ws';
import {
  CLASSROOM_PROTOCOL_VERSION,
  CLASSROOM_WS_PATH,
  ServerMessage,
  type ServerMessageOf,
} from '../protocol';
import { type ClassroomServer, type ClassroomServerOptions, startClassroomServer } from './server';

export interface TestClient {
  readonly ws: WebSocket;
  /** Every message received so far, parsed and schema-checked. */
  readonly received: ServerMessage[];
  /** Sends an object as JSON, with the protocol version unless it sets `v` itself. */
  send(msg: Record<string, unknown>): void;
  sendRaw(data: string | Buffer, binary?: boolean): void;
  /** The next message of `type` (after those already consumed) that matches `where`. */
  next<T extends ServerMessage['type']>(
    type: T,
    where?: (m: ServerMessageOf<T>) => boolean,
    timeoutMs?: number,
  ): Promise<ServerMessageOf<T>>;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

/** `from` picks the client's own loopback address (127.0.0.2 is "another device"); it always dials 127.0.0.1. */
export async function testClient(
  port: number,
  headers: Record<string, string> = {},
  from?: string,
): Promise<TestClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${CLASSROOM_WS_PATH}`, {
    headers,
    ...(from ? { localAddress: from } : {}),
  });
  const received: ServerMessage[] = [];
  const consumed = new Set<ServerMessage>();
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    received.push(ServerMessage.parse(JSON.parse(data.toString())));
    for (const w of [...waiters]) w();
  });
  const closed = new Promise<{ code: number; reason: string }>((done) =>
    ws.on('close', (code, reason) => done({ code, reason: reason.toString() })),
  );
  await new Promise<void>((done, fail) => {
    ws.once('open', () => done());
    ws.once('error', fail);
  });
  return {
    ws,
    received,
    send: (msg) => ws.send(JSON.stringify({ v: CLASSROOM_PROTOCOL_VERSION, ...msg })),
    sendRaw: (data, binary = false) => ws.send(data, { binary }),
    next(type, where = () => true, timeoutMs = 15_000) {
      type M = ServerMessageOf<typeof type>;
      return new Promise<M>((done, fail) => {
        const look = () => {
          const hit = received.find((m): m is M => !consumed.has(m) && m.type === type && where(m as M));
          if (!hit) return false;
          consumed.add(hit);
          waiters.delete(check);
          clearTimeout(timer);
          done(hit);
          return true;
        };
        const check = () => void look();
        const timer = setTimeout(() => {
          waiters.delete(check);
          fail(
            new Error(
              `no ${type} message within ${timeoutMs} ms; got ${JSON.stringify(received.map((m) => m.type))}`,
            ),
          );
        }, timeoutMs);
        if (!look()) waiters.add(check);
      });
    },
    closed,
    close: () => ws.close(),
  };
}

/**
 * Relays on 127.0.0.1 with an injected clock (`clock.now`), each with an instructor's session open;
 * everything started is closed after each test. `client(from)` connects from another loopback address.
 */
export function relayHarness() {
  const running: ClassroomServer[] = [];
  const clients: TestClient[] = [];
  const clock = { now: 1_000_000 };
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await Promise.all(running.splice(0).map((s) => s.close()));
  });
  async function start(options: ClassroomServerOptions = {}) {
    const server = await startClassroomServer({ host: '127.0.0.1', now: () => clock.now, ...options });
    running.push(server);
    const client = async (from?: string, headers?: Record<string, string>) => {
      const c = await testClient(server.port, headers, from);
      clients.push(c);
      return c;
    };
    const teacher = await client();
    teacher.send({ type: 'create', hostKey: server.hostKey });
    const session = await teacher.next('session');
    const student = async (name?: string) => {
      const c = await client();
      c.send({ type: 'join', code: session.code, ...(name ? { name } : {}) });
      return { client: c, joined: await c.next('joined') };
    };
    const auth = { code: session.code, token: session.token };
    return { server, client, teacher, session, student, auth };
  }
  return { clock, start };
}
