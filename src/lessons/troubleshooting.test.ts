/**
 * The troubleshooting lab starts from symptoms: each exercise's goal shows what an on-call engineer
 * would see (a REPORT line, a log, a metric, an error payload), and neither the goal, the world's
 * title nor the first hint names the cause. The golden tests prove that each fix works.
 */
import { describe, expect, it } from 'vitest';
import { loadLessonsOrThrow } from './loadLessons';

const course = loadLessonsOrThrow();
const lab = course.lessons.find((l) => l.id === '12-troubleshooting');

/** Words that would give each cause away. */
const CAUSE_WORDS: Record<string, readonly RegExp[]> = {
  'slow-report': [/ExclusiveStartKey/, /LastEvaluatedKey/, /paginat/i, /infinite/i],
  'memory-creep': [/aws_request_id/, /the request id/i, /leak/i, /cache key/i],
  'works-on-my-laptop': [/standard library/i, /Decimal/, /not installed/i, /package lacks/i],
  'denied-in-prod': [/orders-dev/, /wrong table/i, /copied/i],
  'quotes-throttled': [/reserved/i, /concurrency/i],
  'thumbnails-forever': [/recursi/i, /loop/i, /same bucket/i, /THUMBNAIL_BUCKET.*write/i],
  'parcels-thrice': [/batchItemFailures/, /itemIdentifier/, /poison/i, /KeyError.*whole batch/i],
};

/** What counts as a symptom the learner starts from. */
const SYMPTOM =
  /REPORT RequestId:|INIT_REPORT|\[ERROR\]|\| Throttles|\| Invocations \(sum\)|HTTP\/1\.1 \d{3}|Task timed out/;

describe('troubleshooting lab', () => {
  it('has at least five break-fix exercises, each with a known cause list', () => {
    expect(lab).toBeDefined();
    const ids = lab?.exercises.map((e) => e.id) ?? [];
    expect(ids.length).toBeGreaterThanOrEqual(5);
    expect(ids.sort()).toEqual(Object.keys(CAUSE_WORDS).sort());
  });

  it.each(Object.entries(CAUSE_WORDS))(
    '%s starts from a symptom and does not name its cause',
    (id, words) => {
      const ex = lab?.exercises.find((e) => e.id === id);
      if (ex === undefined) throw new Error(`no exercise ${id}`);
      expect(ex.spec.goal).toMatch(SYMPTOM);
      const upFront = [ex.spec.title, ex.spec.goal, ex.spec.world.title, ex.spec.hints[0] ?? ''];
      for (const text of upFront) for (const w of words) expect(text, `${id}: ${w}`).not.toMatch(w);
      // Hints get specific step by step: the last one may name the cause, the first may not.
      expect(ex.spec.hints.length).toBeGreaterThanOrEqual(3);
    },
  );

  it('proves each fix against a check the obvious non-fix fails', () => {
    // Each exercise has a known mistake that only treats the symptom (more time, memory, rights,
    // or no limit) or hides it, and it must fail a check.
    for (const ex of lab?.exercises ?? []) expect(ex.spec.mistakes.length, ex.id).toBeGreaterThanOrEqual(2);
  });
});
