/**
 * The traffic behind a lesson's `lab-viz` block: the block names a visualizer and a prepared world; the
 * scenario sends what that visualizer is about through the world (three spaced requests for the
 * lifecycle, a burst past provisioned concurrency for cold starts, an upload, a message and a row
 * for push and poll), in a fresh lab world with real Python, and hands back the trace.
 */

import { type CheckerDeps, withWorld } from '../../host/router';
import { runActions } from '../../host/scenario/actions';
import type { Json } from '../../host/scenario/events';
import type { Action, WorldSpec } from '../../host/scenario/world';
import type { VIZ_KINDS } from '../../lessons/blocks';
import type { WorldContent } from '../../lessons/course';
import type { TraceEvent } from '../../sim';

export type VizKind = (typeof VIZ_KINDS)[number];

const EMPTY = { json: {} } as const;

function keyValue(type: 'S' | 'N', i: number): Json {
  return type === 'S' ? `viz-${i}` : i;
}

/** Sends something through every trigger of the world; functions nothing triggers get async events. */
function throughTriggers(spec: WorldSpec): Action[] {
  const actions: Action[] = [];
  const reached = new Set<string>();
  for (const b of spec.buckets ?? [])
    for (const n of b.notifications ?? []) {
      reached.add(n.function);
      for (let i = 1; i <= 2; i++)
        actions.push({ do: 's3Put', bucket: b.name, key: `${n.prefix ?? ''}viz-${i}${n.suffix ?? '.txt'}` });
    }
  for (const t of spec.topics ?? []) {
    const lambdas = t.subscriptions.filter((s) => s.protocol === 'lambda');
    for (const s of lambdas) reached.add(s.endpoint);
    if (lambdas.length > 0) actions.push({ do: 'snsPublish', topic: t.name, message: { alert: 'viz' } });
  }
  for (const m of spec.eventSourceMappings ?? []) {
    reached.add(m.function);
    if ('queue' in m.source) {
      const bodies = Array.from({ length: 10 }, (_, i): Json => ({ n: i + 1 }));
      actions.push({ do: 'sqsSend', queue: m.source.queue, bodies });
    } else {
      const name = m.source.tableStream;
      const table = spec.tables?.find((t) => t.name === name);
      if (!table) continue;
      for (let i = 1; i <= 3; i++) {
        const item: Record<string, Json> = {
          [table.partitionKey.name]: keyValue(table.partitionKey.type, i),
        };
        if (table.sortKey) item[table.sortKey.name] = keyValue(table.sortKey.type, 1);
        actions.push({ do: 'dynamodbPut', table: name, item });
      }
    }
  }
  for (const api of spec.apis ?? [])
    for (const r of api.routes) {
      reached.add(r.function);
      const method = r.method === 'ANY' ? 'GET' : r.method;
      actions.push({ do: 'http', api: api.name, method, path: r.path.replace(/\{[^}]+\}/g, 'viz') });
    }
  for (const f of spec.functions)
    if (!reached.has(f.name))
      actions.push({ do: 'invoke', function: f.name, event: EMPTY, invocationType: 'Event', times: 2 });
  // Pollers, batching windows and the async queue all need a little virtual time.
  actions.push({ do: 'advance', ms: 30_000 });
  return actions;
}

/** What a block of this kind sends through its world. */
export function scenarioActions(kind: VizKind, spec: WorldSpec): Action[] {
  const fn = spec.functions[0]!;
  const invoke = (times: number, everyMs: number): Action => ({
    do: 'invoke',
    function: fn.name,
    event: EMPTY,
    times,
    everyMs,
  });
  switch (kind) {
    case 'lifecycle':
      // Cold, then warm twice: one environment serves all three.
      return [invoke(3, 3000), { do: 'advance', ms: 2000 }];
    case 'cold-start': {
      const provisioned = fn.provisionedConcurrency ?? 0;
      // One request more than is provisioned spills over to an on-demand, cold environment.
      const burst = provisioned > 0 ? provisioned + 1 : 3;
      return [
        { do: 'advance', ms: provisioned > 0 ? 5000 : 0 },
        invoke(burst, 0),
        { do: 'advance', ms: 3000 },
        invoke(burst, 0),
        { do: 'advance', ms: 2000 },
      ];
    }
    case 'concurrency':
      return [invoke(10, 0), { do: 'advance', ms: 2000 }, invoke(10, 0), { do: 'advance', ms: 2000 }];
    case 'push-poll':
    case 'event-flow':
    case 'api-flow':
      return throughTriggers(spec);
    default: {
      const never: never = kind;
      throw new Error(`unknown visualizer ${String(never)}`);
    }
  }
}

export interface LessonScenarioInput {
  readonly kind: VizKind;
  readonly world: WorldContent;
  /** Files under a folder beside the world file (`code: { dir }`). */
  readonly dirFiles: (dir: string) => Record<string, string>;
  readonly lessonDir: string;
  readonly readFile: (path: string) => string | undefined;
}

/** Builds the world in a fresh lab world, runs the scenario, and returns a copy of the trace. */
export async function runLessonScenario(
  deps: CheckerDeps,
  input: LessonScenarioInput,
): Promise<readonly TraceEvent[]> {
  const build = {
    spec: input.world.spec,
    dirFiles: input.dirFiles,
    workspace: { files: {}, config: {} },
    mapping: [],
  };
  return withWorld(deps, build, async (w) => {
    await runActions(w, scenarioActions(input.kind, input.world.spec), input.lessonDir, input.readFile);
    return [...w.runner.world.trace.events];
  });
}
