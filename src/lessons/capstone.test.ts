/** The capstone is a project: one hidden check (or more) per user story, and no solution to reveal. */
import { describe, expect, it } from 'vitest';
import { loadLessonsOrThrow } from './loadLessons';

const course = loadLessonsOrThrow();
const capstone = course.lessons.find((l) => l.id === '13-capstone')?.exercises[0];

describe('capstone', () => {
  it('checks every one of its seven stories', () => {
    expect(capstone?.id).toBe('orders-platform');
    const goal = capstone?.spec.goal ?? '';
    const stories = [...goal.matchAll(/^(\d)\. \*\*/gm)].map((m) => Number(m[1]));
    expect(stories).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const n of stories) {
      const checks = capstone?.spec.checks.filter((c) => c.title.startsWith(`Story ${n}:`)) ?? [];
      expect(checks.length, `story ${n}`).toBeGreaterThan(0);
    }
  });

  it('covers the full picture of the module with the check kinds that prove it', () => {
    const kinds = new Set(capstone?.spec.checks.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['config', 'invoke', 'policy', 'world']);
    const world = capstone?.spec.world;
    expect(world?.apis?.length).toBe(1);
    expect(world?.eventSourceMappings?.[0]?.reportBatchItemFailures).toBe(true);
    expect(world?.tables?.map((t) => t.name)).toEqual(['Orders']);
  });

  it('never reveals its solution', () => {
    expect(capstone?.spec.solution.reveal.mode).toBe('never');
    expect(capstone?.spec.solution.diffWhenDone).toBe(false);
  });
});
