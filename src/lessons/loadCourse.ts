/**
 * Build the course from a map of content files (path from the repository root -> text). Pure: the Node
 * loader reads the folder, the browser bundle imports the files; both end here, with the same checks.
 */
import type { z } from 'zod';
import {
  type Course,
  type ExerciseContent,
  filesUnder,
  type LessonContent,
  type WorldContent,
  type YamlIndex,
} from './course';
import { crossCheck } from './crossCheck';
import { type ContentError, formatError, validateYaml } from './locate';
import { type Quiz, QuizFile } from './quiz';
import { renderLesson, splitFrontMatter } from './renderMarkdown';
import {
  CoverageFile,
  Exercise,
  FaqFile,
  LessonFrontMatter,
  PackageSizesFile,
  Sequence,
  WorldFile,
} from './schema';

export const LESSONS_ROOT = 'lessons';

export interface LoadResult {
  readonly course: Course | null;
  readonly errors: readonly ContentError[];
}

export class ContentValidationError extends Error {
  constructor(readonly errors: readonly ContentError[]) {
    super(`lesson content has ${errors.length} error(s):\n${errors.map(formatError).join('\n')}`);
  }
}

function readRequired(
  files: ReadonlyMap<string, string>,
  path: string,
  errors: ContentError[],
): string | null {
  const text = files.get(path);
  if (text === undefined) errors.push({ file: path, line: null, message: 'file is missing' });
  return text ?? null;
}

/** Immediate child folder names of `dir`. */
function childDirs(files: ReadonlyMap<string, string>, dir: string): string[] {
  const names = new Set<string>();
  for (const path of files.keys()) {
    if (!path.startsWith(`${dir}/`)) continue;
    const rest = path.slice(dir.length + 1);
    const slash = rest.indexOf('/');
    if (slash > 0) names.add(rest.slice(0, slash));
  }
  return [...names].sort();
}

export function loadCourse(files: ReadonlyMap<string, string>): LoadResult {
  const errors: ContentError[] = [];
  const yaml: YamlIndex = new Map();
  const load: Loader = (path, schema, offset = 0) => {
    const text = readRequired(files, path, errors);
    if (text === null) return null;
    const r = validateYaml(path, text, schema, offset);
    yaml.set(path, r.parsed);
    errors.push(...r.errors);
    return r.value;
  };

  const sequence = load(`${LESSONS_ROOT}/sequence.yaml`, Sequence);
  const coverage = load(`${LESSONS_ROOT}/coverage.yaml`, CoverageFile);
  const faq = load(`${LESSONS_ROOT}/faq.yaml`, FaqFile);
  const packageSizes = load(`${LESSONS_ROOT}/package-sizes.yaml`, PackageSizesFile);

  const lessons: LessonContent[] = [];
  // lessons/demos/ holds the instructor's scripted demos (src/instructor), not a lesson.
  const folders = childDirs(files, LESSONS_ROOT).filter((f) => f !== 'demos');
  for (const id of sequence?.lessons ?? []) {
    if (!folders.includes(id)) {
      errors.push({
        file: `${LESSONS_ROOT}/sequence.yaml`,
        line: null,
        message: `lesson folder "${id}" is missing`,
      });
    }
  }
  for (const folder of folders) {
    if (sequence !== null && !sequence.lessons.includes(folder)) {
      errors.push({
        file: `${LESSONS_ROOT}/${folder}`,
        line: null,
        message: 'lesson folder is not in sequence.yaml',
      });
    }
  }
  for (const id of sequence?.lessons ?? []) {
    if (!folders.includes(id)) continue;
    const lesson = loadLesson(files, id, load, errors, yaml);
    if (lesson !== null) lessons.push(lesson);
  }

  if (sequence === null || coverage === null || faq === null || packageSizes === null) {
    return { course: null, errors };
  }
  const course: Course = { title: sequence.title, lessons, coverage, faq, packageSizes, files };
  errors.push(...crossCheck(course, yaml));
  return { course: errors.length === 0 ? course : null, errors };
}

type Loader = <T extends z.ZodType>(path: string, schema: T, offset?: number) => z.infer<T> | null;

function loadLesson(
  files: ReadonlyMap<string, string>,
  id: string,
  load: Loader,
  errors: ContentError[],
  yaml: YamlIndex,
): LessonContent | null {
  const dir = `${LESSONS_ROOT}/${id}`;
  const mdPath = `${dir}/lesson.md`;
  const text = readRequired(files, mdPath, errors);
  if (text === null) return null;
  const { yaml: front, body, bodyLine } = splitFrontMatter(text);
  if (front === null) {
    errors.push({ file: mdPath, line: 1, message: 'missing YAML front matter (--- ... ---)' });
    return null;
  }
  const frontResult = validateYaml(mdPath, front, LessonFrontMatter, 1);
  errors.push(...frontResult.errors);
  yaml.set(mdPath, frontResult.parsed);
  const meta = frontResult.value;
  if (meta !== null && meta.id !== id) {
    errors.push({ file: mdPath, line: 2, message: `id "${meta.id}" does not match its folder "${id}"` });
  }
  const rendered = renderLesson(mdPath, body, bodyLine);
  errors.push(...rendered.errors);

  const quizPath = `${dir}/quizzes.yaml`;
  const quizzes: Quiz[] = files.has(quizPath) ? (load(quizPath, QuizFile)?.quizzes ?? []) : [];

  const worlds = new Map<string, WorldContent>();
  for (const path of files.keys()) {
    const m = new RegExp(`^${dir}/worlds/([^/]+)\\.yaml$`).exec(path);
    if (m === null) continue;
    const spec = load(path, WorldFile);
    if (spec === null) continue;
    if (spec.id !== m[1])
      errors.push({ file: path, line: 1, message: `world id "${spec.id}" must match the file name` });
    worlds.set(spec.id, { spec, file: path, baseDir: `${dir}/worlds` });
  }

  const exercises: ExerciseContent[] = [];
  for (const exId of childDirs(files, `${dir}/exercises`)) {
    const exDir = `${dir}/exercises/${exId}`;
    const spec = load(`${exDir}/exercise.yaml`, Exercise);
    if (spec === null) continue;
    if (spec.id !== exId) {
      errors.push({
        file: `${exDir}/exercise.yaml`,
        line: 1,
        message: `id "${spec.id}" must match its folder`,
      });
    }
    const starter = filesUnder(files, `${exDir}/starter`);
    const solution = filesUnder(files, `${exDir}/solution`);
    const mistakeFiles: Record<string, string> = {};
    for (const [p, t] of Object.entries(filesUnder(files, `${exDir}/mistakes`)))
      mistakeFiles[`mistakes/${p}`] = t;
    const world = { spec: spec.world, file: `${exDir}/exercise.yaml`, baseDir: exDir };
    exercises.push({ id: exId, lessonId: id, dir: exDir, spec, world, starter, solution, mistakeFiles });
  }

  if (meta === null) return null;
  return { id, dir, meta, body, rendered, quizzes, worlds, exercises };
}

/** Load or throw with every error listed, `file:line: message` per line. */
export function loadCourseOrThrow(files: ReadonlyMap<string, string>): Course {
  const { course, errors } = loadCourse(files);
  if (course === null || errors.length > 0) throw new ContentValidationError(errors);
  return course;
}
