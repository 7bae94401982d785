import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { refOf, single } from '../testQuestions';
import { type JournalEvent, openJournal, readJournal, snapshot } from './journal';
import { createSessionStore, DEFAULT_STORE_OPTIONS, type Result } from './sessions';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.code);
  return r.value;
}

describe('classroom.journal', () => {
  it('classroom.journal.replay: a store rebuilt from the journal has the same seats, rounds and answers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'classroom-journal-'));
    dirs.push(dir);
    const path = join(dir, 'j.jsonl');
    const journal = openJournal(path);
    const t = 1_000_000;
    const store = createSessionStore({
      ...DEFAULT_STORE_OPTIONS,
      now: () => t,
      record: (e) => journal.append(e),
    });
    const s = must(store.create());
    const ada = must(store.join(s.code, 'Ada')).student;
    must(store.join(s.code, undefined));
    must(store.ask(s, refOf(single.id), single));
    must(store.answer(s, ada.id, 1, ['new']));
    must(store.answer(s, ada.id, 1, ['warm']));
    must(store.reveal(s));
    // A crash in the middle of a write leaves a torn last line: it is skipped.
    appendFileSync(path, '{"k":"answer","code":"');
    journal.close();

    const back = createSessionStore({ ...DEFAULT_STORE_OPTIONS, now: () => t });
    back.restore(readJournal(path));
    const again = back.sessions.get(s.code);
    expect(again?.token).toBe(s.token);
    expect(again?.students.get(ada.id)).toEqual(ada);
    expect(again?.students.size).toBe(2);
    expect(again?.rounds[0]?.answers.get(ada.id)).toMatchObject({ value: ['warm'], correct: true });
    expect(again?.rounds[0]?.revealedAt).toBe(t);
    expect(must(back.rejoin(s.code, ada.id, ada.resume)).student.name).toBe('Ada');
  });

  it('classroom.journal.compact: a rewrite keeps one event per fact, and ended or forgotten sessions stay so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'classroom-journal-'));
    dirs.push(dir);
    const path = join(dir, 'j.jsonl');
    const events: JournalEvent[] = [];
    const store = createSessionStore({
      ...DEFAULT_STORE_OPTIONS,
      now: () => 1,
      record: (e) => events.push(e),
    });
    const s = must(store.create());
    const ada = must(store.join(s.code, 'Ada')).student;
    must(store.ask(s, refOf(single.id), single));
    for (const pick of ['new', 'both', 'warm']) must(store.answer(s, ada.id, 1, [pick]));
    store.end(s);
    const compacted = snapshot('host-key', store.sessions.values());
    expect(compacted.filter((e) => e.k === 'answer')).toHaveLength(1);
    expect(compacted.length).toBeLessThan(events.length);
    const journal = openJournal(path);
    journal.rewrite(compacted);
    journal.append({ k: 'forget', code: 'GONEGONE' });
    journal.close();
    const back = createSessionStore({ ...DEFAULT_STORE_OPTIONS, now: () => 1 });
    back.restore(readJournal(path));
    expect(back.sessions.get(s.code)?.ended).toBe(true);
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe('{"k":"host","key":"host-key"}');
  });
});
