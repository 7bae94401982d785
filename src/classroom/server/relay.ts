/**
 * The relay: WebSocket connections in, validated messages to the session store, results out. Every
 * message passes the rate limit and the bounded parse (size, depth, JSON, version); an instructor's
 * token is checked before the question's schema; a refused message gets a specific error with `about`
 * and changes nothing.
 */
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { ClientMessage, ErrorCode, ServerMessage } from '../protocol';
import { createGuard, type GuardOptions } from './guard';
import { ABOUT_UNKNOWN, checkMessage, credentials, type Envelope, parseEnvelope } from './parse';
import { createTokenBucket } from './rateLimit';
import { type Conn, createRooms } from './rooms';
import type { Result, SessionStore } from './sessions';

/** The per-address limits are `GuardOptions` (guard.ts); the rest is per connection. */
export interface RelayOptions extends GuardOptions {
  /** Anyone creating a session from another machine must present it. */
  readonly hostKey: string;
  /** Messages per connection: a burst, then a steady rate. */
  readonly burst: number;
  readonly perSecond: number;
  /** A socket that has neither joined nor opened a session by then is closed. */
  readonly helloTimeoutMs: number;
  /** A socket whose unsent output grows past this (it does not read) is cut off. */
  readonly maxBufferedBytes: number;
  /** A connection whose messages keep being refused for the rate is closed after this many. */
  readonly dropsBeforeClose: number;
  /** The instructor's histogram is sent at most this often (it coalesces a burst of answers). */
  readonly histogramIntervalMs: number;
  /** The server's own machine may open sessions without the host key and is not limited per address. */
  readonly trustLoopback: boolean;
}

export const DEFAULT_RELAY_OPTIONS: Omit<RelayOptions, 'now' | 'hostKey'> = {
  burst: 20,
  perSecond: 5,
  failBurst: 10,
  failPerMinute: 5,
  blockMs: 10 * 60_000,
  joinBurst: 5,
  joinsPerSecond: 1,
  serverJoinBurst: 300,
  serverJoinsPerSecond: 30,
  seatsPerAddress: 4,
  // Long enough for a page left on the join screen (it reconnects by itself when cut).
  helloTimeoutMs: 10 * 60_000,
  maxBufferedBytes: 4 * 1024 * 1024,
  dropsBeforeClose: 200,
  histogramIntervalMs: 50,
  trustLoopback: true,
};

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;
export const isLoopback = (address: string | undefined): boolean => LOOPBACK.test(address ?? '');

/** Sends unless the socket is gone; a reader that stopped reading is cut off instead of buffered. */
function sender(maxBufferedBytes: number) {
  return (ws: WebSocket, msg: ServerMessage): void => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > maxBufferedBytes) return void ws.terminate();
    ws.send(JSON.stringify(msg));
  };
}

const INSTRUCTOR_TYPES: ReadonlySet<string> = new Set(['resume', 'ask', 'reveal', 'export', 'end']);

