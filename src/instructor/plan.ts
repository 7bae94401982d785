/**
 * The lecture plan as data (lessons/plan.yaml): timed segments, each naming the lessons it teaches, the
 * points the projector shows, the instructor's notes, its demos and the pause-point quiz that ends it.
 */
import { z } from 'zod';
import { type ContentError, validateYaml } from '../lessons/locate';
import { LessonId } from '../lessons/schema';

const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case, e.g. cold-starts');

export const Segment = z.strictObject({
  id: Slug,
  title: z.string().min(1),
  minutes: z.int().min(1).max(60),
  lessons: z.array(LessonId).min(1),
  /** Short lines for the projector: big type, read from the back of the room. */
  points: z.array(z.string().min(1).max(120)).min(1).max(5),
  /** For the notes window only: what to say and do. */
  notes: z.string().min(1),
  /** Scripted demos (lessons/demos/<id>.yaml), in the order to run them. */
  demos: z.array(Slug).optional(),
  /** The module's pause point (1-4) asked at the end: a quiz with that `pausePoint`. */
  pausePoint: z.int().min(1).max(4).optional(),
  /** FAQ entries (lessons/faq.yaml) likely to come up here. */
  faq: z.array(Slug).optional(),
});
export type Segment = z.infer<typeof Segment>;

export const Plan = z
  .strictObject({
    title: z.string().min(1),
    minutes: z.int().min(10).max(240),
    segments: z.array(Segment).min(1),
  })
  .refine((p) => p.segments.reduce((n, s) => n + s.minutes, 0) === p.minutes, {
    message: 'the segments must add up to the plan’s minutes',
  })
  .refine((p) => new Set(p.segments.map((s) => s.id)).size === p.segments.length, {
    message: 'segment ids must be unique',
  });
export type Plan = z.infer<typeof Plan>;

export const PLAN_PATH = 'lessons/plan.yaml';

export function parsePlan(text: string, file = PLAN_PATH): { plan: Plan | null; errors: ContentError[] } {
  const { value, errors } = validateYaml(file, text, Plan);
  return { plan: value, errors };
}
