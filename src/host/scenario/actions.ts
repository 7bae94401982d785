/**
 * Runs content actions (invoke, http, sqsSend, traffic, ...) against a built world, recording what a
 * check or a predict question reads afterwards: HTTP responses in order and the invokes' request ids.
 */

import type { HttpResponse, PendingHttp } from '../../sim/services/apiGateway';
import type { InvokeOutcome } from '../labRunner';
import { marshalItem, queueUrl, topicArn } from './awsNames';
import type { BuiltWorld } from './buildWorld';
import { type ReadFile, resolveEvent } from './eventSource';
import type { Json } from './events';
import { SetupError } from './setupError';
import type { Action } from './world';

export interface ActionLog {
  /** One per `http` action, in order (null: no answer before the world went idle). */
  readonly http: (HttpResponse | null)[];
  readonly invokes: InvokeOutcome[];
}

const asText = (v: Json): string => (typeof v === 'string' ? v : JSON.stringify(v));

async function awaitHttp(w: BuiltWorld, pending: PendingHttp): Promise<HttpResponse | null> {
  await w.runner.advanceBy(0);
  for (;;) {
    const r = pending.response();
    if (r) return r;
    const next = w.runner.world.nextEventTime();
    if (next === undefined) return null;
    await w.runner.advanceTo(next);
  }
}

function startHttp(
  w: BuiltWorld,
  a: { api: string; stage?: string | undefined; method: string; path: string },
  extra: { query?: Record<string, string>; headers?: Record<string, string>; body?: Json },
): PendingHttp {
  const apiId = w.apiIds.get(a.api);
  if (apiId === undefined) throw new SetupError(`no API named ${a.api} in this world`);
  const wrap = (r?: Record<string, string>) =>
    r ? Object.fromEntries(Object.entries(r).map(([k, v]) => [k, [v]])) : undefined;
  const query = wrap(extra.query);
  const headers = wrap(
    extra.body !== undefined && typeof extra.body !== 'string'
      ? { 'Content-Type': 'application/json', ...extra.headers }
      : extra.headers,
  );
  return w.lab.services.apigateway.request({
    apiId,
    stage: a.stage ?? w.stages.get(a.api) ?? 'prod',
    method: a.method,
    path: a.path,
    ...(query ? { query } : {}),
    ...(headers ? { headers } : {}),
    body: extra.body === undefined ? null : asText(extra.body),
  });
}

export async function runActions(
  w: BuiltWorld,
  actions: readonly Action[],
  baseDir: string,
  readFile: ReadFile,
): Promise<ActionLog> {
  const log: ActionLog = { http: [], invokes: [] };
  const { runner } = w;
  for (const a of actions) {
    switch (a.do) {
      case 'invoke': {
        const qualifier = a.qualifier ?? w.qualifiers.get(a.function);
        const params = {
          functionName: a.function,
          ...(qualifier ? { qualifier } : {}),
          invocationType: a.invocationType ?? 'RequestResponse',
          payloadJson: JSON.stringify(resolveEvent(a.event, baseDir, readFile)),
        } as const;
        const times = a.times ?? 1;
        if (a.everyMs === 0) {
          log.invokes.push(...(await runner.invokeAll(Array.from({ length: times }, () => params))));
        } else {
          for (let i = 0; i < times; i++) {
            if (i > 0 && a.everyMs !== undefined) await runner.advanceBy(a.everyMs);
            log.invokes.push(await runner.invoke(params));
          }
        }
        break;
      }
      case 'http':
        log.http.push(await awaitHttp(w, startHttp(w, a, { ...a })));
        break;
      case 'sqsSend':
        for (const body of a.bodies)
          w.consoleCall('sqs', 'SendMessage', { QueueUrl: queueUrl(a.queue), MessageBody: asText(body) });
        await runner.advanceBy(0);
        break;
      case 's3Put':
        w.consoleCall('s3', 'PutObject', {
          Bucket: a.bucket,
          Key: a.key,
          Body: a.body ?? 'x'.repeat(a.sizeBytes ?? 1),
        });
        await runner.advanceBy(0);
        break;
      case 'snsPublish':
        w.consoleCall('sns', 'Publish', {
          TopicArn: topicArn(a.topic),
          Message: asText(a.message),
          ...(a.subject !== undefined ? { Subject: a.subject } : {}),
        });
        await runner.advanceBy(0);
        break;
      case 'dynamodbPut':
        w.consoleCall('dynamodb', 'PutItem', { TableName: a.table, Item: marshalItem(a.item) });
        await runner.advanceBy(0);
        break;
      case 'dynamodbDelete':
        w.consoleCall('dynamodb', 'DeleteItem', { TableName: a.table, Key: marshalItem(a.key) });
        await runner.advanceBy(0);
        break;
      case 'advance':
        await runner.advanceBy(a.ms);
        break;
      case 'runUntilIdle':
        await runner.runUntilIdle();
        break;
      case 'traffic':
        await runTraffic(w, a, baseDir, readFile);
        break;
      case 'updateConfig': {
        const current = runner.world.getFunction(a.function);
        if (!current.ok) throw new SetupError(`no function ${a.function}`);
        const r = await runner.command((world) =>
          world.updateFunctionConfiguration(a.function, {
            ...(a.memoryMb !== undefined ? { memorySize: a.memoryMb } : {}),
            ...(a.timeoutS !== undefined ? { timeout: a.timeoutS } : {}),
            ...(a.env !== undefined ? { environment: { variables: a.env } } : {}),
          }),
        );
        if (!r.ok) throw new SetupError(`updateConfig ${a.function}: ${r.error.message}`);
        break;
      }
      default: {
        const never: never = a;
        throw new Error(`unknown action ${JSON.stringify(never)}`);
      }
    }
  }
  return log;
}

/** Open-loop load: requests start on schedule whether or not earlier ones have answered. */
async function runTraffic(
  w: BuiltWorld,
  a: Extract<Action, { do: 'traffic' }>,
  baseDir: string,
  readFile: ReadFile,
): Promise<void> {
  const count = Math.round(a.ratePerSecond * a.durationS);
  const gap = 1000 / a.ratePerSecond;
  const start = w.runner.world.now();
  const { target } = a;
  const payloadJson =
    'function' in target ? JSON.stringify(resolveEvent(target.event, baseDir, readFile)) : '';
  for (let i = 0; i < count; i++) {
    await w.runner.advanceTo(Math.round(start + i * gap));
    if ('function' in target) {
      const qualifier = w.qualifiers.get(target.function);
      await w.runner.command((world) =>
        world.invoke({ functionName: target.function, ...(qualifier ? { qualifier } : {}), payloadJson }),
      );
    } else {
      const body =
        target.body === undefined ? undefined : asText(target.body).replaceAll('{n}', String(i + 1));
      startHttp(w, target, body === undefined ? {} : { body });
      await w.runner.advanceBy(0);
    }
  }
}
