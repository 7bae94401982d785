/**
 * The content schema: strict objects everywhere (an unknown key is an error with its file and line).
 * Layout: lessons/sequence.yaml, lessons/<lesson>/lesson.md (+ quizzes.yaml, worlds/, exercises/<id>/),
 * lessons/coverage.yaml, lessons/faq.yaml, lessons/package-sizes.yaml.
 */
import { z } from 'zod';
import { FunctionConfig, WorkspaceFile } from '../host/scenario/workspace';
import { WorldSpec } from '../host/scenario/world';
import { Check, CheckId } from './checks';

export const OBJECTIVES = [
  'handler',
  'rest-api',
  'event-sources',
  'cold-starts',
  'push-vs-poll',
  'packaging',
  'layers',
] as const;
export const ObjectiveId = z.enum(OBJECTIVES);
export type ObjectiveId = z.infer<typeof ObjectiveId>;

export const LessonId = z
  .string()
  .regex(/^\d{2}-[a-z0-9]+(-[a-z0-9]+)*$/, 'NN-kebab-case, e.g. 03-execution');

export const Sequence = z.strictObject({
  title: z.string().min(1),
  lessons: z.array(LessonId).min(1),
});

export const LessonFrontMatter = z.strictObject({
  id: LessonId,
  title: z.string().min(1),
  summary: z.string().min(1),
  minutes: z.int().min(1).max(120),
  objectives: z.array(ObjectiveId),
  /** Coverage item ids (lessons/coverage.yaml) this lesson teaches. */
  coverage: z.array(z.string()).min(1),
  /** Instructor mode only. */
  teachingTips: z.array(z.string().min(1)).optional(),
});
export type LessonFrontMatter = z.infer<typeof LessonFrontMatter>;

export const Mistake = z.strictObject({
  id: CheckId,
  /** What the learner did, in a few words (for authors and the instructor view). */
  summary: z.string().min(1),
  /** Workspace path -> a file under mistakes/ that replaces it (the rest stays the solution). */
  files: z.record(z.string(), z.string().regex(/^mistakes\//, 'a file under mistakes/')),
  /** Config changes on top of the solution config, when the mistake is (also) a setting. */
  config: z.record(z.string(), FunctionConfig).optional(),
  failsCheck: CheckId,
  feedback: z.string().min(1),
});
export type Mistake = z.infer<typeof Mistake>;

export const Exercise = z.strictObject({
  id: CheckId,
  title: z.string().min(1),
  objectives: z.array(ObjectiveId).min(1),
  coverage: z.array(z.string()).optional(),
  minutes: z.int().min(1).max(90),
  /** Markdown: what to build and why. */
  goal: z.string().min(1),
  /** The visible checklist (the checks themselves stay hidden). */
  requirements: z.array(z.string().min(1)).min(1),
  world: WorldSpec,
  /** Learner-editable files; `starter/<path>` and `solution/<path>` must both exist. */
  files: z.array(WorkspaceFile).min(1),
  config: z
    .strictObject({
      starter: z.record(z.string(), FunctionConfig),
      solution: z.record(z.string(), FunctionConfig),
    })
    .optional(),
  hints: z.array(z.string().min(1)).min(2),
  /** Show the Package panel: real .zip files of these functions and their layers, measured. */
  packages: z.strictObject({ functions: z.array(z.string().min(1)).min(1) }).optional(),
  checks: z.array(Check).min(1),
  mistakes: z.array(Mistake).min(1),
  solution: z.strictObject({
    /** Markdown shown with the solution: the reasoning, not just the code. */
    explanation: z.string().min(1),
    /**
     * futurecoder-style friction: confirmations, then hints first, then a token-by-token reveal.
     * `never`: a project (the capstone) whose checks are the review; the solution is never shown.
     */
    reveal: z.strictObject({
      confirmations: z.int().min(1).max(3),
      afterHints: z.boolean(),
      mode: z.enum(['token-by-token', 'whole', 'never']),
    }),
    /** Offer a diff of the learner's files against the solution once the checks pass. */
    diffWhenDone: z.boolean(),
  }),
});
export type Exercise = z.infer<typeof Exercise>;

export const WorldFile = WorldSpec;

export const CoverageRef = z.union([
  /** `03-execution-environment#connection-reuse`: a heading slug in the lesson (or the whole lesson). */
  z.strictObject({ section: z.string().regex(/^\d{2}-[a-z0-9-]+(#[a-z0-9-]+)?$/) }),
  z.strictObject({ exercise: z.string().regex(/^\d{2}-[a-z0-9-]+\/[a-z0-9-]+$/) }),
  /** `<lesson>/<quiz>` or `<lesson>/<quiz>/<question>`. */
  z.strictObject({ quiz: z.string().regex(/^\d{2}-[a-z0-9-]+\/[a-z0-9-]+(\/[a-z0-9-]+)?$/) }),
  z.strictObject({ faq: CheckId }),
]);
export type CoverageRef = z.infer<typeof CoverageRef>;

export const CoverageFile = z.strictObject({
  items: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        title: z.string().min(1),
        taughtBy: z.array(CoverageRef).min(1),
      }),
    )
    .min(1),
});

export const FaqFile = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        id: CheckId,
        question: z.string().min(1),
        answer: z.string().min(1),
        /** Instructor mode only. */
        teachingTip: z.string().min(1),
        lessons: z.array(LessonId).min(1),
      }),
    )
    .min(1),
});

/** Modeled unzipped sizes of Python packages, for package-size goals (labelled "modeled" in the UI). */
export const PackageSizesFile = z.strictObject({
  note: z.string(),
  /** Packages the managed Python runtime already includes: bundling them only adds size. */
  includedInRuntime: z.array(z.string()),
  packages: z.record(z.string(), z.number().positive()),
});

export { FunctionConfig, WorkspaceFile } from '../host/scenario/workspace';
export { WorldSpec } from '../host/scenario/world';
export { Check } from './checks';
export { Quiz, QuizFile } from './quiz';
