/**
 * The checker engine: runs an exercise's hidden checks against a workspace with real Python, and explains
 * a failure with the known mistake it matches (same check, same first failure code) when there is one.
 */

import type { CheckerDeps } from '../../host/router';
import type { BuildInput, Workspace } from '../../host/scenario/buildWorld';
import { SetupError } from '../../host/scenario/setupError';
import type { Check } from '../checks';
import { type Course, type ExerciseContent, filesUnder } from '../course';
import type { FunctionConfig, Mistake } from '../schema';
import { runAstCheck } from './astCheck';
import { runInvokeCheck, runInvokes } from './invokeCheck';
import { runConfigCheck, runPolicyCheck } from './settingsChecks';
import type { CheckContext, CheckOutcome, CheckResult, InvokeSummary } from './types';
import { runWorldCheck } from './worldCheck';

export type CourseFiles = Pick<Course, 'files' | 'packageSizes'>;

export interface RunChecksOptions {
  /** Only these check ids (all when omitted). */
  readonly only?: readonly string[];
  /** Look for a matching known mistake when a check fails (default true). */
  readonly explain?: boolean;
}

export const solutionWorkspace = (ex: ExerciseContent): Workspace => ({
  files: ex.solution,
  config: ex.spec.config?.solution ?? {},
});

export const starterWorkspace = (ex: ExerciseContent): Workspace => ({
  files: ex.starter,
  config: ex.spec.config?.starter ?? {},
});

/** The solution with the mistake's files and settings swapped in. */
export function mistakeWorkspace(ex: ExerciseContent, m: Mistake): Workspace {
  const files: Record<string, string> = { ...ex.solution };
  for (const [path, source] of Object.entries(m.files)) {
    const text = ex.mistakeFiles[source];
    if (text === undefined) throw new Error(`${ex.dir}: ${source} not found`);
    files[path] = text;
  }
  const config: Record<string, FunctionConfig> = { ...(ex.spec.config?.solution ?? {}) };
  for (const [fn, patch] of Object.entries(m.config ?? {})) config[fn] = { ...config[fn], ...patch };
  return { files, config };
}

interface Caches {
  readonly solution: Map<string, Promise<readonly InvokeSummary[]>>;
  readonly mistakes: Map<string, Promise<string | null>>;
}
const caches = new WeakMap<CheckerDeps, Caches>();
function cachesOf(deps: CheckerDeps): Caches {
  let c = caches.get(deps);
  if (!c) {
    c = { solution: new Map(), mistakes: new Map() };
    caches.set(deps, c);
  }
  return c;
}

function contextFor(
  course: CourseFiles,
  ex: ExerciseContent,
  workspace: Workspace,
  deps: CheckerDeps,
): CheckContext {
  const lessonDir = ex.dir.replace(/\/exercises\/[^/]+$/, '');
  const readFile = (path: string) =>
    course.files.get(path) ?? course.files.get(path.replace(`${ex.dir}/`, `${lessonDir}/`));
  const buildInput = (ws: Workspace): BuildInput => ({
    spec: ex.world.spec,
    dirFiles: (dir) => filesUnder(course.files, `${ex.world.baseDir}/${dir}`),
    workspace: ws,
    mapping: ex.spec.files,
  });
  const ctx: CheckContext = {
    deps,
    world: ex.world,
    mapping: ex.spec.files,
    workspace,
    readFile,
    baseDir: ex.dir,
    buildInput: buildInput(workspace),
    packageSizes: course.packageSizes,
    solutionInvokes(checkId) {
      const key = `${ex.dir}#${checkId}`;
      const cache = cachesOf(deps).solution;
      let p = cache.get(key);
      if (!p) {
        const check = ex.spec.checks.find((c) => c.id === checkId);
        if (check?.kind !== 'invoke') throw new Error(`${checkId} is not an invoke check`);
        const solutionCtx = {
          ...ctx,
          workspace: solutionWorkspace(ex),
          buildInput: buildInput(solutionWorkspace(ex)),
        };
        p = runInvokes(solutionCtx, check, solutionCtx.buildInput).then((r) => r.invokes);
        cache.set(key, p);
      }
      return p;
    },
  };
  return ctx;
}

async function runOne(ctx: CheckContext, check: Check): Promise<CheckOutcome> {
  try {
    switch (check.kind) {
      case 'invoke':
        return await runInvokeCheck(ctx, check);
      case 'world':
        return await runWorldCheck(ctx, check);
      case 'ast':
        return await runAstCheck(ctx, check);
      case 'config':
        return runConfigCheck(ctx, check);
      case 'policy':
        return runPolicyCheck(ctx, check);
      default: {
        const never: never = check;
        throw new Error(`unknown check ${JSON.stringify(never)}`);
      }
    }
  } catch (e) {
    if (e instanceof SetupError)
      return {
        failures: [
          {
            code: 'setup',
            message: `The lab could not set up this world with your files and settings: ${e.message}`,
          },
        ],
      };
    throw e;
  }
}

/** The first failure code of `check` for a known mistake's workspace (null if it passes), computed once. */
function mistakeCode(course: CourseFiles, ex: ExerciseContent, m: Mistake, check: Check, deps: CheckerDeps) {
  const key = `${ex.dir}#${m.id}#${check.id}`;
  const cache = cachesOf(deps).mistakes;
  let p = cache.get(key);
  if (!p) {
    const ctx = contextFor(course, ex, mistakeWorkspace(ex, m), deps);
    p = runOne(ctx, check).then((o) => o.failures[0]?.code ?? null);
    cache.set(key, p);
  }
  return p;
}

export async function runChecks(
  course: CourseFiles,
  exercise: ExerciseContent,
  workspace: Workspace,
  deps: CheckerDeps,
  options: RunChecksOptions = {},
): Promise<CheckResult[]> {
  const ctx = contextFor(course, exercise, workspace, deps);
  const results: CheckResult[] = [];
  for (const [index, check] of exercise.spec.checks.entries()) {
    if (options.only && !options.only.includes(check.id)) continue;
    const outcome = await runOne(ctx, check);
    const base = { checkId: check.id, index, kind: check.kind, title: check.title };
    const first = outcome.failures[0];
    if (!first) {
      results.push({
        ...base,
        passed: true,
        feedback: 'Passed.',
        details: { failures: [], ...(outcome.invokes ? { invokes: outcome.invokes } : {}) },
      });
      continue;
    }
    let mistake: Mistake | undefined;
    if (options.explain !== false) {
      for (const m of exercise.spec.mistakes.filter((x) => x.failsCheck === check.id)) {
        if ((await mistakeCode(course, exercise, m, check, deps)) === first.code) {
          mistake = m;
          break;
        }
      }
    }
    const specifics = outcome.failures
      .slice(0, 3)
      .map((f) => f.message)
      .join('\n');
    results.push({
      ...base,
      passed: false,
      feedback: mistake ? `${mistake.feedback.trim()}\n\n${specifics}` : specifics,
      details: {
        failures: outcome.failures,
        ...(mistake ? { mistakeId: mistake.id } : {}),
        ...(outcome.invokes ? { invokes: outcome.invokes } : {}),
      },
    });
  }
  return results;
}
