/** The browser bundle sees the same files as the Node loader, and validates to the same course. */
import { describe, expect, it } from 'vitest';
import { bundledPaths, loadBundledCourse } from './bundle';
import { loadLessonsOrThrow, readContentFiles } from './loadLessons';
import { formatError } from './locate';

describe('bundled lessons', () => {
  it('bundles every content file', () => {
    expect(bundledPaths()).toEqual([...readContentFiles().keys()].sort());
  });

  it('loads and validates in the same way', async () => {
    const { course, errors } = await loadBundledCourse();
    expect(errors.map(formatError)).toEqual([]);
    expect(course?.lessons.map((l) => l.id)).toEqual(loadLessonsOrThrow().lessons.map((l) => l.id));
  });
});
