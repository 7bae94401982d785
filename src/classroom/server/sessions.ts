/**
 * The session store: sessions by join code, students, rounds (one per asked question) and their answers.
 * No sockets here and an injected clock, so every rule is unit-testable; the relay turns results into
 * messages.
 */
import type { Question } from '../../lessons/quiz';
import type { AnswerValue, ErrorCode, Histogram, QuestionRef } from '../protocol';
import { answerProblem, isCorrect, tally } from '../tally';
import { newJoinCode, newSecret, newStudentId, sameSecret } from './codes';
import { applyEvent, type JournalEvent } from './journal';

export interface Student {
  readonly id: string;
  readonly resume: string;
  readonly name: string;
  readonly joinedAt: number;
}

export interface AnswerRecord {
  readonly value: AnswerValue;
  /** Wall-clock ms of the latest answer; a student may change it until the reveal. */
  readonly at: number;
  readonly correct: boolean;
}

export interface Round {
  readonly seq: number;
  readonly ref: QuestionRef;
  readonly question: Question;
  readonly openedAt: number;
  revealedAt: number | null;
  readonly answers: Map<string, AnswerRecord>;
}

export interface Session {
  readonly code: string;
  readonly token: string;
  readonly createdAt: number;
  readonly codeExpiresAt: number;
  ended: boolean;
  readonly students: Map<string, Student>;
  readonly rounds: Round[];
}

export interface StoreOptions {
  readonly now: () => number;
  /** Joins and rejoins are refused after this long; the instructor can still export. */
  readonly codeTtlMs: number;
  /** After the code expired, the session is forgotten this much later. */
  readonly keepAfterExpiryMs: number;
  readonly maxStudents: number;
  readonly maxSessions: number;
  /** Every change, for the on-disk journal that lets a restarted relay resume its sessions. */
  readonly record?: (event: JournalEvent) => void;
}

export const DEFAULT_STORE_OPTIONS: Omit<StoreOptions, 'now'> = {
  codeTtlMs: 3 * 60 * 60_000,
  keepAfterExpiryMs: 60 * 60_000,
  maxStudents: 400,
  maxSessions: 50,
};

export type Result<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(code: ErrorCode, message: string): Result<T> => ({ ok: false, code, message });

export const currentRound = (s: Session): Round | null => s.rounds.at(-1) ?? null;

