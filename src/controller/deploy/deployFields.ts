/**
 * The draft's fields as Lambda sees them, and their errors as the learner types. Every rule is the
 * simulator's own (configValidation, the IAM policy parser, EventBridge's schedule parser): each field is
 * checked alone on top of a valid base, so each error lands beside the field that caused it.
 */
import type { FunctionConfigPatch, FunctionConfiguration, LayerVersion } from '../../sim';
import { type ConfigCandidate, filesSize, validateCandidate } from '../../sim/configValidation';
import { ACCOUNT_ID_DEFAULT, REGION_DEFAULT } from '../../sim/limits';
import { parsePolicy } from '../../sim/services/iamPolicy';
import { MANAGED_POLICIES } from '../../sim/services/managedPolicies';
import { parseSchedule } from '../../sim/services/schedule';
import { type FunctionDraft, roleNameOf } from '../../store/draftSchema';
import type { TriggerSpec, WorkspaceDoc } from '../../store/workspaceDoc';

export type FieldErrors = Readonly<Record<string, string>>;

/** Field keys used in error maps (and by the UI to place messages). */
export const envField = (key: string) => `env:${key}`;
export const triggerField = (id: string) => `trigger:${id}`;

export const MANAGED_POLICY_NAMES: readonly string[] = [...MANAGED_POLICIES.keys()].map((arn) =>
  arn.slice(arn.lastIndexOf('/') + 1),
);

export function managedPolicyArn(name: string): string | undefined {
  return [...MANAGED_POLICIES.keys()].find((arn) => arn.endsWith(`/${name}`));
}

export const roleArnOf = (functionName: string, draft: Pick<FunctionDraft, 'role'>): string =>
  `arn:aws:iam::${ACCOUNT_ID_DEFAULT}:role/${roleNameOf(functionName, draft)}`;

export const layerArn = (name: string, version: number): string =>
  `arn:aws:lambda:${REGION_DEFAULT}:${ACCOUNT_ID_DEFAULT}:layer:${name}:${version}`;

/** The settings a draft decides, every one of them given. */
export type DraftConfig = Required<
  Pick<
    FunctionConfigPatch,
    | 'runtime'
    | 'handler'
    | 'role'
    | 'memorySize'
    | 'timeout'
    | 'ephemeralStorage'
    | 'environment'
    | 'architectures'
    | 'layers'
    | 'vpcConfig'
    | 'snapStart'
  >
>;

/** The configuration the draft asks for, as UpdateFunctionConfiguration takes it: the one draft-to-config mapping. */
export function configPatchOf(draft: FunctionDraft, role: string, layerArns: readonly string[]): DraftConfig {
  return {
    runtime: draft.runtime,
    handler: draft.handler,
    role,
    memorySize: draft.memorySize,
    timeout: draft.timeout,
    ephemeralStorage: { size: draft.ephemeralStorage },
    environment: { variables: draft.environment },
    architectures: [draft.architecture],
    layers: layerArns,
    vpcConfig: draft.vpc.enabled
      ? { subnetIds: draft.vpc.subnetIds, securityGroupIds: draft.vpc.securityGroupIds }
      : { subnetIds: [], securityGroupIds: [] },
    snapStart: { applyOn: draft.snapStart ? 'PublishedVersions' : 'None' },
  };
}

/** The configuration the world runs, in the same shape (to compare with a draft's, and to restore on a rollback). */
export function configPatchOfWorld(c: FunctionConfiguration): DraftConfig {
  return {
    runtime: c.runtime,
    handler: c.handler,
    role: c.role,
    memorySize: c.memorySize,
    timeout: c.timeout,
    ephemeralStorage: { size: c.ephemeralStorageMb },
    environment: { variables: c.environment },
    architectures: [c.architecture],
    layers: c.layers.map((l) => l.layerVersionArn),
    vpcConfig: c.vpc ?? { subnetIds: [], securityGroupIds: [] },
    snapStart: { applyOn: c.snapStartApplyOn },
  };
}

/** Stand-ins for the workspace's layers, sized from their files, so layer rules run before publishing. */
function workspaceLayerLookup(workspace: Pick<WorkspaceDoc, 'layers'>) {
  return (arn: string): LayerVersion | undefined => {
    const name = /:layer:([^:]+):1$/.exec(arn)?.[1];
    const layer = name === undefined ? undefined : workspace.layers[name];
    if (name === undefined || !layer) return undefined;
    return {
      layerName: name,
      version: 1,
      layerVersionArn: arn,
      files: layer.files,
      unzippedSizeBytes: filesSize({ files: layer.files }),
      compatibleRuntimes: layer.compatibleRuntimes,
    };
  };
}

function errorOf(
  base: ConfigCandidate,
  patch: Partial<ConfigCandidate>,
  findLayer: (arn: string) => LayerVersion | undefined = () => undefined,
): string | null {
  const v = validateCandidate({ ...base, ...patch }, findLayer);
  return 'name' in v ? `${v.name}: ${v.message}` : null;
}

