/**
 * Interactive blocks inside lesson Markdown, written as fences whose info string starts with `lab-`:
 *   ```lab-run id=hello event=events/hello.json     a runnable handler (the body is the Python code)
 *   ```lab-quiz id=pp-handler                        a quiz from the lesson's quizzes.yaml
 *   ```lab-viz kind=cold-start world=hello           an embedded visualizer (the body is its caption)
 *   ```lab-open world=stages                         "open in the lab" with a prepared world (body: label)
 *   ```lab-exercise id=hello-structured              an exercise card
 *   ```lab-demo id=cold-vs-warm                      a scripted demo from lessons/demos (body: label)
 */
import { z } from 'zod';

export const VIZ_KINDS = [
  'cold-start',
  'lifecycle',
  'push-poll',
  'event-flow',
  'concurrency',
  'api-flow',
] as const;

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id');
const WorldRef = z
  .string()
  .regex(/^(\d{2}-[a-z0-9-]+\/)?[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'world id or lesson/world');

const RunAttrs = z.strictObject({
  id: Id,
  event: z
    .string()
    .regex(/\.json$/, 'a .json file beside the lesson')
    .optional(),
  handler: z.string().optional(),
});
const QuizAttrs = z.strictObject({ id: Id });
const VizAttrs = z.strictObject({ kind: z.enum(VIZ_KINDS), world: WorldRef.optional() });
const OpenAttrs = z.strictObject({ world: WorldRef });
const ExerciseAttrs = z.strictObject({ id: Id });
const DemoAttrs = z.strictObject({ id: Id });

export type LabBlock =
  | { kind: 'run'; line: number; id: string; code: string; event: string | null; handler: string }
  | { kind: 'quiz'; line: number; id: string }
  | { kind: 'viz'; line: number; viz: (typeof VIZ_KINDS)[number]; world: string | null; caption: string }
  | { kind: 'open'; line: number; world: string; label: string }
  | { kind: 'exercise'; line: number; id: string }
  | { kind: 'demo'; line: number; id: string; label: string };

export type LabBlockKind = LabBlock['kind'];

/** `lab-run id=a event="x y.json"` -> { name: 'lab-run', attrs: { id: 'a', event: 'x y.json' } }. */
export function parseInfo(info: string): { name: string; attrs: Record<string, string>; bad: string[] } {
  const trimmed = info.trim();
  const space = trimmed.search(/\s/);
  const name = space < 0 ? trimmed : trimmed.slice(0, space);
  const rest = space < 0 ? '' : trimmed.slice(space);
  const attrs: Record<string, string> = {};
  const bad: string[] = [];
  const re = /\s*([A-Za-z][\w-]*)=(?:"([^"]*)"|(\S+))|\s*(\S+)/gy;
  for (let m = re.exec(rest); m !== null && m[0] !== ''; m = re.exec(rest)) {
    if (m[1] !== undefined) attrs[m[1]] = m[2] ?? m[3] ?? '';
    else if (m[4] !== undefined) bad.push(m[4]);
  }
  return { name, attrs, bad };
}

export function isLabFence(info: string): boolean {
  return /^lab-/.test(info.trim());
}

/** Validate one fence; `line` is 1-based in the lesson file. */
export function toBlock(
  info: string,
  body: string,
  line: number,
): { block: LabBlock | null; errors: string[] } {
  const { name, attrs, bad } = parseInfo(info);
  const errors = bad.map((b) => `${name}: expected key=value, got "${b}"`);
  const fail = (issues: readonly z.core.$ZodIssue[]) => {
    for (const i of issues) {
      errors.push(
        i.code === 'unrecognized_keys'
          ? `${name}: unknown attribute${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`
          : `${name}: ${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`,
      );
    }
    return { block: null, errors };
  };
  const text = body.replace(/\n$/, '');
  switch (name) {
    case 'lab-run': {
      const r = RunAttrs.safeParse(attrs);
      if (!r.success) return fail(r.error.issues);
      if (text.trim() === '') errors.push('lab-run: the block body must hold the Python code');
      const handler = r.data.handler ?? 'lambda_function.lambda_handler';
      return {
        block: { kind: 'run', line, id: r.data.id, code: text, event: r.data.event ?? null, handler },
        errors,
      };
    }
    case 'lab-quiz': {
      const r = QuizAttrs.safeParse(attrs);
      return r.success ? { block: { kind: 'quiz', line, id: r.data.id }, errors } : fail(r.error.issues);
    }
    case 'lab-viz': {
      const r = VizAttrs.safeParse(attrs);
      if (!r.success) return fail(r.error.issues);
      return {
        block: { kind: 'viz', line, viz: r.data.kind, world: r.data.world ?? null, caption: text },
        errors,
      };
    }
    case 'lab-open': {
      const r = OpenAttrs.safeParse(attrs);
      if (!r.success) return fail(r.error.issues);
      const label = text.trim() === '' ? 'Open in the lab' : text.trim();
      return { block: { kind: 'open', line, world: r.data.world, label }, errors };
    }
    case 'lab-exercise': {
      const r = ExerciseAttrs.safeParse(attrs);
      return r.success ? { block: { kind: 'exercise', line, id: r.data.id }, errors } : fail(r.error.issues);
    }
    case 'lab-demo': {
      const r = DemoAttrs.safeParse(attrs);
      if (!r.success) return fail(r.error.issues);
      const label = text.trim() === '' ? 'Watch the demo' : text.trim();
      return { block: { kind: 'demo', line, id: r.data.id, label }, errors };
    }
    default:
      errors.push(
        `unknown interactive block "${name}" (lab-run, lab-quiz, lab-viz, lab-open, lab-exercise, lab-demo)`,
      );
      return { block: null, errors };
  }
}
