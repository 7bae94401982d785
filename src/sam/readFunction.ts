/**
 * One AWS::Serverless::Function (its Globals merged in and intrinsics resolved) as a workspace function
 * draft: code, configuration, role with its policies, layers, destinations, and its events.
 */
import { MANAGED_POLICY_NAMES } from '../controller/deploy/deployFields';
import type { JsonObject } from '../sim/services/json';
import { BASIC_EXECUTION_POLICY, type DestinationRef, type FunctionDraft } from '../store/draftSchema';
import { newFunctionDraft } from '../store/workspaceDoc';
import { policyTemplate } from './policyTemplates';
import { readEvents } from './readEvents';
import { type FunctionExtras, nameFromArn, type SamWarning } from './samApp';
import { isObject, type TObject, type TValue } from './templateFile';

export interface RoleInfo {
  readonly name: string;
  readonly managed: readonly string[];
  readonly statements: readonly JsonObject[];
}

export interface FunctionContext {
  readonly logicalId: string;
  readonly name: string;
  readonly props: TObject;
  /** The function's code: files below its CodeUri (or its InlineCode). */
  readonly files: Readonly<Record<string, string>>;
  readonly events: Readonly<Record<string, string>>;
  /** The resource's Metadata.LambdaLab: what the learner had open when the lab exported it. */
  readonly ui: { readonly activeFile?: unknown; readonly activeEvent?: unknown };
  /** Layer ARN -> workspace layer name, for the template's own layers. */
  layerName(arn: string): string | undefined;
  /** A role of the template by its ARN. */
  role(arn: string): RoleInfo | undefined;
  apiLogicalId(id: string): string | undefined;
  /** The API a route belongs to (by logical id): its name and stage. */
  api(logicalId: string, type: 'REST' | 'HTTP'): { readonly name: string; readonly stage: string };
}

export interface FunctionOut {
  readonly draft: FunctionDraft;
  readonly extras: FunctionExtras;
  readonly routes: ReturnType<typeof readEvents>['routes'];
  readonly warnings: SamWarning[];
}

const KNOWN = new Set([
  'CodeUri',
  'InlineCode',
  'Handler',
  'Runtime',
  'MemorySize',
  'Timeout',
  'Environment',
  'Layers',
  'ReservedConcurrentExecutions',
  'ProvisionedConcurrencyConfig',
  'AutoPublishAlias',
  'DeadLetterQueue',
  'EventInvokeConfig',
  'Architectures',
  'EphemeralStorage',
  'SnapStart',
  'Role',
  'Policies',
  'FunctionName',
  'Events',
  'Description',
  'VpcConfig',
  'PackageType',
  'Tags',
]);

const str = (v: TValue | undefined): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
const int = (v: TValue | undefined, fallback: number): number => {
  const n = typeof v === 'number' ? v : Number(str(v));
  return Number.isFinite(n) ? Math.trunc(n) : fallback;
};

/** Policies: managed policy names and ARNs, policy templates, and inline statements. */
function readPolicies(ctx: FunctionContext, warn: (s: string, m: string) => void) {
  const managed: string[] = [];
  const statements: JsonObject[] = [];
  const list = Array.isArray(ctx.props.Policies)
    ? ctx.props.Policies
    : ctx.props.Policies
      ? [ctx.props.Policies]
      : [];
  for (const item of list) {
    if (typeof item === 'string') {
      const name = item.slice(item.lastIndexOf('/') + 1);
      if (MANAGED_POLICY_NAMES.includes(name)) managed.push(name);
      else
        warn(
          'managed policy',
          `${name} is not one of the lab's managed policies (${MANAGED_POLICY_NAMES.join(', ')}); left out.`,
        );
    } else if (isObject(item) && 'Statement' in item) {
      const s = item.Statement;
      for (const st of Array.isArray(s) ? s : [s]) if (isObject(st)) statements.push(st as JsonObject);
    } else if (isObject(item)) {
      for (const [template, params] of Object.entries(item)) {
        const r = policyTemplate(template, isObject(params) ? params : {});
        if ('error' in r) warn('policy template', `${r.error}; left out.`);
        else statements.push(...(r.statements as unknown as JsonObject[]));
      }
    }
  }
  return { managed, statements };
}