function policyError(text: string): string | null {
  if (text.trim() === '') return null;
  try {
    JSON.parse(text);
  } catch (error) {
    return `MalformedPolicyDocument: Syntax errors in policy. (${error instanceof Error ? error.message : String(error)})`;
  }
  try {
    parsePolicy(text, 'identity');
    return null;
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'MalformedPolicyDocument';
    return `${code}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** A trigger's own settings that need no world: names present, a schedule EventBridge can parse. */
export function triggerError(t: TriggerSpec): string | null {
  const missing = (what: string, value: string) => (value.trim() === '' ? `Enter the ${what}.` : null);
  switch (t.kind) {
    case 's3':
      return (
        missing('bucket name', t.bucket) ?? (t.events.length === 0 ? 'Choose at least one event type.' : null)
      );
    case 'sqs':
      return missing('queue name', t.queue);
    case 'sns':
      return missing('topic name', t.topic);
    case 'dynamodb':
      return missing('table name', t.table);
    case 'apigateway':
      return missing('API name', t.apiName) ?? (t.apiType === 'REST' ? missing('stage name', t.stage) : null);
    case 'eventbridge': {
      const name = missing('rule name', t.ruleName);
      if (name) return name;
      if (t.mode === 'pattern') return missing('event pattern', t.eventPattern);
      try {
        parseSchedule(t.schedule.trim());
        return null;
      } catch (error) {
        return `ValidationException: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    default: {
      const never: never = t;
      throw new Error(`unknown trigger ${JSON.stringify(never)}`);
    }
  }
}

/** Every error the draft has on its own, keyed by field; empty when it is ready to deploy. */
export function draftErrors(
  name: string,
  draft: FunctionDraft,
  workspace: Pick<WorkspaceDoc, 'layers'>,
): FieldErrors {
  const out: Record<string, string> = {};
  const put = (field: string, error: string | null) => {
    if (error) out[field] = error;
  };
  const base: ConfigCandidate = {
    functionName: name,
    packageType: 'Zip',
    code: { files: {} },
    runtime: 'python3.13',
    handler: 'lambda_function.lambda_handler',
  };
  put('functionName', errorOf(base, {}));
  put('runtime', errorOf(base, { runtime: draft.runtime }));
  put('handler', errorOf(base, { handler: draft.handler }));
  put('memorySize', errorOf(base, { memorySize: draft.memorySize }));
  put('timeout', errorOf(base, { timeout: draft.timeout }));
  put('ephemeralStorage', errorOf(base, { ephemeralStorage: { size: draft.ephemeralStorage } }));
  put('architecture', errorOf(base, { architectures: [draft.architecture] }));
  // Only on a runtime the lab knows: an unknown one is already said beside the runtime.
  if (draft.snapStart && !out.runtime) {
    const snap = { snapStart: { applyOn: 'PublishedVersions' } };
    put(
      'snapStart',
      errorOf(base, { ...snap, runtime: draft.runtime, ephemeralStorage: { size: draft.ephemeralStorage } }),
    );
  }
  for (const [key, value] of Object.entries(draft.environment))
    put(envField(key), errorOf(base, { environment: { variables: { [key]: value } } }));
  if (Object.keys(out).every((k) => !k.startsWith('env:')))
    put('env', errorOf(base, { environment: { variables: draft.environment } }));
  put('role', errorOf(base, { role: roleArnOf(name, draft) }));
  const unknown = draft.role.managedPolicies.filter((p) => managedPolicyArn(p) === undefined);
  if (unknown.length > 0)
    out['role.managed'] =
      `NoSuchEntity: Policy ${unknown.join(', ')} does not exist in the lab (it has ${MANAGED_POLICY_NAMES.join(', ')}).`;
  put('role.inline', policyError(draft.role.inlinePolicy));
  const missingLayer = draft.layers.find((l) => !workspace.layers[l]);
  if (missingLayer !== undefined) out.layers = `The workspace has no layer "${missingLayer}".`;
  else {
    const findLayer = workspaceLayerLookup(workspace);
    const arns = draft.layers.map((l) => layerArn(l, 1));
    put('layers', errorOf(base, { layers: arns }, findLayer));
    if (!out.layers) put('code', errorOf(base, { code: { files: draft.files }, layers: arns }, findLayer));
  }
  if (draft.vpc.enabled) {
    put(
      'vpc',
      errorOf(base, {
        vpcConfig: { subnetIds: draft.vpc.subnetIds, securityGroupIds: draft.vpc.securityGroupIds },
      }),
    );
    if (!out.vpc && draft.vpc.subnetIds.length === 0)
      out.vpc = 'Choose at least one subnet: without one the function is not connected to the VPC.';
  }
  for (const t of draft.triggers) put(triggerField(t.id), triggerError(t));
  for (const which of ['onSuccess', 'onFailure'] as const) {
    const d = draft.destinations[which];
    if (d && d.name.trim() === '') out[`destinations.${which}`] = 'Enter the destination name.';
  }
  return out;
}