export function createRelay(store: SessionStore, options: RelayOptions) {
  const { now } = options;
  const send = sender(options.maxBufferedBytes);
  const rooms = createRooms(store, options.histogramIntervalMs, send);
  const guard = createGuard(options);
  const conns = new Set<Conn>();

  function refuse(conn: Conn, code: ErrorCode, message: string, about: string): void {
    send(conn.ws, { type: 'error', code, message, about });
  }

  /** Blocked addresses are refused every lookup, the right code included: guessing gains nothing. */
  function blocked(conn: Conn, about: string): boolean {
    const ms = guard.blocked(conn.address);
    if (ms === 0) return false;
    const minutes = Math.ceil(ms / 60_000);
    refuse(
      conn,
      'rate-limited',
      `Too many wrong codes from this device; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      about,
    );
    return true;
  }

  /** Refuses a failed lookup, counting wrong codes and tokens against the address. */
  function lookup<T>(conn: Conn, r: Result<T>, about: string): T | null {
    if (r.ok) return r.value;
    const guessing = r.code === 'code-unknown' || r.code === 'not-instructor' || r.code === 'not-joined';
    if (guessing && !guard.failed(conn.address)) {
      blocked(conn, about);
      return null;
    }
    refuse(conn, r.code, r.message, about);
    return null;
  }

  function create(conn: Conn, hostKey: string | undefined): void {
    if (blocked(conn, 'create')) return;
    const allowed = conn.local || (hostKey !== undefined && rooms.sameKey(hostKey, options.hostKey));
    if (allowed) {
      const session = lookup(conn, store.create(), 'create');
      if (session) rooms.watch(conn, session);
    } else if (guard.failed(conn.address)) {
      refuse(
        conn,
        'forbidden',
        'Opening a session needs the host key printed by `npm run classroom`.',
        'create',
      );
    } else blocked(conn, 'create');
  }

  /** The token is checked before the (possibly large) question is validated. */
  function command(conn: Conn, env: Envelope) {
    const creds = credentials(env);
    if (!creds.ok) return refuse(conn, creds.code, creds.message, creds.about);
    if (blocked(conn, env.type)) return;
    const session = lookup(conn, store.authorize(creds.code, creds.token), env.type);
    if (!session) return;
    const checked = checkMessage(env);
    if (!checked.ok) return refuse(conn, checked.code, checked.message, checked.about);
    const msg = checked.msg;
    rooms.watch(conn, session, msg.type === 'resume');
    if (msg.type === 'export') rooms.sendCsv(conn, session);
    else if (msg.type === 'end') {
      rooms.end(session);
      guard.forget(session.code);
    } else if (msg.type === 'reveal') {
      if (lookup(conn, store.reveal(session), msg.type)) rooms.broadcastReveal(session);
    } else if (msg.type === 'ask') {
      if (lookup(conn, store.ask(session, msg.ref, msg.question), msg.type)) rooms.broadcastQuestion(session);
    }
  }

  function join(conn: Conn, msg: Extract<ClientMessage, { type: 'join' | 'rejoin' }>) {
    if (blocked(conn, msg.type)) return;
    if (!guard.mayJoin(conn.address, conn.local))
      return refuse(conn, 'rate-limited', 'Too many joins at once; wait a moment and try again.', msg.type);
    if (msg.type === 'rejoin') {
      const back = lookup(conn, store.rejoin(msg.code, msg.studentId, msg.resume), msg.type);
      if (back) rooms.seat(conn, back.session, back.student);
      return;
    }
    const open = lookup(conn, store.open(msg.code), msg.type);
    if (!open) return;
    if (!guard.seatsLeft(open.code, conn.address, conn.local))
      return refuse(
        conn,
        'rate-limited',
        `This device already holds ${options.seatsPerAddress} seats in this session.`,
        msg.type,
      );
    const joined = lookup(conn, store.join(msg.code, msg.name), msg.type);
    if (!joined) return;
    guard.tookSeat(open.code, conn.address);
    rooms.seat(conn, joined.session, joined.student);
  }

  function answer(conn: Conn, msg: Extract<ClientMessage, { type: 'answer' }>) {
    const seat = conn.seat;
    if (!seat) return refuse(conn, 'not-joined', 'Join a session before answering.', msg.type);
    const record = lookup(conn, store.answer(seat.session, seat.studentId, msg.seq, msg.answer), msg.type);
    if (!record) return;
    send(conn.ws, { type: 'answered', seq: msg.seq, answer: record.value });
    rooms.histogramChanged(seat.session);
  }

  function handle(conn: Conn, env: Envelope) {
    if (INSTRUCTOR_TYPES.has(env.type)) return command(conn, env);
    const checked = checkMessage(env);
    if (!checked.ok) return refuse(conn, checked.code, checked.message, checked.about);
    const msg = checked.msg;
    switch (msg.type) {
      case 'create':
        return create(conn, msg.hostKey);
      case 'join':
      case 'rejoin':
        return join(conn, msg);
      case 'answer':
        return answer(conn, msg);
      default:
        // Instructor messages went to `command` above.
        return refuse(conn, 'unknown-type', 'Unknown message type.', msg.type);
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
        openedAt: now(),
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
            refuse(
              conn,
              'rate-limited',
              `Slow down: at most ${options.perSecond} messages a second.`,
              ABOUT_UNKNOWN,
            );
          }
          return;
        }
        drops = 0;
        try {
          const env = parseEnvelope(data, isBinary);
          if (!env.ok) return refuse(conn, env.code, env.message, env.about);
          handle(conn, env);
        } catch {
          // A case nobody foresaw costs this socket (its page reconnects), never the class.
          ws.close(1011, 'internal error');
        }
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
     * can). Two, not one: a phone waking up or a loaded laptop may answer late. A sender stuck mid-frame
     * cannot answer either, so slow senders go the same way. A socket that never joined nor opened a
     * session only holds a slot: it is closed once it is older than the hello timeout.
     */
    heartbeat(): void {
      for (const conn of conns) {
        if (!conn.seat && !conn.watching && now() - conn.openedAt >= options.helloTimeoutMs) {
          conn.ws.close(1008, 'no join within the time limit');
          continue;
        }
        if (conn.missed >= 2) {
          conn.ws.terminate();
          continue;
        }
        conn.missed++;
        conn.ws.ping();
      }
    },
    sweep(): void {
      for (const code of store.sweep()) {
        rooms.forget(code);
        guard.forget(code);
      }
      guard.sweep();
    },
    connections: (): number => conns.size,
    close(): void {
      rooms.close();
    },
  };
}
