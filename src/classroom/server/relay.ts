/**
 * The relay: WebSocket connections in, validated messages to the session store, results out. Every
 * message passes the rate limit, the size limit, JSON, version and schema checks before it can touch a
 * session; a refused one gets a specific error and changes nothing.
 */
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import {
  CLASSROOM_PROTOCOL_VERSION,
  CLIENT_MESSAGE_TYPES,
  ClientMessage,
  type ErrorCode,
  LIMITS,
  type ServerMessage,
} from '../protocol';
import { createTokenBucket, type TokenBucket } from './rateLimit';
import { type Conn, createRooms } from './rooms';
import type { Result, SessionStore } from './sessions';

export interface RelayOptions {
  readonly now: () => number;
  /** Anyone creating a session from another machine must present it. */
  readonly hostKey: string;
  /** Messages per connection: a burst, then a steady rate. */
  readonly burst: number;
  readonly perSecond: number;
  /** Failed code or token attempts per client address: a burst, then per minute. */
  readonly failBurst: number;
  readonly failPerMinute: number;
  /** A connection whose messages keep being refused for the rate is closed after this many. */
  readonly dropsBeforeClose: number;
  /** The instructor's histogram is sent at most this often (it coalesces a burst of answers). */
  readonly histogramIntervalMs: number;
  /** The server's own machine may open sessions without the host key (off in tests of the key). */
  readonly trustLoopback: boolean;
}

export const DEFAULT_RELAY_OPTIONS: Omit<RelayOptions, 'now' | 'hostKey'> = {
  burst: 20,
  perSecond: 5,
  failBurst: 10,
  failPerMinute: 10,
  dropsBeforeClose: 200,
  histogramIntervalMs: 50,
  trustLoopback: true,
};

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;
export const isLoopback = (address: string | undefined): boolean => LOOPBACK.test(address ?? '');

function send(ws: WebSocket, msg: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
}

type Parsed = { ok: true; msg: ClientMessage } | { ok: false; code: ErrorCode; message: string };

