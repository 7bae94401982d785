/**
 * The console's alias editor over the learner's world: publish a version, point an alias at one version or
 * split it between two (a weighted alias, RoutingConfig), and send requests through it to see the split.
 * Changes go through Lambda's own API, so they are refused with AWS's words where AWS would refuse them.
 */
import type { LabRunner } from '../../host/labRunner';
import type { LabWorld } from '../../host/labWorld';

export interface AliasView {
  readonly primary: string;
  readonly extra: string | null;
  /** The extra version's share, in whole percent. */
  readonly extraPercent: number;
}

export interface AliasEditorState {
  /** Published versions, oldest first. */
  readonly versions: readonly string[];
  readonly alias: AliasView | null;
}

export function aliasEditorState(lab: LabWorld, name: string, alias: string): AliasEditorState {
  const versions: string[] = [];
  // Versions are numbered from 1 and never reused, so probing stops at the first gap.
  for (let v = 1; lab.world.getFunction(name, String(v)).ok; v++) versions.push(String(v));
  const a = lab.world.getAlias(name, alias);
  if (!a) return { versions, alias: null };
  const [extra, weight] = Object.entries(a.routingConfig?.additionalVersionWeights ?? {})[0] ?? [null, 0];
  return {
    versions,
    alias: { primary: a.functionVersion, extra, extraPercent: Math.round(weight * 100) },
  };
}

type Outcome = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly text: string };

const failed = (r: ReturnType<LabWorld['consoleCall']>): string | null =>
  r.kind === 'error' ? `${r.error.code}: ${r.error.message}` : null;

/**
 * Publishes a version. A SnapStart version is Pending while Lambda runs its Init and takes the snapshot;
 * like the console, this waits (in virtual time) until the version is Active or Failed.
 */
export async function publishVersion(lab: LabWorld, runner: LabRunner, name: string): Promise<Outcome> {
  const r = lab.consoleCall('lambda', 'PublishVersion', { FunctionName: name });
  const error = failed(r);
  if (error || r.kind !== 'result') return { ok: false, text: error ?? 'No answer.' };
  const version = String(r.result.Version);
  if (r.result.State !== 'Pending') return { ok: true, text: `Published version ${version}.` };
  const started = lab.world.now();
  for (let step = 0; step < 1000; step++) {
    if (lab.world.snapshotState(name, version)?.state !== 'Pending') break;
    const next = lab.world.nextEventTime();
    if (next === undefined) break;
    await runner.advanceTo(next);
  }
  const s = lab.world.snapshotState(name, version);
  const took = ((lab.world.now() - started) / 1000).toFixed(2);
  if (s?.state !== 'Active')
    return {
      ok: false,
      text: `Version ${version}: the SnapStart snapshot failed (${s?.reason ?? 'no reason'}).`,
    };
  return {
    ok: true,
    text: `Published version ${version}: SnapStart ran its Init once and took the snapshot (${took} s); its cold starts restore it.`,
  };
}

export function saveAlias(
  lab: LabWorld,
  name: string,
  alias: string,
  primary: string,
  extra: string | null,
  extraPercent: number,
): Outcome {
  if (!Number.isFinite(extraPercent) || extraPercent < 0 || extraPercent > 100)
    return { ok: false, text: 'The weight must be a percentage from 0 to 100.' };
  const weights = extra ? { [extra]: Math.round(extraPercent * 100) / 10_000 } : {};
  const exists = lab.world.getAlias(name, alias) !== null;
  const r = lab.consoleCall('lambda', exists ? 'UpdateAlias' : 'CreateAlias', {
    FunctionName: name,
    Name: alias,
    FunctionVersion: primary,
    RoutingConfig: { AdditionalVersionWeights: weights },
  });
  const error = failed(r);
  if (error) return { ok: false, text: error };
  const split = extra ? `, ${extraPercent}% to version ${extra}` : '';
  return { ok: true, text: `Alias ${alias}: version ${primary}${split}.` };
}

/**
 * Sends `count` requests through the alias at one instant: how many each version served, and how many
 * different answers came back (SnapStart's uniqueness caveat: restored environments can all answer alike).
 */
export async function sendThroughAlias(
  runner: LabRunner,
  name: string,
  alias: string,
  count: number,
): Promise<{ readonly byVersion: Record<string, number>; readonly distinctAnswers: number }> {
  const runs = await runner.invokeAll(
    Array.from({ length: count }, () => ({ functionName: name, qualifier: alias, payloadJson: '{}' })),
  );
  const byVersion: Record<string, number> = {};
  const answers = new Set<string>();
  for (const r of runs) {
    const v = r.response?.executedVersion;
    if (v) byVersion[v] = (byVersion[v] ?? 0) + 1;
    if (r.response) answers.add(r.response.payloadJson);
  }
  return { byVersion, distinctAnswers: answers.size };
}
