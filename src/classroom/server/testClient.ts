/** A raw WebSocket client for the relay's tests: sends anything, and waits for typed replies. */
import { WebSocket } from 'ws';
import {
  CLASSROOM_PROTOCOL_VERSION,
  CLASSROOM_WS_PATH,
  ServerMessage,
  type ServerMessageOf,
} from '../protocol';

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

export async function testClient(port: number, headers: Record<string, string> = {}): Promise<TestClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${CLASSROOM_WS_PATH}`, { headers });
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
    next(type, where = () => true, timeoutMs = 5000) {
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
