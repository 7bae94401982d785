/**
 * Deploy: brings the world in line with the learner's draft of one function, as the console's Deploy and
 * Configuration tab do, all or nothing. First the draft is checked with the simulator's own rules, field by
 * field, and then rehearsed in a scratch world (so trigger settings and role permissions are refused before
 * the learner's world is touched); then it is applied as one transaction that undoes itself when a step is
 * refused (see deployTx.ts). Only what differs is changed: an unchanged function keeps its warm
 * environments, a changed one gets new ones (a cold start).
 */

import type { LabRunner } from '../../host/labRunner';
import { createLabWorld, LAB_ROLE_ARN, type LabWorld } from '../../host/labWorld';
import { utcMs } from '../../sim';
import { statementJson } from '../../sim/services/iam';
import type { JsonObject } from '../../sim/services/json';
import type { TriggerSpec, WorkspaceDoc } from '../../store/workspaceDoc';
import { draftErrors, type FieldErrors } from './deployFields';
import { deployConcurrency, deployDestinations, deployFunctionCore, deployLayers } from './deployFunction';
import { checkVpcRole, deployRole } from './deployRole';
import { type DeployState, deployStateOf, stableJson, type TriggerInfo, triggersOf } from './deployState';
import { runTx, type Tx, type TxOutcome } from './deployTx';
import { addTrigger, removeTrigger } from './triggerApply';
import { LATE_KINDS } from './triggerShared';

export { LIVE_ALIAS } from './deployFunction';
export type { DeployStep } from './deployTx';

export type DeployOutcome = TxOutcome;

/** The spec as compared between deploys (its id is its identity, not part of its settings). */
export const specJson = ({ id: _id, ...settings }: TriggerSpec): string => stableJson(settings);

function deployTriggers(tx: Tx, name: string, triggers: readonly TriggerSpec[], state: DeployState): void {
  const fn = tx.world.getFunction(name);
  if (!fn.ok) throw new Error(fn.error.message);
  const target = { functionName: name, functionArn: fn.value.functionArn, state };
  const deployed = triggersOf(state, name);
  const wanted = new Map(triggers.map((t) => [t.id, t]));
  for (const [id, d] of [...deployed]) {
    const t = wanted.get(id);
    if (!t || specJson(t) !== d.spec) removeTrigger(tx, target, d);
  }
  const pending = triggers.filter((t) => !deployed.has(t.id));
  // Sources the lab cannot delete again (topics, rules, APIs) come after every step that may be refused.
  for (const t of pending.filter((p) => !LATE_KINDS.has(p.kind))) addTrigger(tx, target, t, specJson(t));
  for (const t of pending.filter((p) => LATE_KINDS.has(p.kind))) addTrigger(tx, target, t, specJson(t));
}

function apply(tx: Tx, name: string, workspace: WorkspaceDoc, state: DeployState): void {
  const draft = workspace.functions[name];
  if (!draft) throw new Error(`The workspace has no function "${name}".`);
  const role = deployRole(tx, name, draft);
  checkVpcRole(tx, role, draft);
  const layers = deployLayers(tx, name, draft, workspace, state);
  deployFunctionCore(tx, name, draft, role, layers);
  deployConcurrency(tx, name, draft);
  deployTriggers(tx, name, draft.triggers, state);
  deployDestinations(tx, name, draft, state);
}

/** Deploys `name` from the workspace into the lab world, or refuses with the field to blame. */
export function deployDraft(lab: LabWorld, name: string, workspace: WorkspaceDoc): DeployOutcome {
  const draft = workspace.functions[name];
  if (!draft) return { ok: false, field: 'functionName', message: `No function "${name}".`, effects: [] };
  const first = Object.entries(draftErrors(name, draft, workspace))[0];
  if (first) return { ok: false, field: first[0], message: first[1], effects: [] };
  const rehearsal = rehearse(name, workspace);
  if (rehearsal) return { ok: false, ...rehearsal, effects: [] };
  return runTx(lab.world, lab, (tx) => apply(tx, name, workspace, deployStateOf(lab)));
}