/** Bytes -> a typed message, or the first reason it is not one. */
export function parseClientMessage(data: Buffer | string, isBinary: boolean): Parsed {
  const bad = (code: ErrorCode, message: string): Parsed => ({ ok: false, code, message });
  const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  if (size > LIMITS.maxMessageBytes)
    return bad('too-large', `Messages are limited to ${LIMITS.maxMessageBytes} bytes; this one has ${size}.`);
  if (isBinary) return bad('bad-json', 'Messages are JSON text, not binary frames.');
  let value: unknown;
  try {
    value = JSON.parse(data.toString());
  } catch {
    return bad('bad-json', 'The message is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return bad('bad-message', 'A message is a JSON object with a "type".');
  const { type, v } = value as { type?: unknown; v?: unknown };
  if (!CLIENT_MESSAGE_TYPES.includes(type as never))
    return bad('unknown-type', `Unknown message type ${JSON.stringify(type)?.slice(0, 40) ?? 'undefined'}.`);
  if (v !== CLASSROOM_PROTOCOL_VERSION)
    return bad(
      'version-mismatch',
      `This server speaks protocol ${CLASSROOM_PROTOCOL_VERSION}; reload the page.`,
    );
  const r = ClientMessage.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return bad(
      'bad-message',
      `The ${String(type)} message is malformed${where}: ${issue?.message ?? 'invalid'}.`,
    );
  }
  return { ok: true, msg: r.data };
}

export function createRelay(store: SessionStore, options: RelayOptions) {
  const { now } = options;
  const rooms = createRooms(store, options.histogramIntervalMs, send);
  const failures = new Map<string, TokenBucket>();
  const conns = new Set<Conn>();

  /** Wrong codes and tokens cost the address a token: guessing codes is slow. */
  function failed(conn: Conn): boolean {
    let bucket = failures.get(conn.address);
    if (!bucket) {
      bucket = createTokenBucket(options.failBurst, options.failPerMinute / 60, now);
      failures.set(conn.address, bucket);
    }
    return bucket.take();
  }

  function refuse(conn: Conn, code: ErrorCode, message: string, about?: string): void {
    send(conn.ws, { type: 'error', code, message, ...(about ? { about } : {}) });
  }

  /** Refuses a failed lookup, counting wrong codes and tokens against the address. */
  function lookup<T>(conn: Conn, r: Result<T>, about: string): T | null {
    if (r.ok) return r.value;
    const guessing = r.code === 'code-unknown' || r.code === 'not-instructor' || r.code === 'not-joined';
    if (guessing && !failed(conn)) {
      refuse(conn, 'rate-limited', 'Too many wrong codes or tokens from this device; wait a minute.', about);
      return null;
    }
    refuse(conn, r.code, r.message, about);
    return null;
  }

  function create(conn: Conn, hostKey: string | undefined): void {
    const allowed = conn.local || (hostKey !== undefined && rooms.sameKey(hostKey, options.hostKey));
    if (allowed) {
      const session = lookup(conn, store.create(), 'create');
      if (session) rooms.watch(conn, session);
    } else if (!failed(conn)) {
      refuse(conn, 'rate-limited', 'Too many wrong host keys; wait a minute.', 'create');
    } else {
      refuse(
        conn,
        'forbidden',
        'Opening a session needs the host key printed by `npm run classroom`.',
        'create',
      );
    }
  }

  type InstructorMessage = Extract<ClientMessage, { token: string }>;
  function command(conn: Conn, msg: InstructorMessage): void {
    const session = lookup(conn, store.authorize(msg.code, msg.token), msg.type);
    if (!session) return;
    rooms.watch(conn, session, msg.type === 'resume');
    if (msg.type === 'export') rooms.sendCsv(conn, session);
    else if (msg.type === 'end') rooms.end(session);
    else if (msg.type === 'reveal') {
      if (lookup(conn, store.reveal(session), msg.type)) rooms.broadcastReveal(session);
    } else if (msg.type === 'ask') {
      if (lookup(conn, store.ask(session, msg.ref, msg.question), msg.type)) rooms.broadcastQuestion(session);
    }
  }

  function answer(conn: Conn, msg: Extract<ClientMessage, { type: 'answer' }>): void {
    const seat = conn.seat;
    if (!seat) {
      refuse(conn, 'not-joined', 'Join a session before answering.', msg.type);
      return;
    }
    const record = lookup(conn, store.answer(seat.session, seat.studentId, msg.seq, msg.answer), msg.type);
    if (!record) return;
    send(conn.ws, { type: 'answered', seq: msg.seq, answer: record.value });
    rooms.histogramChanged(seat.session);
  }

  function handle(conn: Conn, msg: ClientMessage): void {
    switch (msg.type) {
      case 'create':
        create(conn, msg.hostKey);
        break;
      case 'resume':
      case 'export':
      case 'end':
      case 'reveal':
      case 'ask':
        command(conn, msg);
        break;
      case 'join':
      case 'rejoin': {
        const r =
          msg.type === 'join'
            ? store.join(msg.code, msg.name)
            : store.rejoin(msg.code, msg.studentId, msg.resume);
        const joined = lookup(conn, r, msg.type);
        if (joined) rooms.seat(conn, joined.session, joined.student);
        break;
      }
      case 'answer':
        answer(conn, msg);
        break;
      default: {
        const never: never = msg;
        throw new Error(`unhandled message ${JSON.stringify(never)}`);
      }
    }
  }

  return {
    rooms,
    /** Wires one accepted WebSocket. */
    connect(ws: WebSocket, req: IncomingMessage): void {
      const address = req.socket.remoteAddress ?? 'unknown';
      const conn: Conn = {
        ws,
        address,
        local: options.trustLoopback && isLoopback(address),
        seat: null,
        watching: null,
        missed: 0,
      };
      conns.add(conn);
      const bucket = createTokenBucket(options.burst, options.perSecond, now);
      let drops = 0;
      let warnedAt = -Infinity;
      ws.on('pong', () => {
        conn.missed = 0;
      });
      ws.on('message', (data: Buffer, isBinary: boolean) => {
        if (!bucket.take()) {
          drops++;
          if (drops >= options.dropsBeforeClose) return ws.close(1008, 'too many messages');
          // One notice a second is enough; answering every dropped message would amplify a flood.
          if (now() - warnedAt >= 1000) {
            warnedAt = now();
            refuse(conn, 'rate-limited', `Slow down: at most ${options.perSecond} messages a second.`);
          }
          return;
        }
        drops = 0;
        const parsed = parseClientMessage(data, isBinary);
        if (!parsed.ok) return refuse(conn, parsed.code, parsed.message);
        handle(conn, parsed.msg);
      });
      const gone = () => {
        conns.delete(conn);
        rooms.leave(conn);
      };
      ws.on('close', gone);
      ws.on('error', gone);
    },
    /**
     * Pings every socket; one that missed two pings in a row is cut off (its page reconnects if it still
     * can). Two, not one: a phone waking up or a loaded laptop may answer late.
     */
    heartbeat(): void {
      for (const conn of conns) {
        if (conn.missed >= 2) {
          conn.ws.terminate();
          continue;
        }
        conn.missed++;
        conn.ws.ping();
      }
    },
    sweep(): void {
      for (const code of store.sweep()) rooms.forget(code);
      // Old failure counters are full again by now; dropping them keeps the map small.
      if (failures.size > 10_000) failures.clear();
    },
    connections: (): number => conns.size,
    close(): void {
      rooms.close();
    },
  };
}
