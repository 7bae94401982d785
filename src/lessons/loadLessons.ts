/**
 * Node-side loader for tests and the CLI: reads every file under lessons/ and validates the course.
 * `node --import tsx src/lessons/loadLessons.ts` prints the errors as `file:line: message`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Course } from './course';
import { LESSONS_ROOT, type LoadResult, loadCourse, loadCourseOrThrow } from './loadCourse';
import { formatError } from './locate';

/** The repository root: two folders above this file. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

export function readContentFiles(root = REPO_ROOT): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '__pycache__') walk(full);
      } else if (!entry.name.startsWith('.')) {
        files.set(relative(root, full).split(sep).join('/'), readFileSync(full, 'utf8'));
      }
    }
  };
  walk(join(root, LESSONS_ROOT));
  return files;
}

export function loadLessons(root = REPO_ROOT): LoadResult {
  return loadCourse(readContentFiles(root));
}

export function loadLessonsOrThrow(root = REPO_ROOT): Course {
  return loadCourseOrThrow(readContentFiles(root));
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { course, errors } = loadLessons();
  for (const e of errors) console.error(formatError(e));
  if (course !== null) {
    const exercises = course.lessons.reduce((n, l) => n + l.exercises.length, 0);
    console.log(`${course.lessons.length} lessons, ${exercises} exercises: valid`);
  }
  process.exitCode = errors.length > 0 ? 1 : 0;
}