/**
 * Deploys through the runner, so the deploy waits its turn and the effects it returns (old environments
 * shut down, provisioned ones starting) are settled like any other command's, applied or rolled back.
 */
export async function deployOnRunner(
  lab: LabWorld,
  runner: LabRunner,
  name: string,
  workspace: WorkspaceDoc,
): Promise<DeployOutcome> {
  let outcome: DeployOutcome | null = null;
  await runner.command(() => {
    const done = deployDraft(lab, name, workspace);
    outcome = done;
    return { ok: true, value: null, effects: done.effects };
  });
  if (!outcome) throw new Error('The deploy did not run.');
  return outcome;
}

const rehearsals = new Map<string, { field: string; message: string } | null>();

/**
 * Runs the deploy in a fresh scratch world with the same simulator, so every rule the services enforce
 * (batch sizes, schedule and pattern syntax, role permissions an event source mapping needs, concurrency
 * limits) answers before the learner's world is touched. Functions a destination names are stubbed.
 */
function rehearse(name: string, workspace: WorkspaceDoc): { field: string; message: string } | null {
  const key = stableJson({ name, workspace: { ...workspace, activeFunction: '' } });
  const cached = rehearsals.get(key);
  if (cached !== undefined) return cached;
  const scratch = createLabWorld({ seed: 1, startTimeMs: utcMs(2026, 0, 1), access: 'basic' });
  const draft = workspace.functions[name];
  for (const d of [draft?.destinations.onSuccess, draft?.destinations.onFailure])
    if (d?.kind === 'lambda' && d.name !== name)
      scratch.world.createFunction({
        functionName: d.name,
        role: LAB_ROLE_ARN,
        runtime: 'python3.13',
        handler: 'lambda_function.lambda_handler',
        code: { files: { 'lambda_function.py': '' } },
      });
  const outcome = runTx(scratch.world, scratch, (tx) => apply(tx, name, workspace, deployStateOf(scratch)));
  const result = outcome.ok ? null : { field: outcome.field, message: outcome.message };
  if (rehearsals.size > 200) rehearsals.clear();
  rehearsals.set(key, result);
  return result;
}

/** Field errors as the learner types: the draft's own, else the first the rehearsal finds. */
export function checkDraft(name: string, workspace: WorkspaceDoc): FieldErrors {
  const draft = workspace.functions[name];
  if (!draft) return {};
  const errors = draftErrors(name, draft, workspace);
  if (Object.keys(errors).length > 0) return errors;
  const r = rehearse(name, workspace);
  return r ? { [r.field]: r.message } : {};
}

/** A deployed trigger with what the world holds for it now (read directly: no trace events). */
export interface TriggerView {
  readonly info: TriggerInfo;
  /** The settings as deployed (compare with `specJson` of the draft's trigger). */
  readonly spec: string;
  /** The function policy statement as GetPolicy lists it (push sources). */
  readonly statement: JsonObject | null;
  /** The event source mapping as GetEventSourceMapping returns it (polling sources). */
  readonly mapping: JsonObject | null;
}

export function deployedTriggers(lab: LabWorld, name: string): TriggerView[] {
  const statements = lab.services.iam.functionPolicy(name);
  const mappings = lab.services.esm.list(name);
  return [...(deployStateOf(lab).triggers.get(name)?.values() ?? [])].map(({ info, spec }) => {
    const s = statements.find((x) => x.sid === info.statementId);
    const m = mappings.find((x) => x.uuid === info.esmUuid);
    return {
      info,
      spec,
      statement: s ? statementJson(s) : null,
      mapping: m ? { ...m.json, State: 'Enabled' } : null,
    };
  });
}

/** Everything in the function's resource-based policy, as the console's Permissions tab lists it. */
export function policyStatements(lab: LabWorld, name: string): JsonObject[] {
  return lab.services.iam.functionPolicy(name).map(statementJson);
}