const policyText = (statements: readonly JsonObject[]) =>
  statements.length === 0
    ? ''
    : `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;

function destination(v: TValue | undefined, warn: (s: string, m: string) => void): DestinationRef | null {
  if (!isObject(v)) return null;
  const type = (str(v.Type) ?? '').toLowerCase();
  const target = str(v.Destination) ?? '';
  if (type === 'sqs' || type === 'sns' || type === 'lambda') return { kind: type, name: nameFromArn(target) };
  warn('EventInvokeConfig', `destination type ${str(v.Type)} is not simulated.`);
  return null;
}

export function readFunction(ctx: FunctionContext): FunctionOut {
  const { props, logicalId } = ctx;
  const warnings: SamWarning[] = [];
  const warn = (subject: string, message: string) =>
    warnings.push({ subject, logicalIds: [logicalId], message });
  for (const key of Object.keys(props))
    if (!KNOWN.has(key)) warn(`Function property ${key}`, `${key} is not simulated.`);
  const base = newFunctionDraft();
  const env =
    isObject(props.Environment) && isObject(props.Environment.Variables) ? props.Environment.Variables : {};
  const layers: string[] = [];
  for (const arn of Array.isArray(props.Layers) ? props.Layers : []) {
    const name = ctx.layerName(String(arn));
    if (name) layers.push(name);
    else warn('external layer', `layer ${String(arn)} is not in the template; left out.`);
  }
  const policies = readPolicies(ctx, warn);
  const events = readEvents(
    ctx.name,
    logicalId,
    isObject(props.Events) ? props.Events : {},
    ctx.apiLogicalId,
    ctx.api,
  );
  warnings.push(...events.warnings);
  const roleArn = str(props.Role);
  let role: FunctionDraft['role'];
  if (roleArn) {
    const known = ctx.role(roleArn);
    if (!known)
      warn(
        'external role',
        `role ${roleArn} is not in the template; the function gets basic logging permissions.`,
      );
    role = {
      name: known?.name ?? nameFromArn(roleArn),
      managedPolicies: [...(known?.managed ?? [BASIC_EXECUTION_POLICY])],
      inlinePolicy: policyText(known?.statements ?? []),
    };
  } else {
    // SAM's generated role: basic logging, the polling permissions its events need, then the Policies.
    const managed = [BASIC_EXECUTION_POLICY, ...policies.managed, ...events.pollPolicies];
    role = {
      name: '',
      managedPolicies: [...new Set(managed)],
      inlinePolicy: policyText(policies.statements),
    };
  }
  const invoke = isObject(props.EventInvokeConfig) ? props.EventInvokeConfig : {};
  const dc = isObject(invoke.DestinationConfig) ? invoke.DestinationConfig : {};
  const vpc = isObject(props.VpcConfig) ? props.VpcConfig : null;
  const list = (v: TValue | undefined) => (Array.isArray(v) ? v.map(String) : []);
  const files = Object.keys(ctx.files);
  const handlerFile = `${(str(props.Handler) ?? '').split('.').slice(0, -1).join('/')}.py`;
  const draft: { -readonly [K in keyof FunctionDraft]: FunctionDraft[K] } = {
    ...base,
    files: { ...ctx.files },
    handler: str(props.Handler) ?? base.handler,
    runtime: str(props.Runtime) ?? base.runtime,
    memorySize: int(props.MemorySize, 128),
    timeout: int(props.Timeout, 3),
    ephemeralStorage: isObject(props.EphemeralStorage) ? int(props.EphemeralStorage.Size, 512) : 512,
    architecture: list(props.Architectures)[0] === 'arm64' ? 'arm64' : 'x86_64',
    ...(isObject(props.SnapStart) && props.SnapStart.ApplyOn === 'PublishedVersions'
      ? { snapStart: true }
      : {}),
    environment: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, str(v) ?? JSON.stringify(v)])),
    events: Object.keys(ctx.events).length > 0 ? { ...ctx.events } : base.events,
    activeEvent: Object.keys(ctx.events).sort()[0] ?? base.activeEvent,
    activeFile: files.includes(handlerFile) ? handlerFile : (files.sort()[0] ?? base.activeFile),
    reservedConcurrency:
      props.ReservedConcurrentExecutions === undefined ? null : int(props.ReservedConcurrentExecutions, 0),
    provisionedConcurrency: isObject(props.ProvisionedConcurrencyConfig)
      ? int(props.ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions, 0)
      : 0,
    layers,
    role,
    triggers: events.triggers,
    destinations: {
      onSuccess: destination(dc.OnSuccess, warn),
      onFailure: destination(dc.OnFailure, warn),
      maximumRetryAttempts: int(invoke.MaximumRetryAttempts, base.destinations.maximumRetryAttempts),
      maximumEventAgeS: int(invoke.MaximumEventAgeInSeconds, base.destinations.maximumEventAgeS),
    },
    vpc: vpc
      ? { enabled: true, subnetIds: list(vpc.SubnetIds), securityGroupIds: list(vpc.SecurityGroupIds) }
      : base.vpc,
  };
  if (typeof ctx.ui.activeFile === 'string' && ctx.ui.activeFile in draft.files)
    draft.activeFile = ctx.ui.activeFile;
  if (typeof ctx.ui.activeEvent === 'string' && ctx.ui.activeEvent in draft.events)
    draft.activeEvent = ctx.ui.activeEvent;
  const dlq = isObject(props.DeadLetterQueue) ? str(props.DeadLetterQueue.TargetArn) : undefined;
  return {
    draft,
    extras: {
      logicalId,
      autoPublishAlias: str(props.AutoPublishAlias) ?? null,
      deadLetterArn: dlq ?? null,
      mappings: events.mappings,
      snsFilters: events.snsFilters,
    },
    routes: events.routes,
    warnings,
  };
}
