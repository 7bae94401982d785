/**
 * Builds a lesson world (WorldSpec) inside a lab world, the way a learner would in the console: roles,
 * layers, functions, permissions, tables, queues, topics, buckets, event source mappings, APIs and
 * schedules. Workspace files and settings replace the spec's where an exercise maps them.
 */
import type { LabRunner } from '../../controller/labRunner';
import type { LabWorld } from '../../controller/labWorld';
import type { Json } from '../events';
import type { FunctionConfig, WorkspaceFile } from '../schema';
import type { FunctionSpec, WorldSpec } from '../world';
import { isObject, type JsonObject } from './values';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const fnArn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
export const queueArn = (name: string) => `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`;
export const queueUrl = (name: string) => `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${name}`;
export const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
export const topicArn = (name: string) => `arn:aws:sns:${REGION}:${ACCOUNT}:${name}`;

/** A setup step the console refused: the learner's files or settings made the world unbuildable. */
export class SetupError extends Error {}

export interface Workspace {
  /** Workspace path -> text (the learner's files). */
  readonly files: Readonly<Record<string, string>>;
  /** Per-function settings from the config panel. */
  readonly config: Readonly<Record<string, FunctionConfig>>;
}

export interface BuildInput {
  readonly spec: WorldSpec;
  /** Files under a folder (`code: { dir }`), relative to the world's base folder. */
  readonly dirFiles: (dir: string) => Record<string, string>;
  readonly workspace: Workspace;
  readonly mapping: readonly WorkspaceFile[];
}

export interface BuiltWorld {
  readonly lab: LabWorld;
  readonly runner: LabRunner;
  readonly spec: WorldSpec;
  /** The qualifier traffic goes to: an alias when provisioned concurrency needs a version. */
  readonly qualifiers: ReadonlyMap<string, string>;
  readonly apiIds: ReadonlyMap<string, string>;
  readonly stages: ReadonlyMap<string, string>;
  /** Console call (not authorized, as the learner's own console is not). */
  consoleCall(service: string, operation: string, params: JsonObject): JsonObject;
}

/** Plain JSON to DynamoDB's typed attribute values. */
export function marshal(v: Json): JsonObject {
  if (v === null) return { NULL: true };
  if (typeof v === 'string') return { S: v };
  if (typeof v === 'number') return { N: String(v) };
  if (typeof v === 'boolean') return { BOOL: v };
  if (Array.isArray(v)) return { L: v.map(marshal) };
  return { M: Object.fromEntries(Object.entries(v).map(([k, x]) => [k, marshal(x)])) };
}
export const marshalItem = (item: Readonly<Record<string, Json>>): JsonObject =>
  Object.fromEntries(Object.entries(item).map(([k, x]) => [k, marshal(x)]));

export function unmarshal(v: Json): Json {
  if (!isObject(v)) return v;
  const [type, x] = Object.entries(v)[0] ?? ['NULL', true];
  switch (type) {
    case 'S':
      return x as string;
    case 'N':
      return Number(x);
    case 'BOOL':
      return x as boolean;
    case 'NULL':
      return null;
    case 'L':
      return (x as Json[]).map(unmarshal);
    case 'M':
      return Object.fromEntries(Object.entries(x as JsonObject).map(([k, y]) => [k, unmarshal(y)]));
    default:
      return x as Json;
  }
}

const trust = (service: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  });

function workspaceFilesFor(input: BuildInput, key: 'function' | 'layer', name: string) {
  const out: Record<string, string> = {};
  for (const f of input.mapping)
    if (key in f && (f as Record<string, unknown>)[key] === name) {
      const text = input.workspace.files[f.path];
      if (text !== undefined) out[f.path] = text;
    }
  return out;
}