export function createSessionStore(options: StoreOptions) {
  const sessions = new Map<string, Session>();
  const { now } = options;
  const journal = options.record ?? (() => undefined);

  /** The session behind a code, for students: expired or ended sessions refuse them. */
  function open(code: string): Result<Session> {
    const s = sessions.get(code);
    if (!s) return fail('code-unknown', `No session has the code ${code}. Check the code on the screen.`);
    if (s.ended) return fail('session-ended', 'This session has ended.');
    if (now() >= s.codeExpiresAt)
      return fail('code-expired', `The code ${code} has expired. Ask for a new one.`);
    return ok(s);
  }

  return {
    sessions: sessions as ReadonlyMap<string, Session>,

    create(): Result<Session> {
      if (sessions.size >= options.maxSessions)
        return fail('server-full', `This server already runs ${options.maxSessions} sessions.`);
      const t = now();
      const s: Session = {
        code: newJoinCode((c) => sessions.has(c)),
        token: newSecret(),
        createdAt: t,
        codeExpiresAt: t + options.codeTtlMs,
        ended: false,
        students: new Map(),
        rounds: [],
      };
      sessions.set(s.code, s);
      journal({
        k: 'session',
        code: s.code,
        token: s.token,
        createdAt: s.createdAt,
        codeExpiresAt: s.codeExpiresAt,
      });
      return ok(s);
    },

    /** The instructor's session, if `token` is its token (compared in constant time). */
    authorize(code: string, token: string): Result<Session> {
      const s = sessions.get(code);
      if (!s) return fail('code-unknown', `No session has the code ${code}.`);
      if (!sameSecret(token, s.token))
        return fail('not-instructor', 'Only the instructor of this session can do that.');
      return ok(s);
    },

    open,

    join(code: string, name: string | undefined): Result<{ session: Session; student: Student }> {
      const r = open(code);
      if (!r.ok) return r;
      const s = r.value;
      if (s.students.size >= options.maxStudents)
        return fail('session-full', `This session is full (${options.maxStudents} students).`);
      const trimmed = name?.trim() ?? '';
      const student: Student = {
        id: newStudentId(),
        resume: newSecret(),
        name: trimmed === '' ? `Student ${s.students.size + 1}` : trimmed,
        joinedAt: now(),
      };
      s.students.set(student.id, student);
      journal({ k: 'student', code: s.code, ...student });
      return ok({ session: s, student });
    },

    rejoin(code: string, studentId: string, resume: string): Result<{ session: Session; student: Student }> {
      const r = open(code);
      if (!r.ok) return r;
      const student = r.value.students.get(studentId);
      // Same answer for an unknown id and a wrong secret: ids cannot be probed.
      if (!student || !sameSecret(resume, student.resume))
        return fail('not-joined', 'This page is not part of the session any more. Join again.');
      return ok({ session: r.value, student });
    },

    /** Opens the next question; the previous one closes (revealed or not). */
    ask(s: Session, ref: QuestionRef, question: Question): Result<Round> {
      if (s.ended) return fail('session-ended', 'This session has ended.');
      if (now() >= s.codeExpiresAt)
        return fail('code-expired', 'The session code has expired; open a new session.');
      const round: Round = {
        seq: s.rounds.length + 1,
        ref,
        question,
        openedAt: now(),
        revealedAt: null,
        answers: new Map(),
      };
      s.rounds.push(round);
      journal({ k: 'ask', code: s.code, seq: round.seq, ref, question, openedAt: round.openedAt });
      return ok(round);
    },

    answer(s: Session, studentId: string, seq: number, value: AnswerValue): Result<AnswerRecord> {
      if (s.ended) return fail('session-ended', 'This session has ended; answers are closed.');
      const round = currentRound(s);
      if (!round) return fail('no-question', 'No question is open yet.');
      if (seq !== round.seq)
        return fail('wrong-question', 'That question is closed; the instructor moved on.');
      if (round.revealedAt !== null)
        return fail('question-closed', 'The answer was revealed; answers are closed.');
      const problem = answerProblem(round.question, value);
      if (problem !== null) return fail('bad-answer', `That answer does not fit the question: ${problem}.`);
      const record: AnswerRecord = { value, at: now(), correct: isCorrect(round.question, value) };
      round.answers.set(studentId, record);
      journal({ k: 'answer', code: s.code, seq, id: studentId, ...record });
      return ok(record);
    },

    reveal(s: Session): Result<Round> {
      if (s.ended) return fail('session-ended', 'This session has ended.');
      const round = currentRound(s);
      if (!round) return fail('no-question', 'Ask a question first.');
      if (round.revealedAt === null) {
        round.revealedAt = now();
        journal({ k: 'reveal', code: s.code, seq: round.seq, revealedAt: round.revealedAt });
      }
      return ok(round);
    },

    end(s: Session): void {
      if (s.ended) return;
      s.ended = true;
      journal({ k: 'end', code: s.code });
    },

    /** Rebuilds sessions from a journal (a restart); replayed events are not recorded again. */
    restore(events: Iterable<JournalEvent>): void {
      for (const e of events) applyEvent(sessions, e);
    },

    /** Forgets sessions whose code expired long enough ago; returns their codes. */
    sweep(): string[] {
      const gone: string[] = [];
      for (const [code, s] of sessions) {
        if (now() >= s.codeExpiresAt + options.keepAfterExpiryMs) {
          sessions.delete(code);
          journal({ k: 'forget', code });
          gone.push(code);
        }
      }
      return gone;
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

/** The current round's counts; `connected` comes from the relay, which knows the sockets. */
export function histogramOf(s: Session, connected: number): Histogram {
  const round = currentRound(s);
  const revealed = round?.revealedAt != null;
  const answers = round ? [...round.answers.values()] : [];
  return {
    seq: round?.seq ?? 0,
    buckets: round
      ? tally(
          round.question,
          answers.map((a) => a.value),
          revealed,
        )
      : [],
    answered: answers.length,
    joined: s.students.size,
    connected,
    correctCount: revealed ? answers.filter((a) => a.correct).length : null,
  };
}
