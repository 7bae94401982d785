/**
 * The function itself: layers published from the workspace's files, code and configuration, reserved and
 * provisioned concurrency, and the asynchronous invocation's destinations. Only what differs from the
 * world is changed, so an unchanged function keeps its warm environments.
 */
import type { World } from '../../sim';
import { ASYNC_MAX_EVENT_AGE_MAX_S, ASYNC_MAX_RETRY_ATTEMPTS_DEFAULT } from '../../sim/limits';
import type { FunctionDraft, WorkspaceDoc } from '../../store/workspaceDoc';
import { configPatchOf, configPatchOfWorld } from './deployFields';
import { type DeployState, stableJson } from './deployState';
import { type Tx, undoCall } from './deployTx';

/** The alias that provisioned concurrency lives on (it needs a published version). */
export const LIVE_ALIAS = 'live';

const sameRecord = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) =>
  stableJson(a) === stableJson(b);

/** Layer ARNs for the draft, in order; a layer whose files changed since its last version is published. */
export function deployLayers(
  tx: Tx,
  name: string,
  draft: FunctionDraft,
  workspace: WorkspaceDoc,
  state: DeployState,
) {
  const current = tx.world.getFunction(name);
  return draft.layers.map((layerName) => {
    const layer = workspace.layers[layerName];
    if (!layer) throw new Error(`The workspace has no layer "${layerName}".`);
    const filesJson = stableJson(layer.files);
    const known = state.layers.get(layerName);
    if (known?.filesJson === filesJson) return known.arn;
    const attached = current.ok
      ? current.value.layers.find((l) => l.layerName === layerName && sameRecord(l.files, layer.files))
      : undefined;
    if (attached) return attached.layerVersionArn;
    // A published layer version is immutable and stands on its own, as in AWS: a rollback leaves it.
    const v = tx.command('layers', (w) =>
      w.publishLayerVersion({ layerName, files: layer.files, compatibleRuntimes: layer.compatibleRuntimes }),
    );
    state.layers.set(layerName, { filesJson, arn: v.layerVersionArn });
    tx.note('layers', `published layer ${layerName} version ${v.version}`);
    return v.layerVersionArn;
  });
}

/** Which field a refusal of the whole configuration belongs to, from AWS's own message. */
export function fieldOfConfigError(message: string): string {
  const at = /at '([A-Za-z.]+?)(?:\.\d+\.member)?'/.exec(message)?.[1] ?? '';
  const byPath: Record<string, string> = {
    memorySize: 'memorySize',
    timeout: 'timeout',
    'ephemeralStorage.size': 'ephemeralStorage',
    'environment.variables': 'env',
    runtime: 'runtime',
    handler: 'handler',
    role: 'role',
    layers: 'layers',
  };
  if (byPath[at]) return byPath[at];
  if (at.startsWith('vpcConfig')) return 'vpc';
  if (/SnapStart/.test(message)) return 'snapStart';
  if (/environment variables/.test(message)) return 'env';
  if (/[Ll]ayer/.test(message)) return 'layers';
  if (/role/.test(message)) return 'role';
  if (/[Uu]nzipped|Request must be smaller/.test(message)) return 'code';
  return 'functionName';
}

export function deployFunctionCore(
  tx: Tx,
  name: string,
  draft: FunctionDraft,
  role: string,
  layers: string[],
): void {
  const patch = configPatchOf(draft, role, layers);
  const current = tx.world.getFunction(name);
  if (!current.ok) {
    const r = tx.world.createFunction({ functionName: name, code: { files: draft.files }, ...patch, role });
    tx.command(
      r.ok ? 'functionName' : fieldOfConfigError(r.error.message),
      () => r,
      (w) => w.deleteFunction(name),
    );
    tx.note('created', 'created the function');
    return;
  }
  const before = configPatchOfWorld(current.value);
  if (stableJson(before) !== stableJson(patch)) {
    const r = tx.world.updateFunctionConfiguration(name, patch);
    tx.command(
      r.ok ? 'configuration' : fieldOfConfigError(r.error.message),
      () => r,
      (w) => w.updateFunctionConfiguration(name, before),
    );
    tx.note('configuration', 'updated the configuration');
  }
  if (!sameRecord(current.value.code, draft.files)) {
    const old = current.value.code;
    tx.command(
      'code',
      (w) => w.updateFunctionCode(name, { files: draft.files }),
      (w) => w.updateFunctionCode(name, { files: old }),
    );
    tx.note('code', 'updated the code');
  }
}

/** Reserved concurrency, then the provisioned concurrency on the alias `live` (ordered so neither blocks). */
export function deployConcurrency(tx: Tx, name: string, draft: FunctionDraft): void {
  const pcNow = tx.world.getProvisionedConcurrencyConfig(name, LIVE_ALIAS)?.requested ?? 0;
  if (draft.provisionedConcurrency < pcNow) {
    deployProvisioned(tx, name, draft, pcNow);
    deployReserved(tx, name, draft);
  } else {
    deployReserved(tx, name, draft);
    deployProvisioned(tx, name, draft, pcNow);
  }
}