export async function buildWorld(lab: LabWorld, runner: LabRunner, input: BuildInput): Promise<BuiltWorld> {
  const { spec, workspace } = input;
  const consoleCall = (service: string, operation: string, params: JsonObject): JsonObject => {
    const answer = JSON.parse(
      lab.awsCall(JSON.stringify({ v: 1, service, operation, params, caller: null, nowMs: null })),
    ) as { kind: string; result?: JsonObject; error?: { code: string; message: string } };
    if (answer.kind !== 'result' || !answer.result)
      throw new SetupError(
        `${service} ${operation}: ${answer.error?.code ?? answer.kind}: ${answer.error?.message ?? ''}`,
      );
    return answer.result;
  };
  const command = async <T>(what: string, run: Parameters<LabRunner['command']>[0]) => {
    const r = await runner.command(run);
    if (!r.ok) throw new SetupError(`${what}: ${r.error.message}`);
    return r.value as T;
  };

  for (const role of spec.roles) {
    consoleCall('iam', 'CreateRole', {
      RoleName: role.name,
      AssumeRolePolicyDocument: trust(role.trustedService),
    });
    for (const m of role.managedPolicies ?? [])
      consoleCall('iam', 'AttachRolePolicy', {
        RoleName: role.name,
        PolicyArn: `arn:aws:iam::aws:policy/service-role/${m}`,
      });
    let doc: string | undefined;
    if (role.inlinePolicy === 'workspace') {
      const file = input.mapping.find((f) => 'rolePolicy' in f && f.rolePolicy === role.name);
      doc = file ? workspace.files[file.path] : undefined;
      if (doc === undefined) throw new SetupError(`no policy file for role ${role.name}`);
    } else if (role.inlinePolicy) doc = JSON.stringify(role.inlinePolicy);
    if (doc !== undefined)
      consoleCall('iam', 'PutRolePolicy', {
        RoleName: role.name,
        PolicyName: `${role.name}-policy`,
        PolicyDocument: doc,
      });
  }

  const layerArns = new Map<string, string>();
  for (const layer of spec.layers ?? []) {
    const files =
      layer.code === 'workspace'
        ? workspaceFilesFor(input, 'layer', layer.name)
        : input.dirFiles(layer.code.dir);
    const v = await command<{ layerVersionArn: string }>(`layer ${layer.name}`, (w) =>
      w.publishLayerVersion({
        layerName: layer.name,
        files,
        compatibleRuntimes: layer.compatibleRuntimes ?? [],
      }),
    );
    layerArns.set(layer.name, v.layerVersionArn);
  }

  const qualifiers = new Map<string, string>();
  for (const fn of spec.functions) await createFunction(fn);

  async function createFunction(fn: FunctionSpec) {
    const set: FunctionConfig = workspace.config[fn.name] ?? {};
    const files =
      fn.code === 'workspace' ? workspaceFilesFor(input, 'function', fn.name) : input.dirFiles(fn.code.dir);
    const layers = (set.layers ?? fn.layers ?? []).map((l) => layerArns.get(l) ?? l);
    await command(`function ${fn.name}`, (w) =>
      w.createFunction({
        functionName: fn.name,
        role: roleArn(fn.role),
        runtime: fn.runtime,
        handler: fn.handler,
        code: { files },
        memorySize: set.memoryMb ?? fn.memoryMb ?? 128,
        timeout: set.timeoutS ?? fn.timeoutS ?? 3,
        ephemeralStorage: { size: set.ephemeralStorageMb ?? fn.ephemeralStorageMb ?? 512 },
        environment: { variables: set.env ?? fn.env ?? {} },
        layers,
      }),
    );
    const reserved = set.reservedConcurrency === undefined ? fn.reservedConcurrency : set.reservedConcurrency;
    if (reserved !== undefined && reserved !== null)
      await command(`reserved concurrency of ${fn.name}`, (w) => w.putFunctionConcurrency(fn.name, reserved));
    const provisioned = set.provisionedConcurrency ?? fn.provisionedConcurrency ?? 0;
    if (provisioned > 0) {
      // Provisioned concurrency needs a published version; traffic then goes through an alias.
      const v = await command<{ version: string }>(`publish ${fn.name}`, (w) => w.publishVersion(fn.name));
      await command(`alias of ${fn.name}`, (w) => w.createAlias(fn.name, 'live', v.version));
      await command(`provisioned concurrency of ${fn.name}`, (w) =>
        w.putProvisionedConcurrencyConfig(fn.name, 'live', provisioned),
      );
      qualifiers.set(fn.name, 'live');
    }
    if (fn.async) {
      const a = fn.async;
      await command(`async config of ${fn.name}`, (w) =>
        w.putFunctionEventInvokeConfig(fn.name, undefined, {
          ...(a.maximumRetryAttempts !== undefined ? { maximumRetryAttempts: a.maximumRetryAttempts } : {}),
          ...(a.maximumEventAgeS !== undefined ? { maximumEventAgeInSeconds: a.maximumEventAgeS } : {}),
          destinationConfig: {
            ...(a.onFailure ? { onFailure: { destination: queueArn(a.onFailure) } } : {}),
            ...(a.onSuccess ? { onSuccess: { destination: queueArn(a.onSuccess) } } : {}),
          },
        }),
      );
      if (a.deadLetterQueue)
        await command(`DLQ of ${fn.name}`, (w) =>
          w.updateFunctionConfiguration(fn.name, {
            deadLetterConfig: { targetArn: queueArn(a.deadLetterQueue as string) },
          }),
        );
    }
  }

  const qualified = (name: string) => {
    const q = qualifiers.get(name);
    return q ? `${fnArn(name)}:${q}` : fnArn(name);
  };
  (spec.permissions ?? []).forEach((p, i) => {
    consoleCall('lambda', 'AddPermission', {
      FunctionName: p.function,
      StatementId: `lab-${i + 1}`,
      Action: 'lambda:InvokeFunction',
      Principal: p.principal,
      ...(p.sourceArn ? { SourceArn: p.sourceArn } : {}),
    });
  });

  const streamArns = new Map<string, string>();
  for (const t of spec.tables ?? []) {
    const keys = [t.partitionKey, ...(t.sortKey ? [t.sortKey] : [])];
    const created = consoleCall('dynamodb', 'CreateTable', {
      TableName: t.name,
      KeySchema: keys.map((k, i) => ({ AttributeName: k.name, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
      AttributeDefinitions: keys.map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
      BillingMode: 'PAY_PER_REQUEST',
      ...(t.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: t.stream } } : {}),
    });
    const desc = created.TableDescription;
    if (isObject(desc) && typeof desc.LatestStreamArn === 'string')
      streamArns.set(t.name, desc.LatestStreamArn);
    for (const item of t.items ?? [])
      consoleCall('dynamodb', 'PutItem', { TableName: t.name, Item: marshalItem(item) });
  }

  // Dead-letter queues first, so a redrive policy names a queue that exists.
  const queues = [...(spec.queues ?? [])].sort(
    (a, b) => Number(a.redrive !== undefined) - Number(b.redrive !== undefined),
  );
  for (const q of queues) {
    const attributes: JsonObject = {};
    if (q.visibilityTimeoutS !== undefined) attributes.VisibilityTimeout = String(q.visibilityTimeoutS);
    if (q.redrive)
      attributes.RedrivePolicy = JSON.stringify({
        deadLetterTargetArn: queueArn(q.redrive.deadLetterQueue),
        maxReceiveCount: q.redrive.maxReceiveCount,
      });
    consoleCall('sqs', 'CreateQueue', { QueueName: q.name, Attributes: attributes });
  }

  for (const t of spec.topics ?? []) {
    const arn = String(consoleCall('sns', 'CreateTopic', { Name: t.name }).TopicArn);
    for (const s of t.subscriptions)
      consoleCall('sns', 'Subscribe', {
        TopicArn: arn,
        Protocol: s.protocol,
        Endpoint: s.protocol === 'lambda' ? qualified(s.endpoint) : queueArn(s.endpoint),
      });
  }

  for (const b of spec.buckets ?? []) {
    consoleCall('s3', 'CreateBucket', { Bucket: b.name });
    if (b.notifications?.length)
      consoleCall('s3', 'PutBucketNotificationConfiguration', {
        Bucket: b.name,
        NotificationConfiguration: {
          LambdaFunctionConfigurations: b.notifications.map((n) => {
            const rules = [
              ...(n.prefix !== undefined ? [{ Name: 'prefix', Value: n.prefix }] : []),
              ...(n.suffix !== undefined ? [{ Name: 'suffix', Value: n.suffix }] : []),
            ];
            return {
              LambdaFunctionArn: qualified(n.function),
              Events: n.events,
              ...(rules.length ? { Filter: { Key: { FilterRules: rules } } } : {}),
            };
          }),
        },
      });
  }

  for (const m of spec.eventSourceMappings ?? []) {
    const source = 'queue' in m.source ? queueArn(m.source.queue) : streamArns.get(m.source.tableStream);
    if (source === undefined) throw new SetupError(`table ${JSON.stringify(m.source)} has no stream`);
    const isStream = 'tableStream' in m.source;
    consoleCall('lambda', 'CreateEventSourceMapping', {
      FunctionName: qualifiers.has(m.function) ? qualified(m.function) : m.function,
      EventSourceArn: source,
      ...(m.batchSize !== undefined ? { BatchSize: m.batchSize } : {}),
      ...(m.batchWindowS !== undefined ? { MaximumBatchingWindowInSeconds: m.batchWindowS } : {}),
      ...(m.reportBatchItemFailures ? { FunctionResponseTypes: ['ReportBatchItemFailures'] } : {}),
      ...(isStream ? { StartingPosition: m.startingPosition ?? 'LATEST' } : {}),
      ...(m.maximumRetryAttempts !== undefined ? { MaximumRetryAttempts: m.maximumRetryAttempts } : {}),
      ...(m.bisectOnError !== undefined ? { BisectBatchOnFunctionError: m.bisectOnError } : {}),
      ...(m.onFailure ? { DestinationConfig: { OnFailure: { Destination: queueArn(m.onFailure) } } } : {}),
    });
  }

  const apiIds = new Map<string, string>();
  const stages = new Map<string, string>();
  for (const api of spec.apis ?? []) {
    stages.set(api.name, api.stages[0] as string);
    if (api.type === 'HTTP') {
      apiIds.set(
        api.name,
        lab.services.apigateway.createHttpApi(api.name, (api.routes[0] as { function: string }).function),
      );
      continue;
    }
    const created = consoleCall('apigateway', 'CreateRestApi', { name: api.name });
    const restApiId = String(created.id);
    apiIds.set(api.name, restApiId);
    const resources = new Map<string, string>([['', String(created.rootResourceId)]]);
    const resourceFor = (path: string): string => {
      let at = '';
      for (const part of path.split('/').filter((p) => p !== '')) {
        const next = `${at}/${part}`;
        if (!resources.has(next)) {
          const r = consoleCall('apigateway', 'CreateResource', {
            restApiId,
            parentId: resources.get(at) as string,
            pathPart: part,
          });
          resources.set(next, String(r.id));
        }
        at = next;
      }
      return resources.get(at) as string;
    };
    for (const route of api.routes) {
      const resourceId = resourceFor(route.path);
      consoleCall('apigateway', 'PutMethod', {
        restApiId,
        resourceId,
        httpMethod: route.method,
        authorizationType: 'NONE',
      });
      consoleCall('apigateway', 'PutIntegration', {
        restApiId,
        resourceId,
        httpMethod: route.method,
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${qualified(route.function)}/invocations`,
      });
    }
    for (const stageName of api.stages)
      consoleCall('apigateway', 'CreateDeployment', { restApiId, stageName });
  }

  for (const s of spec.schedules ?? []) {
    consoleCall('events', 'PutRule', { Name: s.name, ScheduleExpression: s.rate });
    consoleCall('events', 'PutTargets', { Rule: s.name, Targets: [{ Id: '1', Arn: qualified(s.function) }] });
  }

  await runner.runUntilIdle();
  return { lab, runner, spec, qualifiers, apiIds, stages, consoleCall };
}
