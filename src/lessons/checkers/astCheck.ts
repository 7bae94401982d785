/**
 * `ast` checks. Python rules run Python's own `ast` module through the runtime (a helper function in a
 * small lab world of its own, created once per host); the policy rule reads JSON here.
 */
import { createLabRunner, type LabRunner } from '../../host/labRunner';
import { createLabWorld, LAB_ROLE_ARN } from '../../host/labWorld';
import type { CheckerDeps } from '../../host/router';
import { isObject } from '../../host/scenario/jsonPath';
import type { AstRule, CheckOf } from '../checks';
import { AST_HELPER_SOURCE } from './astHelper';
import type { CheckContext, CheckOutcome } from './types';
import type { AssertionFailure } from './values';

const HELPER = 'lab-ast-rules';
const helpers = new WeakMap<CheckerDeps, Promise<LabRunner>>();

function helperRunner(deps: CheckerDeps): Promise<LabRunner> {
  let p = helpers.get(deps);
  if (!p) {
    p = (async () => {
      const lab = createLabWorld({
        seed: deps.router.nextSeed(),
        startTimeMs: deps.startTimeMs ?? Date.UTC(2026, 10, 26),
        access: 'basic',
      });
      // Counted like the checks' worlds: a phase that measured would recalibrate at machine-dependent moments.
      const runner = createLabRunner(lab.world, deps.runtime, { workModel: 'counted' });
      const created = await runner.command((w) =>
        w.createFunction({
          functionName: HELPER,
          role: LAB_ROLE_ARN,
          runtime: 'python3.12',
          handler: 'lambda_function.lambda_handler',
          // A full vCPU and a long timeout: parsing is the host's work, not the learner's.
          memorySize: 1769,
          timeout: 60,
          code: { files: { 'lambda_function.py': AST_HELPER_SOURCE } },
        }),
      );
      if (!created.ok) throw new Error(`AST helper: ${created.error.message}`);
      return runner;
    })();
    helpers.set(deps, p);
  }
  return p;
}

interface RuleAnswer {
  readonly passed: boolean;
  readonly code: string;
  readonly message: string;
}

export async function pythonRule(deps: CheckerDeps, source: string, rule: AstRule): Promise<RuleAnswer> {
  const runner = await helperRunner(deps);
  const { response } = await runner.invoke({
    functionName: HELPER,
    payloadJson: JSON.stringify({ source, rule }),
  });
  if (!response || response.functionError)
    throw new Error(`AST helper failed: ${response?.payloadJson ?? 'no response'}`);
  return JSON.parse(response.payloadJson) as RuleAnswer;
}

function policyWildcards(text: string, resources: boolean): AssertionFailure[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return [
      {
        code: 'json',
        message: `The policy is not valid JSON: ${e instanceof Error ? e.message : String(e)}.`,
      },
    ];
  }
  const statements = isObject(doc) && Array.isArray(doc.Statement) ? doc.Statement : [];
  const list = (v: unknown): string[] =>
    Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)];
  const out: AssertionFailure[] = [];
  for (const s of statements) {
    if (!isObject(s) || s.Effect !== 'Allow') continue;
    for (const a of list(s.Action))
      if (a.includes('*'))
        out.push({
          code: `action:${a}`,
          message: `The action \`${a}\` uses a wildcard: list the exact actions the code calls.`,
        });
    if (resources)
      for (const r of list(s.Resource))
        if (r.includes('*'))
          out.push({
            code: `resource:${r}`,
            message: `The resource \`${r}\` uses a wildcard: name the ARN the code uses.`,
          });
  }
  return out;
}

export async function runAstCheck(ctx: CheckContext, check: CheckOf<'ast'>): Promise<CheckOutcome> {
  const text = ctx.workspace.files[check.file];
  if (text === undefined)
    return { failures: [{ code: 'no-file', message: `The file ${check.file} is missing.` }] };
  if (check.rule.rule === 'noWildcardAction')
    return { failures: policyWildcards(text, check.rule.resources === true) };
  const answer = await pythonRule(ctx.deps, text, check.rule);
  return {
    failures: answer.passed
      ? []
      : [{ code: `${check.rule.rule}:${answer.code}`, message: `${check.file}: ${answer.message}` }],
  };
}
