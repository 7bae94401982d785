/**
 * Browser side: the plan, the demos (scripts and code) and the per-lesson instructor notes, bundled as
 * raw text like the course itself and validated by the same loaders the tests use. Loaded only when
 * instructor mode is on.
 */
import type { Course } from '../lessons/course';
import { type ContentError, formatError } from '../lessons/locate';
import { type DemoContent, loadDemos } from './demoFiles';
import { type InstructorFile, loadInstructorFiles } from './lessonNotes';
import { PLAN_PATH, type Plan, parsePlan } from './plan';

// Eager inside this chunk (itself loaded only in instructor mode): a few dozen small files, one request.
const modules = import.meta.glob<string>(
  ['/lessons/plan.yaml', '/lessons/demos/**/*', '/lessons/*/instructor.yaml'],
  { query: '?raw', import: 'default', eager: true },
);

export interface InstructorContent {
  readonly plan: Plan | null;
  readonly demos: readonly DemoContent[];
  readonly byLesson: ReadonlyMap<string, InstructorFile>;
  /** The demos' files (scripts and code), by path. */
  readonly files: ReadonlyMap<string, string>;
  /** `file:line: message`, ready to show. */
  readonly errors: readonly string[];
}

let loading: Promise<InstructorContent> | null = null;
let courseLoading: Promise<{ course: Course | null; errors: string[] }> | null = null;

/** The course (tips, FAQ, quiz answers), for the notes: larger, so it loads apart from the plan. */
export function loadNotesCourse(): Promise<{ course: Course | null; errors: string[] }> {
  courseLoading ??= import('../lessons/bundle').then(async (m) => {
    const r = await m.loadBundledCourse();
    return { course: r.course, errors: r.errors.map(formatError) };
  });
  return courseLoading;
}

/** Loaded and validated once per page (the plan first: the bar and the projector need only it). */
export function loadInstructorContent(): Promise<InstructorContent> {
  loading ??= (async () => {
    const files = new Map(Object.entries(modules).map(([path, text]) => [path.replace(/^\//, ''), text]));
    const errors: ContentError[] = [];
    const { plan, errors: planErrors } = parsePlan(files.get(PLAN_PATH) ?? '');
    const { demos, errors: demoErrors } = loadDemos(files);
    const { byLesson, errors: noteErrors } = loadInstructorFiles(files);
    errors.push(...planErrors, ...demoErrors, ...noteErrors);
    return { plan, demos, byLesson, files, errors: errors.map(formatError) };
  })();
  return loading;
}
