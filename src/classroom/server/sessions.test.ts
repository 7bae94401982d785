import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, JoinCode, publicQuestion } from '../protocol';
import { multiple, order, refOf, single, sort } from '../testQuestions';
import { csvCell, sessionCsv } from './csv';
import { createSessionStore, DEFAULT_STORE_OPTIONS, histogramOf, type Result } from './sessions';

function setup(overrides: Partial<typeof DEFAULT_STORE_OPTIONS> = {}) {
  let t = 1_000_000;
  const store = createSessionStore({ ...DEFAULT_STORE_OPTIONS, ...overrides, now: () => t });
  const session = must(store.create());
  return { store, session, advance: (ms: number) => (t += ms) };
}

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}

const codeOf = (r: Result<unknown>) => (r.ok ? 'ok' : r.code);

describe('classroom.store', () => {
  it('classroom.store.codes: short codes from the unambiguous alphabet, never two alike', () => {
    const { store } = setup();
    const codes = new Set<string>();
    for (let i = 0; i < 40; i++) codes.add(must(store.create()).code);
    expect(codes.size).toBe(40);
    for (const code of codes) {
      expect(code).toHaveLength(CODE_LENGTH);
      expect([...code].every((ch) => CODE_ALPHABET.includes(ch))).toBe(true);
      expect(JoinCode.safeParse(code).success).toBe(true);
    }
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('classroom.store.join: anonymous students are numbered; names are trimmed', () => {
    const { store, session } = setup();
    expect(must(store.join(session.code, undefined)).student.name).toBe('Student 1');
    expect(must(store.join(session.code, '  Ada  ')).student.name).toBe('Ada');
    expect(must(store.join(session.code, '   ')).student.name).toBe('Student 3');
    expect(codeOf(store.join('ZZZZZZZZ', 'x'))).toBe('code-unknown');
  });

  it('classroom.store.rejoin: only with the secret given at join, and the answer is kept', () => {
    const { store, session } = setup();
    const { student } = must(store.join(session.code, 'Ada'));
    const round = must(store.ask(session, refOf(single.id), single));
    must(store.answer(session, student.id, round.seq, ['new']));
    expect(codeOf(store.rejoin(session.code, student.id, 'x'.repeat(43)))).toBe('not-joined');
    const back = must(store.rejoin(session.code, student.id, student.resume));
    expect(back.student).toBe(student);
    expect(round.answers.get(student.id)?.value).toEqual(['new']);
  });

  it('classroom.store.expiry: codes stop admitting joins and rejoins, the instructor can still export', () => {
    const { store, session, advance } = setup({ codeTtlMs: 60_000, keepAfterExpiryMs: 30_000 });
    const { student } = must(store.join(session.code, undefined));
    advance(59_999);
    expect(codeOf(store.join(session.code, undefined))).toBe('ok');
    advance(1);
    expect(codeOf(store.join(session.code, undefined))).toBe('code-expired');
    expect(codeOf(store.rejoin(session.code, student.id, student.resume))).toBe('code-expired');
    expect(codeOf(store.ask(session, refOf(single.id), single))).toBe('code-expired');
    expect(codeOf(store.authorize(session.code, session.token))).toBe('ok');
    expect(store.sweep()).toEqual([]);
    advance(30_000);
    expect(store.sweep()).toEqual([session.code]);
    expect(codeOf(store.join(session.code, undefined))).toBe('code-unknown');
  });

  it('classroom.store.limits: full sessions and a full server refuse politely', () => {
    const { store, session } = setup({ maxStudents: 2, maxSessions: 2 });
    must(store.join(session.code, undefined));
    must(store.join(session.code, undefined));
    expect(codeOf(store.join(session.code, undefined))).toBe('session-full');
    must(store.create());
    expect(codeOf(store.create())).toBe('server-full');
  });

  it('classroom.store.answer: answers must fit the open question and close at the reveal', () => {
    const { store, session } = setup();
    const { student } = must(store.join(session.code, undefined));
    expect(codeOf(store.answer(session, student.id, 1, ['warm']))).toBe('no-question');
    const r1 = must(store.ask(session, refOf(single.id), single));
    expect(codeOf(store.answer(session, student.id, r1.seq, ['nope']))).toBe('bad-answer');
    expect(codeOf(store.answer(session, student.id, r1.seq, ['warm', 'new']))).toBe('bad-answer');
    expect(codeOf(store.answer(session, student.id, r1.seq, { warm: 'x' }))).toBe('bad-answer');
    expect(codeOf(store.answer(session, student.id, r1.seq + 1, ['warm']))).toBe('wrong-question');
    expect(must(store.answer(session, student.id, r1.seq, ['new'])).correct).toBe(false);
    // Changing the answer before the reveal replaces it: still one answer.
    expect(must(store.answer(session, student.id, r1.seq, ['warm'])).correct).toBe(true);
    expect(r1.answers.size).toBe(1);
    must(store.reveal(session));
    expect(codeOf(store.answer(session, student.id, r1.seq, ['new']))).toBe('question-closed');
    const r2 = must(store.ask(session, refOf(order.id), order));
    expect(codeOf(store.answer(session, student.id, r1.seq, ['warm']))).toBe('wrong-question');
    expect(codeOf(store.answer(session, student.id, r2.seq, ['init', 'invoke']))).toBe('bad-answer');
    expect(codeOf(store.answer(session, student.id, r2.seq, ['init', 'invoke', 'shutdown']))).toBe('ok');
  });
});

describe('classroom.histogram', () => {
  it('classroom.histogram.choices: exact counts, correct flags only after the reveal', () => {
    const { store, session } = setup();
    const ids = Array.from({ length: 7 }, () => must(store.join(session.code, undefined)).student.id);
    const round = must(store.ask(session, refOf(single.id), single));
    const picks = ['warm', 'warm', 'new', 'warm', 'both', 'new'];
    for (const [i, p] of picks.entries()) must(store.answer(session, ids[i] as string, round.seq, [p]));
    let h = histogramOf(session, 5);
    expect(h.buckets.map((b) => [b.id, b.count])).toEqual([
      ['warm', 3],
      ['new', 2],
      ['both', 1],
    ]);
    expect(h).toMatchObject({ seq: 1, answered: 6, joined: 7, connected: 5, correctCount: null });
    expect(h.buckets.some((b) => 'correct' in b)).toBe(false);
    must(store.reveal(session));
    h = histogramOf(session, 5);
    expect(h.correctCount).toBe(3);
    expect(h.buckets.map((b) => b.correct)).toEqual([true, false, false]);
  });

  it('classroom.histogram.multiple: each pick counts in its bucket, each student once in answered', () => {
    const { store, session } = setup();
    const a = must(store.join(session.code, undefined)).student.id;
    const b = must(store.join(session.code, undefined)).student.id;
    const round = must(store.ask(session, refOf(multiple.id), multiple));
    must(store.answer(session, a, round.seq, ['first', 'burst']));
    must(store.answer(session, b, round.seq, ['burst', 'long']));
    must(store.reveal(session));
    const h = histogramOf(session, 2);
    expect(h.buckets.map((x) => x.count)).toEqual([1, 2, 1]);
    expect(h.answered).toBe(2);
    expect(h.correctCount).toBe(1);
  });

  it('classroom.histogram.scores: order and sort answers count by how many are in place', () => {
    const { store, session } = setup();
    const a = must(store.join(session.code, undefined)).student.id;
    const b = must(store.join(session.code, undefined)).student.id;
    const r = must(store.ask(session, refOf(order.id), order));
    must(store.answer(session, a, r.seq, ['init', 'invoke', 'shutdown']));
    must(store.answer(session, b, r.seq, ['invoke', 'init', 'shutdown']));
    expect(histogramOf(session, 2).buckets.map((x) => [x.label, x.count])).toEqual([
      ['3 of 3 in the right place', 1],
      ['2 of 3 in the right place', 0],
      ['1 of 3 in the right place', 1],
      ['0 of 3 in the right place', 0],
    ]);
    const s = must(store.ask(session, refOf(sort.id), sort));
    expect(codeOf(store.answer(session, a, s.seq, { sns: 'push' }))).toBe('bad-answer');
    expect(codeOf(store.answer(session, a, s.seq, { sns: 'push', sqs: 'nowhere' }))).toBe('bad-answer');
    must(store.answer(session, a, s.seq, { sns: 'poll', sqs: 'push' }));
    expect(histogramOf(session, 2).buckets.map((x) => x.count)).toEqual([0, 0, 1]);
  });
});

describe('classroom.public', () => {
  it('classroom.public.question: nothing that gives the answer away reaches students before the reveal', () => {
    for (const q of [single, multiple, order, sort]) {
      const text = JSON.stringify(publicQuestion(q));
      expect(text).not.toContain('correct');
      expect(text).not.toContain(q.explanation);
      expect(text).not.toContain('"bucket"');
    }
    const shown = publicQuestion(order);
    expect(shown.type === 'order' && shown.items.map((i) => i.id)).not.toEqual([
      'init',
      'invoke',
      'shutdown',
    ]);
  });
});

describe('classroom.csv', () => {
  it('classroom.csv.cells: quoted, and a formula typed as a name is defused', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('say "hi", twice')).toBe('"say ""hi"", twice"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1')).toBe('"\'+1"');
    expect(csvCell('@cmd')).toBe('"\'@cmd"');
    expect(csvCell(3)).toBe('"3"');
  });

  it('classroom.csv.rows: one row per student per question, answers in words', () => {
    const { store, session, advance } = setup();
    const ada = must(store.join(session.code, 'Ada')).student;
    const eve = must(store.join(session.code, '=evil()')).student;
    const r = must(store.ask(session, refOf(single.id), single));
    advance(4_200);
    must(store.answer(session, ada.id, r.seq, ['warm']));
    must(store.ask(session, refOf(multiple.id), multiple));
    must(store.answer(session, eve.id, 2, ['first', 'long']));
    const lines = sessionCsv(session).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 2 * 2);
    expect(lines[0]).toContain('"student_name","answer","correct","seconds_to_answer"');
    expect(lines[1]).toContain(`"${ada.id}","Ada","The warm one","yes","4.2"`);
    expect(lines[2]).toContain(`"'=evil()","","no answer",""`);
    expect(lines[4]).toContain('"First request after idle | A long handler","no"');
  });
});
