/**
 * The browser side of the classroom: a typed WebSocket client that reconnects with backoff and, on
 * every (re)connection, first sends its hello (a student's rejoin, the instructor's resume), then what
 * was queued while offline. Credentials live in sessionStorage, so a reload keeps the seat.
 */
import { z } from 'zod';
import {
  CLASSROOM_INFO_PATH,
  CLASSROOM_PROTOCOL_VERSION,
  CLASSROOM_SERVER_NAME,
  CLASSROOM_WS_PATH,
  type ClientMessage,
  JoinCode,
  Secret,
  ServerInfo,
  ServerMessage,
  StudentId,
} from './protocol';

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** The part of the WebSocket API the client uses: the browser's, or `ws` in Node tests. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  send(data: string): void;
  close(): void;
}
export type SocketFactory = (url: string) => SocketLike;

export interface ClassroomClientOptions {
  readonly url: string;
  readonly onMessage: (msg: ServerMessage) => void;
  readonly onStatus?: (status: ConnectionStatus) => void;
  /** Sent first on every connection; null sends nothing (not joined yet). */
  readonly hello?: () => Outgoing | null;
  readonly socket?: SocketFactory;
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
  /** A socket still connecting after this long is given up and tried again. */
  readonly connectTimeoutMs?: number;
  readonly random?: () => number;
}

/** A message without the version: the client stamps it. */
export type Outgoing = ClientMessage extends infer M ? (M extends unknown ? Omit<M, 'v'> : never) : never;

export interface ClassroomClient {
  /** Sends now, or once reconnected (up to a small queue). */
  send(msg: Outgoing): void;
  close(): void;
  readonly status: () => ConnectionStatus;
}

const CONNECTING = 0;
const OPEN = 1;
const MAX_QUEUED = 20;

export function createClassroomClient(options: ClassroomClientOptions): ClassroomClient {
  const factory: SocketFactory = options.socket ?? ((url) => new WebSocket(url) as unknown as SocketLike);
  const initial = options.initialDelayMs ?? 500;
  const max = options.maxDelayMs ?? 8000;
  const random = options.random ?? Math.random;
  const queue: string[] = [];
  let socket: SocketLike | null = null;
  let status: ConnectionStatus = 'connecting';
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const setStatus = (next: ConnectionStatus) => {
    status = next;
    options.onStatus?.(next);
  };
  const wire = (msg: Outgoing) => JSON.stringify({ ...msg, v: CLASSROOM_PROTOCOL_VERSION });

  function connect(): void {
    const ws = factory(options.url);
    socket = ws;
    // A dead network can leave a socket connecting for minutes; closing it lands in onclose's retry.
    const giveUp = setTimeout(() => {
      if (ws.readyState === CONNECTING) ws.close();
    }, options.connectTimeoutMs ?? 10_000);
    ws.onopen = () => {
      clearTimeout(giveUp);
      attempt = 0;
      setStatus('open');
      const hello = options.hello?.();
      if (hello) ws.send(wire(hello));
      for (const text of queue.splice(0)) ws.send(text);
    };
    ws.onmessage = (ev) => {
      if (typeof ev.data !== 'string') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(ev.data);
      } catch {
        return;
      }
      const r = ServerMessage.safeParse(parsed);
      if (r.success) options.onMessage(r.data);
    };
    ws.onerror = () => undefined;
    ws.onclose = () => {
      clearTimeout(giveUp);
      if (socket !== ws) return;
      socket = null;
      if (stopped) return setStatus('closed');
      setStatus('reconnecting');
      // Full jitter on an exponential backoff: a class whose Wi-Fi blinked does not return in lockstep.
      const delay = Math.min(max, initial * 2 ** attempt) * (0.5 + random() / 2);
      attempt++;
      timer = setTimeout(connect, delay);
    };
  }

  connect();
  return {
    send(msg) {
      const text = wire(msg);
      if (socket?.readyState === OPEN) socket.send(text);
      else if (queue.length < MAX_QUEUED) queue.push(text);
    },
    close() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      const ws = socket;
      socket = null;
      ws?.close();
      setStatus('closed');
    },
    status: () => status,
  };
}

/** The classroom socket on the page's own server. */
export function classroomSocketUrl(loc: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}${CLASSROOM_WS_PATH}`;
}

/** The server's info, or null when the page comes from a static host (no classroom server). */
export async function fetchServerInfo(fetcher: typeof fetch = fetch): Promise<ServerInfo | null> {
  try {
    const res = await fetcher(CLASSROOM_INFO_PATH, { cache: 'no-store' });
    if (!res.ok) return null;
    const r = ServerInfo.safeParse(await res.json());
    return r.success && r.data.name === CLASSROOM_SERVER_NAME ? r.data : null;
  } catch {
    return null;
  }
}

const StudentSeat = z.strictObject({
  code: JoinCode,
  studentId: StudentId,
  resume: Secret,
  name: z.string(),
});
export type StudentSeat = z.infer<typeof StudentSeat>;
const InstructorSeat = z.strictObject({ code: JoinCode, token: Secret });
export type InstructorSeat = z.infer<typeof InstructorSeat>;

const STUDENT_KEY = 'lambda-lab.classroom.student';
const INSTRUCTOR_KEY = 'lambda-lab.classroom.instructor';

function storedSeat<T>(storage: Storage | undefined, key: string, schema: z.ZodType<T>) {
  return {
    load(): T | null {
      try {
        const r = schema.safeParse(JSON.parse(storage?.getItem(key) ?? 'null'));
        return r.success ? r.data : null;
      } catch {
        return null;
      }
    },
    save(seat: T): void {
      storage?.setItem(key, JSON.stringify(seat));
    },
    clear(): void {
      storage?.removeItem(key);
    },
  };
}

const pageStorage = (): Storage | undefined =>
  typeof sessionStorage === 'undefined' ? undefined : sessionStorage;

/** This tab's seat in a session (sessionStorage: one student per tab, kept across reloads). */
export const studentSeat = (storage = pageStorage()) => storedSeat(storage, STUDENT_KEY, StudentSeat);
export const instructorSeat = (storage = pageStorage()) =>
  storedSeat(storage, INSTRUCTOR_KEY, InstructorSeat);
