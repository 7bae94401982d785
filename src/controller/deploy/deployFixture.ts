/** Test support for deploy: a lab world on the scripted runtime and drafts to deploy into it. */

import { createLabRunner, type LabRunner } from '../../host/labRunner';
import { createLabWorld, type LabWorld } from '../../host/labWorld';
import { createFakeRuntime, type FakeScript } from '../../sim';
import {
  defaultWorkspace,
  type FunctionDraft,
  type TriggerSpec,
  type WorkspaceDoc,
} from '../../store/workspaceDoc';
import { deployOnRunner } from './deploy';

export const FN = 'hello-lambda';

export interface DeployHarness {
  readonly lab: LabWorld;
  readonly runner: LabRunner;
  workspace: WorkspaceDoc;
  edit(change: (draft: FunctionDraft) => FunctionDraft): void;
  deploy(): ReturnType<typeof deployOnRunner>;
  /** What the world holds, as a comparable snapshot (state only, not the trace). */
  snapshot(): unknown;
}

export function deployHarness(script: FakeScript = {}, seed = 7): DeployHarness {
  const lab = createLabWorld({ seed, startTimeMs: Date.UTC(2026, 0, 5), access: 'basic' });
  const runner = createLabRunner(lab.world, createFakeRuntime(script));
  const h: DeployHarness = {
    lab,
    runner,
    workspace: defaultWorkspace(),
    edit(change) {
      const draft = h.workspace.functions[FN];
      if (!draft) throw new Error('no draft');
      h.workspace = { ...h.workspace, functions: { ...h.workspace.functions, [FN]: change(draft) } };
    },
    deploy: () => deployOnRunner(lab, runner, FN, h.workspace),
    snapshot: () => snapshotOf(lab),
  };
  return h;
}

const result = (lab: LabWorld, service: string, operation: string, params: Record<string, unknown>) => {
  const r = lab.consoleCall(service, operation, params as never);
  return r.kind === 'result' ? r.result : { error: r.kind === 'error' ? r.error.code : r.kind };
};

/** Function configuration, concurrency, role policies, function policy, mappings and resources. */
export function snapshotOf(lab: LabWorld): unknown {
  const fn = lab.world.getFunction(FN);
  const roleName = `${FN}-role`;
  const { iam, s3, esm } = lab.services;
  const role = iam.roles.get(roleName);
  return {
    fn: fn.ok ? { ...fn.value, revision: 0 } : null,
    concurrency: lab.world.concurrency().functions[FN] ?? null,
    role: role
      ? {
          attached: [...role.attached].sort(),
          inline: [...role.inline.entries()].map(([k, v]) => [k, v.json]),
        }
      : null,
    policy: iam.functionPolicy(FN),
    mappings: esm.list(FN).map((m) => m.eventSourceArn),
    buckets: s3.bucketNames(),
    queues: result(lab, 'sqs', 'ListQueues', {}),
    tables: result(lab, 'dynamodb', 'ListTables', {}),
  };
}

export const sqsTrigger = (
  queue: string,
  over: Partial<Extract<TriggerSpec, { kind: 'sqs' }>> = {},
): TriggerSpec => ({
  kind: 'sqs',
  id: `sqs-${queue}`,
  queue,
  batchSize: 10,
  batchWindowS: 0,
  reportBatchItemFailures: false,
  ...over,
});
