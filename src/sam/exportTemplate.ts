/**
 * The workspace (and what an opened SAM app kept beside it) as a SAM template: one Serverless::Function per
 * function with its code folder, configuration, role (Policies, or an IAM::Role when the role has a name),
 * layers, destinations and Events from its triggers, plus the resources they name. Reading the template
 * back gives the same workspace.
 */
import { managedPolicyArn } from '../controller/deploy/deployFields';
import { BASIC_EXECUTION_POLICY, type FunctionDraft, type TriggerSpec } from '../store/draftSchema';
import { newFunctionDraft, type WorkspaceDoc } from '../store/workspaceDoc';
import { ExportError, eventOf, mappingEvent } from './exportEvents';
import { LogicalIds, logicalIdOf, portable, refTable } from './exportNames';
import { impliedResources, resourceTemplate } from './exportResources';
import { arnOf, type FunctionExtras, type SamApp } from './samApp';
import { isObject, type TObject, type TValue } from './templateFile';
import { webSocketTemplate } from './webSocketApis';

export { ExportError };

export type SamExtras = Pick<SamApp, 'stackName' | 'resources' | 'apis' | 'extras'>;

export interface ExportedTemplate {
  readonly template: TObject;
  /** Function name -> the folder its code goes in (its CodeUri, also its logical id). */
  readonly codeDirs: Readonly<Record<string, string>>;
  readonly layerDirs: Readonly<Record<string, string>>;
}

const policyDoc = (fn: string, text: string): TObject | null => {
  if (text.trim() === '') return null;
  try {
    const doc = JSON.parse(text) as TValue;
    if (isObject(doc)) return doc;
  } catch {
    // Reported below: a template cannot carry a policy that is not JSON.
  }
  throw new ExportError(`The inline policy of ${fn} is not valid JSON; fix it in the role editor first.`);
};

