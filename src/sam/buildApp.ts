/**
 * Builds a SamApp in a lab world, the way the console would: the plain resources by console calls, then
 * each function through the lab's own deploy (code, configuration, role, layers, triggers, destinations:
 * deployDraft), then what a draft cannot express (mappings with extra properties, Kinesis, dead-letter
 * queues, aliases, HTTP API routes, rules, subscriptions, permissions). A refusal names the resource.
 */
import { deployOnRunner, LIVE_ALIAS, specJson } from '../controller/deploy/deploy';
import { deployStateOf, type TriggerInfo, triggersOf } from '../controller/deploy/deployState';
import { info } from '../controller/deploy/triggerShared';
import type { LabRunner } from '../host/labRunner';
import type { LabWorld } from '../host/labWorld';
import type { Result } from '../sim';
import type { JsonObject } from '../sim/services/json';
import type { FunctionDraft, TriggerSpec, WorkspaceDoc } from '../store/workspaceDoc';
import { arnOf, type SamApp, type SamResource } from './samApp';
import type { KnownIds } from './templateNames';
import { buildWebSocketApi } from './webSocketApis';

export class SamBuildError extends Error {}

export interface BuiltApi {
  readonly logicalId: string;
  readonly id: string;
  readonly type: 'REST' | 'HTTP';
  readonly stage: string;
}

export interface BuiltApp {
  readonly app: SamApp;
  readonly apis: readonly BuiltApi[];
}

type Of<K extends SamResource['kind']> = Extract<SamResource, { kind: K }>;

function call(
  lab: LabWorld,
  what: string,
  service: string,
  operation: string,
  params: JsonObject,
): JsonObject {
  const r = lab.consoleCall(service, operation, params);
  if (r.kind === 'error') throw new SamBuildError(`${what}: ${r.error.code}: ${r.error.message}`);
  if (r.kind !== 'result') throw new SamBuildError(`${what}: ${operation} did not answer at once`);
  return r.result;
}

