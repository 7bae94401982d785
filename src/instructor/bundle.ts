/**
 * Browser side: the plan, the demos (scripts and code) and the per-lesson instructor notes, bundled as
 * raw text like the course itself and validated by the same loaders the tests use. Loaded only when
 * instructor mode is on.
 */
import { loadBundledCourse } from '../lessons/bundle';
import type { Course } from '../lessons/course';
import { type ContentError, formatError } from '../lessons/locate';
import { type DemoContent, loadDemos } from './demoFiles';
import { type InstructorFile, loadInstructorFiles } from './lessonNotes';
import { PLAN_PATH, type Plan, parsePlan } from './plan';

const modules = import.meta.glob<string>(
  ['/lessons/plan.yaml', '/lessons/demos/**/*', '/lessons/*/instructor.yaml'],
  { query: '?raw', import: 'default' },
);

export interface InstructorContent {
  readonly plan: Plan | null;
  readonly demos: readonly DemoContent[];
  readonly byLesson: ReadonlyMap<string, InstructorFile>;
  /** The demos' files (scripts and code), by path. */
  readonly files: ReadonlyMap<string, string>;
  readonly course: Course | null;
  /** `file:line: message`, ready to show. */
  readonly errors: readonly string[];
}

let loading: Promise<InstructorContent> | null = null;

/** Loaded and validated once per page. */
export function loadInstructorContent(): Promise<InstructorContent> {
  loading ??= (async () => {
    const entries = await Promise.all(
      Object.entries(modules).map(async ([path, load]) => [path.replace(/^\//, ''), await load()] as const),
    );
    const files = new Map(entries);
    const errors: ContentError[] = [];
    const { plan, errors: planErrors } = parsePlan(files.get(PLAN_PATH) ?? '');
    const { demos, errors: demoErrors } = loadDemos(files);
    const { byLesson, errors: noteErrors } = loadInstructorFiles(files);
    errors.push(...planErrors, ...demoErrors, ...noteErrors);
    const loaded = await loadBundledCourse();
    errors.push(...loaded.errors);
    return { plan, demos, byLesson, files, course: loaded.course, errors: errors.map(formatError) };
  })();
  return loading;
}
