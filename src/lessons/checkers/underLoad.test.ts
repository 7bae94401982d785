/**
 * STYLE #15 with real Python: the checks, known mistakes and predict questions whose outcome once moved
 * with the machine's load run on a quick runtime and on one whose Python runs several times slower (a
 * real busy loop at every line and call, engine/pythonDrag.ts). Their handlers' work is counted, not
 * measured, so verdicts, feedback, invoke summaries (Durations included) and every world's trace
 * (REPORT lines, log lines, timestamps) are the same, event for event (Max Memory Used within 1 MB,
 * see expectSameTraces).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabWorld } from '../../host/labWorld';
import { type CheckerDeps, createLabRouter, type LabRouter } from '../../host/router';
import { createNodeRuntime, type NodeRuntime } from '../../runtime/node/nodeRuntime';
import type { ExerciseContent } from '../course';
import { loadLessonsOrThrow } from '../loadLessons';
import { type PredictQuestion, runPredict } from './predict';
import { mistakeWorkspace, runChecks, solutionWorkspace, starterWorkspace } from './runChecks';

const course = loadLessonsOrThrow();
/** Busy-loop turns per Python line or call on the slow side: several times slower than the quick one. */
const DRAG = 25;

interface Side {
  readonly runtime: NodeRuntime;
  readonly deps: CheckerDeps;
  /** Every world built on this side, in order. */
  readonly worlds: LabWorld[];
}

function side(pythonDrag: number): Side {
  const router = createLabRouter();
  const worlds: LabWorld[] = [];
  const watched: LabRouter = {
    ...router,
    register: (lab) => {
      worlds.push(lab);
      return router.register(lab);
    },
  };
  const runtime = createNodeRuntime({ awsCall: router.awsCall, pythonDrag });
  return { runtime, deps: { runtime, router: watched }, worlds };
}

let quick: Side;
let slow: Side;
beforeAll(() => {
  quick = side(0);
  slow = side(DRAG);
}, 180_000);
afterAll(async () => {
  await Promise.all([quick.runtime.close(), slow.runtime.close()]);
});

/** Runs `work` on each side (one after the other, not to compete for cores); returns both results and traces. */
async function onBoth<T>(work: (deps: CheckerDeps) => Promise<T>) {
  const results: T[] = [];
  const traces: string[][] = [];
  for (const s of [quick, slow]) {
    const from = s.worlds.length;
    results.push(await work(s.deps));
    traces.push(s.worlds.slice(from).flatMap((lab) => lab.world.trace.events.map((e) => JSON.stringify(e))));
  }
  return { results, traces };
}

const MEMORY = /Max Memory Used: (\d+) MB/;

/**
 * The two traces are the same event for event; a difference shows as the first event that differs.
 * Max Memory Used is measured from the shared heap, and the drag's own Python frames shift it by a
 * few KB: there the two may differ by 1 MB (real load allocates nothing extra, so it stays put).
 */
function expectSameTraces([fast = [], slowed = []]: string[][]) {
  const mask = (event: string) => event.replace(MEMORY, 'Max Memory Used: ? MB');
  const at = fast.findIndex((event, i) => mask(slowed[i] ?? '') !== mask(event));
  if (at >= 0) expect({ at, event: slowed[at] }).toEqual({ at, event: fast[at] });
  expect(slowed.length).toBe(fast.length);
  fast.forEach((event, i) => {
    const [a, b] = [MEMORY.exec(event)?.[1], MEMORY.exec(slowed[i] ?? '')?.[1]];
    if (a !== undefined) expect(Math.abs(Number(a) - Number(b))).toBeLessThanOrEqual(1);
  });
  // The worlds ran handlers and reported Durations: the traces compared are not empty.
  expect(fast.some((e) => e.includes('"lambda.invoke.end"'))).toBe(true);
}

function exercise(id: string): ExerciseContent {
  const found = course.lessons.flatMap((l) => l.exercises).find((e) => e.id === id);
  if (!found) throw new Error(`no exercise ${id}`);
  return found;
}

const CASES: readonly (readonly [string, string, string | null])[] = [
  // [exercise, workspace, mistake]
  ['parcels-thrice', 'solution', null],
  ['parcels-thrice', 'mistake', 'wrong-identifier'],
  ['quotes-throttled', 'solution', null],
  ['quotes-throttled', 'mistake', 'still-too-low'],
  ['cold-start-latency', 'solution', null],
  ['lambda-to-queue', 'solution', null],
  // Its starter invokes another function synchronously: the callee runs nested inside the caller's call.
  ['lambda-to-queue', 'starter', null],
];

describe('verdicts on a machine several times slower', () => {
  it.each(CASES)(
    '%s (%s %s): same verdicts, Durations and traces',
    async (id, kind, mistakeId) => {
      const ex = exercise(id);
      const mistake = ex.spec.mistakes.find((m) => m.id === mistakeId);
      const workspace =
        kind === 'solution'
          ? solutionWorkspace(ex)
          : mistake
            ? mistakeWorkspace(ex, mistake)
            : starterWorkspace(ex);
      const only = mistake ? { only: [mistake.failsCheck] } : {};
      const { results, traces } = await onBoth((deps) => runChecks(course, ex, workspace, deps, only));
      const [fast, slowed] = results;
      expect(slowed).toEqual(fast);
      expect(fast?.length).toBeGreaterThan(0);
      if (mistake) expect(fast?.[0]?.details.mistakeId).toBe(mistake.id);
      else expect(fast?.every((r) => r.passed)).toBe(kind === 'solution');
      expectSameTraces(traces);
    },
    300_000,
  );

  const predicts = course.lessons.flatMap((l) =>
    l.quizzes.flatMap((quiz) =>
      quiz.questions.flatMap((q) =>
        q.type === 'predict' && l.id === '07-cold-starts' ? [[`${l.id}/${q.id}`, l.id, q] as const] : [],
      ),
    ),
  );

  it.each(predicts)(
    'predict %s: same answer and trace',
    async (_name, lessonId, q: PredictQuestion) => {
      const { results, traces } = await onBoth((deps) => runPredict(course, lessonId, q, deps));
      expect(results[1]).toEqual(results[0]);
      expect(results[0]?.choiceId).toBe(q.answer);
      expectSameTraces(traces);
    },
    300_000,
  );
});