/** Resources functions depend on; returns the identifiers only the world could choose. */
function createResources(lab: LabWorld, resources: readonly SamResource[]): KnownIds {
  const of = <K extends SamResource['kind']>(k: K) => resources.filter((r): r is Of<K> => r.kind === k);
  const secretArns: Record<string, string> = {};
  const streamArns: Record<string, string> = {};
  for (const t of of('table')) {
    const r = call(lab, `table ${t.logicalId}`, 'dynamodb', 'CreateTable', {
      TableName: t.name,
      KeySchema: t.keys.map((k, i) => ({ AttributeName: k.name, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
      AttributeDefinitions: [...t.keys, ...(t.indexes?.attributes ?? [])].map((k) => ({
        AttributeName: k.name,
        AttributeType: k.type,
      })),
      BillingMode: 'PAY_PER_REQUEST',
      ...(t.indexes?.global.length ? { GlobalSecondaryIndexes: [...t.indexes.global] } : {}),
      ...(t.indexes?.local.length ? { LocalSecondaryIndexes: [...t.indexes.local] } : {}),
      ...(t.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: t.stream } } : {}),
    });
    const arn = (r.TableDescription as JsonObject | undefined)?.LatestStreamArn;
    if (typeof arn === 'string') streamArns[t.logicalId] = arn;
  }
  // Dead-letter queues first, so a redrive policy names a queue that exists.
  const queues = of('queue').sort(
    (a, b) => Number('RedrivePolicy' in a.attributes) - Number('RedrivePolicy' in b.attributes),
  );
  for (const q of queues)
    call(lab, `queue ${q.logicalId}`, 'sqs', 'CreateQueue', {
      QueueName: q.name,
      Attributes: { ...q.attributes },
    });
  for (const t of of('topic'))
    call(lab, `topic ${t.logicalId}`, 'sns', 'CreateTopic', {
      Name: t.name,
      ...(t.fifo ? { Attributes: { FifoTopic: 'true' } } : {}),
    });
  for (const b of of('bucket')) call(lab, `bucket ${b.logicalId}`, 's3', 'CreateBucket', { Bucket: b.name });
  for (const s of of('stream'))
    call(lab, `stream ${s.logicalId}`, 'kinesis', 'CreateStream', {
      StreamName: s.name,
      ShardCount: s.shards,
    });
  for (const s of of('secret'))
    secretArns[s.logicalId] = String(
      call(lab, `secret ${s.logicalId}`, 'secretsmanager', 'CreateSecret', {
        Name: s.name,
        SecretString: s.value,
      }).ARN,
    );
  for (const p of of('parameter'))
    call(lab, `parameter ${p.logicalId}`, 'ssm', 'PutParameter', {
      Name: p.name,
      Type: p.type,
      Value: p.value,
    });
  const apiIds: Record<string, string> = {};
  for (const w of of('websocketApi'))
    apiIds[w.logicalId] = buildWebSocketApi(w, (operation, params) =>
      call(lab, `WebSocket API ${w.logicalId}`, 'apigatewayv2', operation, params),
    );
  return { secretArns, streamArns, apiIds };
}

/**
 * What the console's deploy builds for this function: the draft without what buildExtras makes; the first
 * round also leaves out destinations and provisioned concurrency (its version is published in the second).
 */
function deployable(draft: FunctionDraft, complete: boolean): FunctionDraft {
  return {
    ...draft,
    triggers: draft.triggers.filter(
      (t) =>
        !(t.kind === 'apigateway' && t.apiType === 'HTTP') &&
        !(t.kind === 'sqs' && t.queue.endsWith('.fifo')),
    ),
    destinations: complete ? draft.destinations : { ...draft.destinations, onSuccess: null, onFailure: null },
    provisionedConcurrency: complete ? draft.provisionedConcurrency : 0,
  };
}

async function deployFunctions(lab: LabWorld, runner: LabRunner, app: SamApp): Promise<void> {
  // Destinations may name functions deployed later, and the version provisioned concurrency publishes must
  // have the dead-letter queue (not a draft field): a second round adds both, after the queues are set.
  for (const round of [false, true]) {
    if (round) await setDeadLetterQueues(runner, app);
    const functions: Record<string, FunctionDraft> = {};
    for (const [name, draft] of Object.entries(app.workspace.functions))
      functions[name] = deployable(draft, round);
    const workspace: WorkspaceDoc = { ...app.workspace, functions };
    for (const name of Object.keys(functions)) {
      const done = await deployOnRunner(lab, runner, name, workspace);
      if (!done.ok)
        throw new SamBuildError(
          `function ${app.extras[name]?.logicalId ?? name}: ${done.field}: ${done.message}`,
        );
    }
  }
}

/**
 * A trigger built here rather than by deploy is recorded as deployed, so the next Deploy of the same draft
 * leaves it alone (and a changed one is removed through its mapping or permission like any other).
 */
function record(
  lab: LabWorld,
  fn: string,
  t: TriggerSpec,
  fields: Partial<TriggerInfo> & { sourceArn: string },
) {
  const built = info(t, { notes: ['Built from the SAM template.'], ...fields });
  triggersOf(deployStateOf(lab), fn).set(t.id, { spec: specJson(t), info: built, handles: {} });
}

async function command<T>(
  runner: LabRunner,
  what: string,
  run: (w: LabRunner['world']) => Result<T>,
): Promise<T> {
  const r = await runner.command(run);
  if (!r.ok) throw new SamBuildError(`${what}: ${r.error.name}: ${r.error.message}`);
  return r.value;
}

async function setDeadLetterQueues(runner: LabRunner, app: SamApp): Promise<void> {
  for (const [name, x] of Object.entries(app.extras)) {
    const targetArn = x.deadLetterArn;
    if (targetArn)
      await command(runner, `function ${x.logicalId} DeadLetterQueue`, (w) =>
        w.updateFunctionConfiguration(name, { deadLetterConfig: { targetArn } }),
      );
  }
}

async function buildExtras(lab: LabWorld, runner: LabRunner, app: SamApp): Promise<BuiltApi[]> {
  for (const [name, draft] of Object.entries(app.workspace.functions)) {
    const x = app.extras[name];
    const what = `function ${x?.logicalId ?? name}`;
    for (const t of draft.triggers)
      if (t.kind === 'sqs' && t.queue.endsWith('.fifo')) {
        const esm = call(lab, `${what} event ${t.id}`, 'lambda', 'CreateEventSourceMapping', {
          FunctionName: name,
          EventSourceArn: arnOf.queue(t.queue),
          BatchSize: t.batchSize,
          ...(t.reportBatchItemFailures ? { FunctionResponseTypes: ['ReportBatchItemFailures'] } : {}),
        });
        record(lab, name, t, { sourceArn: arnOf.queue(t.queue), esmUuid: String(esm.UUID) });
      }
    for (const [triggerId, f] of Object.entries(x?.snsFilters ?? {})) {
      const sub = triggersOf(deployStateOf(lab), name).get(triggerId)?.handles.subscriptionArn;
      if (!sub) throw new SamBuildError(`${what} event ${triggerId}: the SNS subscription was not made`);
      const set = (AttributeName: string, AttributeValue: string) =>
        call(lab, `${what} event ${triggerId}`, 'sns', 'SetSubscriptionAttributes', {
          SubscriptionArn: sub,
          AttributeName,
          AttributeValue,
        });
      if (f.scope) set('FilterPolicyScope', f.scope);
      set('FilterPolicy', f.policy);
    }
    for (const m of x?.mappings ?? [])
      call(lab, `${what} event ${m.triggerId}`, 'lambda', 'CreateEventSourceMapping', m.params);
    const alias = x?.autoPublishAlias;
    if (alias && !(alias === LIVE_ALIAS && draft.provisionedConcurrency > 0)) {
      const v = await command(runner, `${what} AutoPublishAlias`, (w) => w.publishVersion(name));
      await command(runner, `${what} AutoPublishAlias`, (w) => w.createAlias(name, alias, v.version));
    }
  }
  const apis: BuiltApi[] = [];
  const restIds = deployStateOf(lab).apis;
  for (const api of app.apis) {
    if (api.type === 'REST') {
      const id = restIds.get(api.name);
      if (id) apis.push({ logicalId: api.logicalId, id, type: 'REST', stage: api.stage });
      continue;
    }
    const first = api.routes[0];
    if (!first) continue;
    const id = lab.services.apigateway.createHttpApi(api.name, first.functionName, api.routes);
    const sourceArn = `arn:aws:execute-api:${lab.services.hub.region}:${lab.services.hub.accountId}:${id}/*`;
    const statementId = `${api.logicalId}-${id}`.slice(0, 100);
    for (const fn of new Set(api.routes.map((r) => r.functionName))) {
      call(lab, `HttpApi ${api.logicalId}`, 'lambda', 'AddPermission', {
        FunctionName: fn,
        StatementId: statementId,
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        SourceArn: sourceArn,
      });
      const invokeUrl = `${lab.services.apigateway.invokeUrl(id, '$default').replace(/\/\$default$/, '')}/`;
      for (const t of app.workspace.functions[fn]?.triggers ?? [])
        if (t.kind === 'apigateway' && t.apiType === 'HTTP' && t.apiName === api.name)
          record(lab, fn, t, { sourceArn, statementId, invokeUrl });
    }
    apis.push({ logicalId: api.logicalId, id, type: 'HTTP', stage: '$default' });
  }
  for (const r of app.resources) {
    if (r.kind === 'rule') {
      call(lab, `rule ${r.logicalId}`, 'events', 'PutRule', {
        Name: r.name,
        State: r.enabled ? 'ENABLED' : 'DISABLED',
        ...(r.schedule ? { ScheduleExpression: r.schedule } : {}),
        ...(r.pattern ? { EventPattern: r.pattern } : {}),
      });
      if (r.targets.length > 0)
        call(lab, `rule ${r.logicalId}`, 'events', 'PutTargets', {
          Rule: r.name,
          Targets: r.targets.map((t) => ({ Id: t.id, Arn: t.arn })),
        });
    } else if (r.kind === 'subscription')
      call(lab, `subscription ${r.logicalId}`, 'sns', 'Subscribe', {
        TopicArn: r.topicArn,
        Protocol: r.protocol,
        Endpoint: r.endpoint,
      });
    else if (r.kind === 'permission')
      call(lab, `permission ${r.logicalId}`, 'lambda', 'AddPermission', {
        FunctionName: r.functionName,
        StatementId: r.logicalId,
        Action: 'lambda:InvokeFunction',
        Principal: r.principal,
        ...(r.sourceArn ? { SourceArn: r.sourceArn } : {}),
      });
  }
  return apis;
}

/**
 * Builds the app `read` gives into a fresh lab world. `read` is called again with the identifiers the
 * world chose (a secret's ARN suffix, a stream's label), so the functions see the real ones.
 */
export async function buildSamApp(
  lab: LabWorld,
  runner: LabRunner,
  read: (ids?: KnownIds) => SamApp,
): Promise<BuiltApp> {
  const first = read();
  const ids = createResources(lab, first.resources);
  const app = read(ids);
  await deployFunctions(lab, runner, app);
  const apis = await buildExtras(lab, runner, app);
  await runner.runUntilIdle();
  return { app, apis };
}
