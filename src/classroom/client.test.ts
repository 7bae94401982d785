import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  type ClassroomClient,
  type ConnectionStatus,
  classroomSocketUrl,
  createClassroomClient,
  fetchServerInfo,
  type SocketLike,
  studentSeat,
} from './client';
import { CLASSROOM_WS_PATH, type ServerMessage, type ServerMessageOf } from './protocol';
import { type ClassroomServer, startClassroomServer } from './server/server';
import { refOf, single } from './testQuestions';

let server: ClassroomServer | null = null;
const clients: ClassroomClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.close();
  server = null;
});

/** A client whose sockets the test can see (to cut one), with its messages and statuses recorded. */
function recordingClient(port: number, hello: () => Parameters<typeof createClassroomClient>[0]['hello']) {
  const sockets: WebSocket[] = [];
  const messages: ServerMessage[] = [];
  const statuses: ConnectionStatus[] = [];
  const waiters = new Set<() => void>();
  const client = createClassroomClient({
    url: `ws://127.0.0.1:${port}${CLASSROOM_WS_PATH}`,
    socket: (url) => {
      const ws = new WebSocket(url);
      sockets.push(ws);
      return ws as unknown as SocketLike;
    },
    onMessage: (m) => {
      messages.push(m);
      for (const w of [...waiters]) w();
    },
    onStatus: (s) => statuses.push(s),
    hello: hello(),
    initialDelayMs: 20,
    random: () => 0.5,
  });
  clients.push(client);
  const next = <T extends ServerMessage['type']>(type: T, from = 0) =>
    new Promise<ServerMessageOf<T>>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no ${type}: ${messages.map((m) => m.type)}`)), 5000);
      const look = () => {
        const hit = messages.slice(from).find((m) => m.type === type);
        if (!hit) return;
        waiters.delete(look);
        clearTimeout(timer);
        done(hit as ServerMessageOf<T>);
      };
      waiters.add(look);
      look();
    });
  return { client, sockets, messages, statuses, next };
}

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}

describe('classroom.client', () => {
  it('classroom.client.reconnect: after a dropped socket it rejoins with its seat and keeps the answer', async () => {
    server = await startClassroomServer({ host: '127.0.0.1' });
    const port = server.port;
    const storage = memoryStorage();
    const seats = studentSeat(storage);
    const teacher = recordingClient(port, () => () => ({ type: 'create' }));
    const { code, token } = await teacher.next('session');

    const student = recordingClient(port, () => () => {
      const seat = seats.load();
      return seat
        ? { type: 'rejoin', code: seat.code, studentId: seat.studentId, resume: seat.resume }
        : null;
    });
    student.client.send({ type: 'join', code, name: 'Ada' });
    const joined = await student.next('joined');
    seats.save({ code, studentId: joined.studentId, resume: joined.resume, name: joined.name });
    teacher.client.send({ type: 'ask', code, token, ref: refOf(single.id), question: single });
    await student.next('question', student.messages.length);
    student.client.send({ type: 'answer', seq: 1, answer: ['warm'] });
    await student.next('answered');

    const before = student.messages.length;
    student.sockets[0]?.terminate();
    const back = await student.next('question', before);
    expect(back).toMatchObject({ round: { seq: 1 }, yourAnswer: ['warm'] });
    expect(student.sockets).toHaveLength(2);
    expect(student.statuses).toEqual(['open', 'reconnecting', 'open']);
    // Queued while offline, sent after the rejoin.
    student.sockets[1]?.terminate();
    student.client.send({ type: 'answer', seq: 1, answer: ['new'] });
    expect((await student.next('answered', student.messages.length)).answer).toEqual(['new']);
    expect(server.store.sessions.get(code)?.students.size).toBe(1);
  });

  it('classroom.client.close: a closed client stops reconnecting', async () => {
    server = await startClassroomServer({ host: '127.0.0.1' });
    const c = recordingClient(server.port, () => () => null);
    await new Promise((r) => setTimeout(r, 50));
    c.client.close();
    await new Promise((r) => setTimeout(r, 100));
    expect(c.sockets).toHaveLength(1);
    expect(c.client.status()).toBe('closed');
  });

  it('classroom.client.info: a static host without the server reads as "no classroom"', async () => {
    const notFound = (async () => new Response('Not found', { status: 404 })) as typeof fetch;
    const html = (async () => new Response('<!doctype html>', { status: 200 })) as typeof fetch;
    const down = (async () => {
      throw new TypeError('network');
    }) as typeof fetch;
    for (const f of [notFound, html, down]) expect(await fetchServerInfo(f)).toBeNull();
    server = await startClassroomServer({ host: '127.0.0.1' });
    const base = server.url;
    const real = ((path: string) => fetch(new URL(path, base))) as typeof fetch;
    expect(await fetchServerInfo(real)).toMatchObject({ name: 'lambda-lab-classroom', local: true });
    expect(classroomSocketUrl({ protocol: 'https:', host: 'lab.example:8443' })).toBe(
      'wss://lab.example:8443/classroom/ws',
    );
  });

  it('classroom.client.seat: a corrupt stored seat is ignored, not trusted', () => {
    const storage = memoryStorage();
    const seats = studentSeat(storage);
    storage.setItem('lambda-lab.classroom.student', '{"code":"../../","studentId":1}');
    expect(seats.load()).toBeNull();
    storage.setItem('lambda-lab.classroom.student', 'not json');
    expect(seats.load()).toBeNull();
  });
});