export function exportTemplate(ws: WorkspaceDoc, kept: Partial<SamExtras> = {}): ExportedTemplate {
  const stack = kept.stackName ?? 'sam-app';
  const ids = new LogicalIds();
  const fnIds = new Map<string, string>();
  for (const name of Object.keys(ws.functions))
    fnIds.set(name, ids.take(kept.extras?.[name]?.logicalId ?? logicalIdOf(name)));
  for (const r of kept.resources ?? []) ids.take(r.logicalId);
  const resources = impliedResources(ws, kept.resources ?? [], ids);
  const refs = refTable(resources);
  for (const [name, id] of fnIds) refs.set(arnOf.fn(name), { 'Fn::GetAtt': [id, 'Arn'] });
  const value = (v: string): TValue => refs.get(v) ?? secretRef(v) ?? portable(v);
  /** Every string inside a policy document, as `value` gives it (resource ARNs become Ref and GetAtt). */
  const deep = (v: TValue): TValue =>
    typeof v === 'string'
      ? value(v)
      : Array.isArray(v)
        ? v.map(deep)
        : isObject(v)
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x)]))
          : v;
  // A secret's ARN ends in six characters AWS picks: only a Ref to the secret names it in any account.
  const secretRef = (v: string): TValue | undefined => {
    const s = resources.find(
      (r) =>
        r.kind === 'secret' &&
        new RegExp(`:secret:${r.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-[A-Za-z0-9]{6}$`).test(v),
    );
    return s ? { Ref: s.logicalId } : undefined;
  };
  const out: TObject = {};
  for (const r of resources) {
    const t = resourceTemplate(r);
    if (t) out[r.logicalId] = t;
    if (r.kind === 'websocketApi')
      Object.assign(
        out,
        webSocketTemplate(
          r,
          (fn) => fnIds.get(fn),
          (id) => ids.take(id),
        ),
      );
  }
  const layerIds = new Map<string, string>();
  const layerDirs: Record<string, string> = {};
  for (const [name, layer] of Object.entries(ws.layers)) {
    const id = ids.take(logicalIdOf(name, 'Layer'));
    layerIds.set(name, id);
    layerDirs[name] = `layers/${id}`;
    out[id] = {
      Type: 'AWS::Serverless::LayerVersion',
      Properties: {
        ...(name !== id ? { LayerName: name } : {}),
        ContentUri: `layers/${id}/`,
        ...(layer.compatibleRuntimes.length > 0 ? { CompatibleRuntimes: [...layer.compatibleRuntimes] } : {}),
      },
    };
  }
  const apiIds = new Map<string, string>();
  const apiResource = (t: Extract<TriggerSpec, { kind: 'apigateway' }>): string | null => {
    const implicit = t.apiType === 'REST' ? 'ServerlessRestApi' : 'ServerlessHttpApi';
    if (t.apiName === implicit && t.stage === (t.apiType === 'REST' ? 'Prod' : '$default')) return null;
    const known = apiIds.get(t.apiName);
    if (known) return known;
    const id = ids.take(
      kept.apis?.find((a) => a.name === t.apiName)?.logicalId ?? logicalIdOf(t.apiName, 'Api'),
    );
    apiIds.set(t.apiName, id);
    out[id] = {
      Type: t.apiType === 'REST' ? 'AWS::Serverless::Api' : 'AWS::Serverless::HttpApi',
      Properties: {
        ...(t.apiName !== id ? { Name: t.apiName } : {}),
        ...(t.apiType === 'REST' || t.stage !== '$default' ? { StageName: t.stage } : {}),
      },
    };
    return id;
  };
  const roles = new Map<string, string>();
  const codeDirs: Record<string, string> = {};
  for (const [name, fn] of Object.entries(ws.functions)) {
    const id = fnIds.get(name) as string;
    codeDirs[name] = id;
    const events: TObject = {};
    const extras = kept.extras?.[name];
    for (const t of fn.triggers) events[t.id] = eventOf(t, value, apiResource);
    for (const [triggerId, f] of Object.entries(extras?.snsFilters ?? {})) {
      const event = events[triggerId];
      if (isObject(event) && isObject(event.Properties))
        Object.assign(event.Properties, {
          FilterPolicy: JSON.parse(f.policy) as TValue,
          ...(f.scope ? { FilterPolicyScope: f.scope } : {}),
        });
    }
    for (const m of extras?.mappings ?? []) events[m.triggerId] = mappingEvent(m.params, value);
    out[id] = {
      Type: 'AWS::Serverless::Function',
      ...uiMetadata(fn),
      Properties: functionProps(name, id, fn, extras, value, layerIds, events, roleOf(name, fn)),
    };
  }
  function roleOf(name: string, fn: FunctionDraft): TObject {
    const doc = policyDoc(name, fn.role.inlinePolicy);
    if (fn.role.name === '') {
      const policies: TValue[] = fn.role.managedPolicies.filter((p) => p !== BASIC_EXECUTION_POLICY);
      if (doc) policies.push({ Statement: deep(doc.Statement ?? []) });
      return policies.length > 0 ? { Policies: policies } : {};
    }
    let roleId = roles.get(fn.role.name);
    if (!roleId) {
      roleId = ids.take(logicalIdOf(fn.role.name, 'Role'));
      roles.set(fn.role.name, roleId);
      out[roleId] = {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: fn.role.name,
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
            ],
          },
          ManagedPolicyArns: fn.role.managedPolicies.map((p) => managedPolicyArn(p) ?? p),
          ...(doc ? { Policies: [{ PolicyName: 'inline', PolicyDocument: deep(doc) }] } : {}),
        },
      };
    }
    return { Role: { 'Fn::GetAtt': [roleId, 'Arn'] } };
  }
  const active = Object.keys(ws.functions).indexOf(ws.activeFunction);
  return {
    template: {
      AWSTemplateFormatVersion: '2010-09-09',
      Transform: 'AWS::Serverless-2016-10-31',
      Description: `${stack}: exported from Lambda Lab`,
      ...(active > 0 ? { Metadata: { LambdaLab: { activeFunction: ws.activeFunction } } } : {}),
      Resources: out,
    },
    codeDirs,
    layerDirs,
  };
}