function deployReserved(tx: Tx, name: string, draft: FunctionDraft): void {
  const now = tx.world.concurrency().functions[name]?.reserved ?? null;
  const want = draft.reservedConcurrency;
  if (want === now) return;
  const restore = (w: World) =>
    now === null ? w.deleteFunctionConcurrency(name) : w.putFunctionConcurrency(name, now);
  if (want === null) tx.command('reservedConcurrency', (w) => w.deleteFunctionConcurrency(name), restore);
  else tx.command('reservedConcurrency', (w) => w.putFunctionConcurrency(name, want), restore);
  tx.note('concurrency', want === null ? 'removed the reserved concurrency' : `reserved ${want}`);
}

function deployProvisioned(tx: Tx, name: string, draft: FunctionDraft, pcNow: number): void {
  const field = 'provisionedConcurrency';
  const want = draft.provisionedConcurrency;
  if (want === 0) {
    if (pcNow > 0) {
      tx.command(
        field,
        (w) => w.deleteProvisionedConcurrencyConfig(name, LIVE_ALIAS),
        (w) => w.putProvisionedConcurrencyConfig(name, LIVE_ALIAS, pcNow),
      );
      tx.note('concurrency', 'removed the provisioned concurrency');
    }
    return;
  }
  const alias = tx.world.getFunction(name, LIVE_ALIAS);
  const mark = tx.world.trace.events.length;
  const version = tx.command(field, (w) => w.publishVersion(name)).version;
  const published = tx.world.trace.events.slice(mark).some((e) => e.name === 'lambda.version.published');
  if (published) {
    tx.onUndo(() => {
      const r = tx.world.deleteFunction(name, version);
      if (!r.ok) throw new Error(r.error.message);
    });
    tx.note('concurrency', `published version ${version}`);
  }
  if (!alias.ok)
    tx.command(
      field,
      (w) => w.createAlias(name, LIVE_ALIAS, version),
      (w) => w.deleteAlias(name, LIVE_ALIAS),
    );
  else if (alias.value.version !== version) {
    const old = alias.value.version;
    tx.command(
      field,
      (w) => w.updateAlias(name, LIVE_ALIAS, version),
      (w) => w.updateAlias(name, LIVE_ALIAS, old),
    );
  }
  if (pcNow !== want || !alias.ok || alias.value.version !== version) {
    tx.command(
      field,
      (w) => w.putProvisionedConcurrencyConfig(name, LIVE_ALIAS, want),
      (w) =>
        pcNow === 0
          ? w.deleteProvisionedConcurrencyConfig(name, LIVE_ALIAS)
          : w.putProvisionedConcurrencyConfig(name, LIVE_ALIAS, pcNow),
    );
    tx.note('concurrency', `provisioned ${want} on ${LIVE_ALIAS} (version ${version})`);
  }
}

/** On-success and on-failure destinations with the retry settings; missing queues and topics are created. */
export function deployDestinations(tx: Tx, name: string, draft: FunctionDraft, state: DeployState): void {
  const d = draft.destinations;
  const { region, accountId } = tx.lab.services.hub;
  const arnOf = (kind: 'sqs' | 'sns' | 'lambda', target: string) =>
    kind === 'lambda'
      ? `arn:aws:lambda:${region}:${accountId}:function:${target}`
      : `arn:aws:${kind}:${region}:${accountId}:${target}`;
  const destinationConfig: Record<string, { destination: string }> = {};
  for (const which of ['onSuccess', 'onFailure'] as const) {
    const ref = d[which];
    if (ref) destinationConfig[which] = { destination: arnOf(ref.kind, ref.name) };
  }
  const wanted = {
    maximumRetryAttempts: d.maximumRetryAttempts,
    maximumEventAgeInSeconds: d.maximumEventAgeS,
    destinationConfig,
  };
  const json = stableJson(wanted);
  const before = state.invokeConfigs.get(name);
  const defaults = stableJson({
    maximumRetryAttempts: ASYNC_MAX_RETRY_ATTEMPTS_DEFAULT,
    maximumEventAgeInSeconds: ASYNC_MAX_EVENT_AGE_MAX_S,
    destinationConfig: {},
  });
  if (json === (before ?? defaults)) return;
  for (const which of ['onSuccess', 'onFailure'] as const) {
    const ref = d[which];
    const field = `destinations.${which}`;
    if (ref?.kind === 'sqs' && !tx.lab.services.sqs.queueByArn(arnOf('sqs', ref.name)))
      tx.call(field, 'sqs', 'CreateQueue', { QueueName: ref.name }, (q) =>
        undoCall(tx.lab, 'sqs', 'DeleteQueue', { QueueUrl: String(q.QueueUrl) }),
      );
    if (ref?.kind === 'sns') tx.call(field, 'sns', 'CreateTopic', { Name: ref.name });
    if (ref?.kind === 'lambda') tx.command(field, (w) => w.getFunction(ref.name));
  }
  const previous = JSON.parse(before ?? defaults) as typeof wanted;
  tx.command(
    'destinations',
    (w) => w.putFunctionEventInvokeConfig(name, undefined, wanted),
    (w) => w.putFunctionEventInvokeConfig(name, undefined, previous),
  );
  state.invokeConfigs.set(name, json);
  tx.onUndo(() =>
    before === undefined ? state.invokeConfigs.delete(name) : state.invokeConfigs.set(name, before),
  );
  tx.note('destinations', 'updated the asynchronous invocation settings');
}
