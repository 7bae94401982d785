/** Names inside a world that must point at something declared in the same world. */

import type { Action, WorldSpec } from '../host/scenario/world';
import type { Measure } from './quiz';

export interface WorldNames {
  readonly functions: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
  readonly layers: ReadonlySet<string>;
  readonly tables: ReadonlySet<string>;
  readonly streamTables: ReadonlySet<string>;
  readonly queues: ReadonlySet<string>;
  readonly topics: ReadonlySet<string>;
  readonly buckets: ReadonlySet<string>;
  readonly apis: ReadonlySet<string>;
}

export function worldNames(w: WorldSpec): WorldNames {
  return {
    functions: new Set(w.functions.map((f) => f.name)),
    roles: new Set(w.roles.map((r) => r.name)),
    layers: new Set((w.layers ?? []).map((l) => l.name)),
    tables: new Set((w.tables ?? []).map((t) => t.name)),
    streamTables: new Set((w.tables ?? []).filter((t) => t.stream !== undefined).map((t) => t.name)),
    queues: new Set((w.queues ?? []).map((q) => q.name)),
    topics: new Set((w.topics ?? []).map((t) => t.name)),
    buckets: new Set((w.buckets ?? []).map((b) => b.name)),
    apis: new Set((w.apis ?? []).map((a) => a.name)),
  };
}

type Problem = { path: (string | number)[]; message: string };

function need(
  set: ReadonlySet<string>,
  name: string | undefined,
  what: string,
  path: Problem['path'],
  out: Problem[],
) {
  if (name !== undefined && !set.has(name))
    out.push({ path, message: `no ${what} named "${name}" in this world` });
}

/** Problems inside one world spec, with paths relative to the spec. */
export function checkWorldRefs(w: WorldSpec): Problem[] {
  const n = worldNames(w);
  const out: Problem[] = [];
  const dest = new Set([...n.queues, ...n.topics, ...n.functions]);
  for (const [i, f] of w.functions.entries()) {
    need(n.roles, f.role, 'role', ['functions', i, 'role'], out);
    for (const [j, l] of (f.layers ?? []).entries())
      need(n.layers, l, 'layer', ['functions', i, 'layers', j], out);
    need(dest, f.async?.onFailure, 'queue, topic or function', ['functions', i, 'async', 'onFailure'], out);
    need(dest, f.async?.onSuccess, 'queue, topic or function', ['functions', i, 'async', 'onSuccess'], out);
    need(n.queues, f.async?.deadLetterQueue, 'queue', ['functions', i, 'async', 'deadLetterQueue'], out);
  }
  for (const [i, q] of (w.queues ?? []).entries()) {
    need(n.queues, q.redrive?.deadLetterQueue, 'queue', ['queues', i, 'redrive'], out);
  }
  for (const [i, t] of (w.topics ?? []).entries()) {
    for (const [j, s] of t.subscriptions.entries()) {
      const lambda = s.protocol === 'lambda';
      need(
        lambda ? n.functions : n.queues,
        s.endpoint,
        lambda ? 'function' : 'queue',
        ['topics', i, 'subscriptions', j],
        out,
      );
    }
  }
  for (const [i, b] of (w.buckets ?? []).entries()) {
    for (const [j, x] of (b.notifications ?? []).entries()) {
      need(n.functions, x.function, 'function', ['buckets', i, 'notifications', j], out);
    }
  }
  for (const [i, m] of (w.eventSourceMappings ?? []).entries()) {
    const p = ['eventSourceMappings', i];
    need(n.functions, m.function, 'function', [...p, 'function'], out);
    if ('queue' in m.source) need(n.queues, m.source.queue, 'queue', [...p, 'source'], out);
    else need(n.streamTables, m.source.tableStream, 'table with a stream', [...p, 'source'], out);
    need(new Set([...n.queues, ...n.topics]), m.onFailure, 'queue or topic', [...p, 'onFailure'], out);
  }
  for (const [i, a] of (w.apis ?? []).entries()) {
    for (const [j, r] of a.routes.entries())
      need(n.functions, r.function, 'function', ['apis', i, 'routes', j], out);
  }
  for (const [i, x] of (w.permissions ?? []).entries())
    need(n.functions, x.function, 'function', ['permissions', i], out);
  for (const [i, x] of (w.schedules ?? []).entries())
    need(n.functions, x.function, 'function', ['schedules', i], out);
  return out;
}

export function checkActionRefs(n: WorldNames, actions: readonly Action[], base: Problem['path']): Problem[] {
  const out: Problem[] = [];
  for (const [i, a] of actions.entries()) {
    const p = [...base, i];
    switch (a.do) {
      case 'invoke':
      case 'updateConfig':
        need(n.functions, a.function, 'function', p, out);
        break;
      case 'http':
        need(n.apis, a.api, 'API', p, out);
        break;
      case 'sqsSend':
        need(n.queues, a.queue, 'queue', p, out);
        break;
      case 's3Put':
        need(n.buckets, a.bucket, 'bucket', p, out);
        break;
      case 'snsPublish':
        need(n.topics, a.topic, 'topic', p, out);
        break;
      case 'dynamodbPut':
      case 'dynamodbDelete':
        need(n.tables, a.table, 'table', p, out);
        break;
      case 'traffic':
        if ('function' in a.target) need(n.functions, a.target.function, 'function', p, out);
        else need(n.apis, a.target.api, 'API', p, out);
        break;
      case 'advance':
      case 'runUntilIdle':
        break;
      default: {
        const never: never = a;
        throw new Error(`unknown action ${JSON.stringify(never)}`);
      }
    }
  }
  return out;
}

export function checkMeasureRefs(n: WorldNames, m: Measure, path: Problem['path']): Problem[] {
  const out: Problem[] = [];
  switch (m.measure) {
    case 'coldStart':
    case 'invocationCount':
    case 'environmentCount':
    case 'throttleCount':
    case 'versionsRun':
      need(n.functions, m.function, 'function', path, out);
      break;
    case 'queueBodies':
      need(n.queues, m.queue, 'queue', path, out);
      break;
    case 'itemCount':
      need(n.tables, m.table, 'table', path, out);
      break;
    case 'httpStatus':
    case 'errorType':
    case 'response':
      break;
    default: {
      const never: never = m;
      throw new Error(`unknown measure ${JSON.stringify(never)}`);
    }
  }
  return out;
}
