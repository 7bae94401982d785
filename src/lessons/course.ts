/** The loaded course: validated content, resolved paths and the files themselves. */
import type { z } from 'zod';
import type { WorldSpec } from '../host/scenario/world';
import type { ParsedYaml } from './locate';
import type { Quiz } from './quiz';
import type { RenderedMarkdown } from './renderMarkdown';
import type { CoverageFile, Exercise, FaqFile, LessonFrontMatter, PackageSizesFile } from './schema';

export interface WorldContent {
  readonly spec: WorldSpec;
  /** The YAML file (or exercise.yaml) the world is declared in. */
  readonly file: string;
  /** Folder that `code: { dir }` is relative to. */
  readonly baseDir: string;
}

export interface ExerciseContent {
  readonly id: string;
  readonly lessonId: string;
  /** `lessons/<lesson>/exercises/<id>` */
  readonly dir: string;
  readonly spec: Exercise;
  readonly world: WorldContent;
  /** Workspace path -> text. */
  readonly starter: Readonly<Record<string, string>>;
  readonly solution: Readonly<Record<string, string>>;
  /** `mistakes/<file>` -> text. */
  readonly mistakeFiles: Readonly<Record<string, string>>;
}

export interface LessonContent {
  readonly id: string;
  readonly dir: string;
  readonly meta: LessonFrontMatter;
  readonly body: string;
  readonly rendered: RenderedMarkdown;
  readonly quizzes: readonly Quiz[];
  readonly worlds: ReadonlyMap<string, WorldContent>;
  readonly exercises: readonly ExerciseContent[];
}

export interface Course {
  readonly title: string;
  readonly lessons: readonly LessonContent[];
  readonly coverage: z.infer<typeof CoverageFile>;
  readonly faq: z.infer<typeof FaqFile>;
  readonly packageSizes: z.infer<typeof PackageSizesFile>;
  /** Every content file, by path from the repository root (`lessons/...`). */
  readonly files: ReadonlyMap<string, string>;
}

/** Positions for cross-reference errors, kept from parsing. */
export type YamlIndex = Map<string, ParsedYaml>;

export function lessonById(course: Course, id: string): LessonContent | undefined {
  return course.lessons.find((l) => l.id === id);
}

/** `world` is `<world>` in `from`'s lesson or `<lesson>/<world>`. */
export function resolveWorld(course: Course, from: string, world: string): WorldContent | undefined {
  const slash = world.indexOf('/');
  const lesson = lessonById(course, slash < 0 ? from : world.slice(0, slash));
  return lesson?.worlds.get(slash < 0 ? world : world.slice(slash + 1));
}

/** Files under a folder, keyed by their path inside it. */
export function filesUnder(files: ReadonlyMap<string, string>, dir: string): Record<string, string> {
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  const out: Record<string, string> = {};
  for (const [path, text] of files) if (path.startsWith(prefix)) out[path.slice(prefix.length)] = text;
  return out;
}
