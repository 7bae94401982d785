/**
 * Who is connected to which session: the instructor's sockets (watching) and each student's sockets
 * (seated; a student may briefly have two while a reconnect overtakes the old socket). Sends the
 * per-person messages and coalesces histogram updates for the instructor.
 */
import type { WebSocket } from 'ws';
import { publicQuestion, type ServerMessage } from '../protocol';
import { sameSecret } from './codes';
import { csvFilename, sessionCsv } from './csv';
import { currentRound, histogramOf, type Session, type SessionStore, type Student } from './sessions';

export interface Conn {
  readonly ws: WebSocket;
  readonly address: string;
  /** Connected from the server's own machine. */
  readonly local: boolean;
  seat: { readonly session: Session; readonly studentId: string } | null;
  watching: Session | null;
  /** Heartbeat pings sent since the last pong. */
  missed: number;
  /** When the socket opened (the relay's clock): one that never joins is closed after a while. */
  readonly openedAt: number;
}

interface Room {
  readonly instructors: Set<Conn>;
  readonly students: Map<string, Set<Conn>>;
  timer: ReturnType<typeof setTimeout> | null;
}

export function createRooms(
  store: SessionStore,
  histogramIntervalMs: number,
  send: (ws: WebSocket, msg: ServerMessage) => void,
) {
  const rooms = new Map<string, Room>();
  const room = (code: string): Room => {
    let r = rooms.get(code);
    if (!r) {
      r = { instructors: new Set(), students: new Map(), timer: null };
      rooms.set(code, r);
    }
    return r;
  };
  const everyone = (code: string): Conn[] => {
    const r = rooms.get(code);
    return r ? [...r.instructors, ...[...r.students.values()].flatMap((set) => [...set])] : [];
  };
  const connected = (s: Session): number => rooms.get(s.code)?.students.size ?? 0;
  const toInstructors = (s: Session, msg: ServerMessage) => {
    for (const c of rooms.get(s.code)?.instructors ?? []) send(c.ws, msg);
  };

  function sessionMessage(s: Session): ServerMessage {
    const round = currentRound(s);
    return {
      type: 'session',
      code: s.code,
      token: s.token,
      codeExpiresAt: s.codeExpiresAt,
      ended: s.ended,
      round: round && {
        seq: round.seq,
        ref: round.ref,
        question: round.question,
        revealed: round.revealedAt !== null,
      },
      histogram: histogramOf(s, connected(s)),
    };
  }

  /** What a student's screen needs now: the open question, or the revealed one. */
  function studentView(s: Session, studentId: string): ServerMessage {
    const round = currentRound(s);
    const mine = round?.answers.get(studentId) ?? null;
    if (round && round.revealedAt !== null) {
      return {
        type: 'reveal',
        round: { seq: round.seq, ref: round.ref, question: round.question },
        histogram: histogramOf(s, connected(s)),
        yourAnswer: mine?.value ?? null,
        yourCorrect: mine ? mine.correct : null,
      };
    }
    return {
      type: 'question',
      round: round && { seq: round.seq, ref: round.ref, question: publicQuestion(round.question) },
      yourAnswer: mine?.value ?? null,
    };
  }

  function toStudents(s: Session): void {
    for (const [id, conns] of rooms.get(s.code)?.students ?? []) {
      const msg = studentView(s, id);
      for (const c of conns) send(c.ws, msg);
    }
  }

  function histogramChanged(s: Session): void {
    const r = room(s.code);
    if (r.timer !== null) return;
    r.timer = setTimeout(() => {
      r.timer = null;
      toInstructors(s, { type: 'histogram', histogram: histogramOf(s, connected(s)) });
    }, histogramIntervalMs);
  }

  function leave(conn: Conn): void {
    if (conn.watching) rooms.get(conn.watching.code)?.instructors.delete(conn);
    conn.watching = null;
    const seat = conn.seat;
    conn.seat = null;
    if (!seat) return;
    const conns = rooms.get(seat.session.code)?.students.get(seat.studentId);
    conns?.delete(conn);
    if (conns?.size === 0) {
      rooms.get(seat.session.code)?.students.delete(seat.studentId);
      histogramChanged(seat.session);
    }
  }

  return {
    /** Subscribes an instructor's socket; a new subscriber (or `resend`) gets the whole state. */
    watch(conn: Conn, s: Session, resend = false): void {
      const fresh = conn.watching !== s;
      if (fresh) {
        leave(conn);
        conn.watching = s;
        room(s.code).instructors.add(conn);
      }
      if (fresh || resend) send(conn.ws, sessionMessage(s));
    },
    seat(conn: Conn, s: Session, student: Student): void {
      leave(conn);
      conn.seat = { session: s, studentId: student.id };
      const students = room(s.code).students;
      const conns = students.get(student.id) ?? new Set<Conn>();
      conns.add(conn);
      students.set(student.id, conns);
      send(conn.ws, {
        type: 'joined',
        code: s.code,
        studentId: student.id,
        resume: student.resume,
        name: student.name,
      });
      send(conn.ws, studentView(s, student.id));
      histogramChanged(s);
    },
    leave,
    histogramChanged,
    broadcastQuestion(s: Session): void {
      toStudents(s);
      toInstructors(s, sessionMessage(s));
    },
    broadcastReveal(s: Session): void {
      toStudents(s);
      toInstructors(s, sessionMessage(s));
    },
    sendCsv(conn: Conn, s: Session): void {
      send(conn.ws, { type: 'csv', filename: csvFilename(s), text: sessionCsv(s) });
    },
    end(s: Session): void {
      store.end(s);
      for (const c of everyone(s.code)) send(c.ws, { type: 'ended' });
    },
    /** A purged session: its sockets are told and closed. */
    forget(code: string): void {
      const r = rooms.get(code);
      if (!r) return;
      if (r.timer !== null) clearTimeout(r.timer);
      for (const c of everyone(code)) {
        send(c.ws, { type: 'ended' });
        c.ws.close(1000, 'session expired');
      }
      rooms.delete(code);
    },
    sameKey: sameSecret,
    close(): void {
      for (const r of rooms.values()) if (r.timer !== null) clearTimeout(r.timer);
    },
  };
}