/** What the learner had open (file, event), when it is not what reading the template would pick. */
function uiMetadata(fn: FunctionDraft): TObject {
  const handlerFile = `${fn.handler.split('.').slice(0, -1).join('/')}.py`;
  const files = Object.keys(fn.files);
  const file = files.includes(handlerFile) ? handlerFile : [...files].sort()[0];
  const event = Object.keys(fn.events).sort()[0];
  const ui: TObject = {};
  if (fn.activeFile !== file) ui.activeFile = fn.activeFile;
  if (fn.activeEvent !== event) ui.activeEvent = fn.activeEvent;
  return Object.keys(ui).length > 0 ? { Metadata: { LambdaLab: ui } } : {};
}

function functionProps(
  name: string,
  id: string,
  fn: FunctionDraft,
  extras: FunctionExtras | undefined,
  value: (v: string) => TValue,
  layerIds: ReadonlyMap<string, string>,
  events: TObject,
  role: TObject,
): TObject {
  const base = newFunctionDraft();
  const d = fn.destinations;
  const destination = (ref: typeof d.onSuccess): TValue =>
    ref
      ? {
          Type: ref.kind.toUpperCase() === 'LAMBDA' ? 'Lambda' : ref.kind.toUpperCase(),
          Destination: value(
            ref.kind === 'sqs'
              ? arnOf.queue(ref.name)
              : ref.kind === 'sns'
                ? arnOf.topic(ref.name)
                : arnOf.fn(ref.name),
          ),
        }
      : null;
  const invoke: TObject = {};
  if (d.maximumRetryAttempts !== base.destinations.maximumRetryAttempts)
    invoke.MaximumRetryAttempts = d.maximumRetryAttempts;
  if (d.maximumEventAgeS !== base.destinations.maximumEventAgeS)
    invoke.MaximumEventAgeInSeconds = d.maximumEventAgeS;
  if (d.onSuccess || d.onFailure)
    invoke.DestinationConfig = {
      ...(d.onSuccess ? { OnSuccess: destination(d.onSuccess) } : {}),
      ...(d.onFailure ? { OnFailure: destination(d.onFailure) } : {}),
    };
  const alias = extras?.autoPublishAlias ?? (fn.provisionedConcurrency > 0 ? 'live' : null);
  const dlq = extras?.deadLetterArn;
  return {
    FunctionName: name,
    CodeUri: `${id}/`,
    Handler: fn.handler,
    Runtime: fn.runtime,
    MemorySize: fn.memorySize,
    Timeout: fn.timeout,
    ...(fn.ephemeralStorage !== 512 ? { EphemeralStorage: { Size: fn.ephemeralStorage } } : {}),
    Architectures: [fn.architecture],
    ...(fn.snapStart ? { SnapStart: { ApplyOn: 'PublishedVersions' } } : {}),
    ...(Object.keys(fn.environment).length > 0
      ? {
          Environment: {
            Variables: Object.fromEntries(Object.entries(fn.environment).map(([k, v]) => [k, value(v)])),
          },
        }
      : {}),
    ...(fn.layers.length > 0 ? { Layers: fn.layers.map((l) => ({ Ref: layerIds.get(l) ?? l })) } : {}),
    ...(fn.reservedConcurrency !== null ? { ReservedConcurrentExecutions: fn.reservedConcurrency } : {}),
    ...(alias ? { AutoPublishAlias: alias } : {}),
    ...(fn.provisionedConcurrency > 0
      ? { ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: fn.provisionedConcurrency } }
      : {}),
    ...(dlq
      ? { DeadLetterQueue: { Type: dlq.includes(':sns:') ? 'SNS' : 'SQS', TargetArn: value(dlq) } }
      : {}),
    ...(Object.keys(invoke).length > 0 ? { EventInvokeConfig: invoke } : {}),
    ...(fn.vpc.enabled
      ? { VpcConfig: { SubnetIds: [...fn.vpc.subnetIds], SecurityGroupIds: [...fn.vpc.securityGroupIds] } }
      : {}),
    ...role,
    ...(Object.keys(events).length > 0 ? { Events: events } : {}),
  };
}
