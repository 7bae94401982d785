/**
 * The on-disk journal: one JSON line per change to the sessions (a session opened, a student seated, a
 * question asked, an answer, a reveal, an end). A relay restarted by the supervisor replays it, so
 * students keep their seats, the open question and its answers. Each line is written before the
 * client hears back, so a crash loses at most the message being handled.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Question } from '../../lessons/quiz';
import type { AnswerValue, QuestionRef } from '../protocol';
import type { Round, Session } from './sessions';

export type JournalEvent =
  | { k: 'host'; key: string }
  | { k: 'session'; code: string; token: string; createdAt: number; codeExpiresAt: number }
  | { k: 'student'; code: string; id: string; resume: string; name: string; joinedAt: number }
  | { k: 'ask'; code: string; seq: number; ref: QuestionRef; question: Question; openedAt: number }
  | { k: 'answer'; code: string; seq: number; id: string; value: AnswerValue; at: number; correct: boolean }
  | { k: 'reveal'; code: string; seq: number; revealedAt: number }
  | { k: 'end'; code: string }
  | { k: 'forget'; code: string };

const KINDS = new Set(['host', 'session', 'student', 'ask', 'answer', 'reveal', 'end', 'forget']);

/** Applies one event to the sessions; events naming an unknown session or round are skipped. */
export function applyEvent(sessions: Map<string, Session>, e: JournalEvent): void {
  if (e.k === 'host') return;
  if (e.k === 'session') {
    const { code, token, createdAt, codeExpiresAt } = e;
    sessions.set(code, {
      code,
      token,
      createdAt,
      codeExpiresAt,
      ended: false,
      students: new Map(),
      rounds: [],
    });
    return;
  }
  const s = sessions.get(e.code);
  if (!s) return;
  const round = (seq: number): Round | undefined => s.rounds.find((r) => r.seq === seq);
  switch (e.k) {
    case 'student':
      s.students.set(e.id, { id: e.id, resume: e.resume, name: e.name, joinedAt: e.joinedAt });
      return;
    case 'ask':
      s.rounds.push({
        seq: e.seq,
        ref: e.ref,
        question: e.question,
        openedAt: e.openedAt,
        revealedAt: null,
        answers: new Map(),
      });
      return;
    case 'answer':
      round(e.seq)?.answers.set(e.id, { value: e.value, at: e.at, correct: e.correct });
      return;
    case 'reveal': {
      const r = round(e.seq);
      if (r) r.revealedAt = e.revealedAt;
      return;
    }
    case 'end':
      s.ended = true;
      return;
    case 'forget':
      sessions.delete(e.code);
      return;
    default: {
      const never: never = e;
      throw new Error(`unknown journal event ${JSON.stringify(never)}`);
    }
  }
}

/** The fewest events that rebuild the sessions as they are now (the journal after compaction). */
export function snapshot(hostKey: string, sessions: Iterable<Session>): JournalEvent[] {
  const events: JournalEvent[] = [{ k: 'host', key: hostKey }];
  for (const s of sessions) {
    const { code } = s;
    events.push({
      k: 'session',
      code,
      token: s.token,
      createdAt: s.createdAt,
      codeExpiresAt: s.codeExpiresAt,
    });
    for (const st of s.students.values()) events.push({ k: 'student', code, ...st });
    for (const r of s.rounds) {
      events.push({ k: 'ask', code, seq: r.seq, ref: r.ref, question: r.question, openedAt: r.openedAt });
      for (const [id, a] of r.answers) events.push({ k: 'answer', code, seq: r.seq, id, ...a });
      if (r.revealedAt !== null) events.push({ k: 'reveal', code, seq: r.seq, revealedAt: r.revealedAt });
    }
    if (s.ended) events.push({ k: 'end', code });
  }
  return events;
}

/** Reads a journal; a line cut short by a crash (or anything unreadable) is skipped. */
export function readJournal(path: string): JournalEvent[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const events: JournalEvent[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    try {
      const e: unknown = JSON.parse(line);
      if (typeof e === 'object' && e !== null && KINDS.has((e as { k?: unknown }).k as string))
        events.push(e as JournalEvent);
    } catch {
      // A torn last line: the change it described was never acknowledged.
    }
  }
  return events;
}

export interface Journal {
  append(e: JournalEvent): void;
  /** Replaces the file with `events` (atomically, through a rename). */
  rewrite(events: readonly JournalEvent[]): void;
  close(): void;
}

const lines = (events: readonly JournalEvent[]) => events.map((e) => `${JSON.stringify(e)}\n`).join('');

/** Opens the journal for appending; the file holds session tokens, so only its owner may read it. */
export function openJournal(
  path: string,
  maxBytes = 8 * 1024 * 1024,
  compact?: () => JournalEvent[],
): Journal {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let fd = openSync(path, 'a', 0o600);
  let written = 0;
  const journal: Journal = {
    append(e) {
      const line = `${JSON.stringify(e)}\n`;
      writeSync(fd, line);
      written += line.length;
      if (compact && written > maxBytes) journal.rewrite(compact());
    },
    rewrite(events) {
      const next = `${path}.${process.pid}.tmp`;
      const text = lines(events);
      writeFileSync(next, text, { mode: 0o600 });
      renameSync(next, path);
      closeSync(fd);
      fd = openSync(path, 'a', 0o600);
      written = text.length;
    },
    close() {
      closeSync(fd);
    },
  };
  return journal;
}
