/** `world` checks: drive the whole world with actions, then assert on the services' state and the trace. */

import { withWorld } from '../../host/router';
import { type ActionLog, runActions } from '../../host/scenario/actions';
import { marshalItem, queueArn, unmarshal } from '../../host/scenario/awsNames';
import type { BuiltWorld } from '../../host/scenario/buildWorld';
import type { Json } from '../../host/scenario/events';
import { ascending, percentile } from '../../lib/percentile';
import type { TraceEvent, TraceName } from '../../sim';
import type { CheckOf, WorldAssertion } from '../checks';
import { checkTrace, traceEvents } from './traceQuery';
import type { CheckContext, CheckOutcome } from './types';
import { type AssertionFailure, checkValue, describeRange, includes, inRange, show } from './values';

const fnEvents = (trace: readonly TraceEvent[], name: TraceName, fn: string | undefined) =>
  traceEvents(trace, name).filter(
    (e) => fn === undefined || (e as unknown as { functionName?: string }).functionName === fn,
  );

/** Latency a caller sees per invocation: Init (on a cold start) plus the handler's duration. */
export function latencies(trace: readonly TraceEvent[], fn: string): number[] {
  return fnEvents(trace, 'lambda.invoke.end', fn).map((e) =>
    e.name === 'lambda.invoke.end' ? e.durationMs + (e.initDurationMs ?? 0) : 0,
  );
}

/** A latency target over the function's invokes; with no invokes there is nothing to meet it, so it fails. */
export function checkLatency(
  trace: readonly TraceEvent[],
  a: Extract<WorldAssertion, { that: 'latency' }>,
): AssertionFailure[] {
  const p = percentile(ascending(latencies(trace, a.function)), a.percentile);
  if (p === null)
    return [
      {
        code: `latency:${a.function}:none`,
        message: `p${a.percentile} latency of ${a.function}: no invokes to measure (the actions never invoked it).`,
      },
    ];
  return p < a.belowMs
    ? []
    : [
        {
          code: `latency:${a.function}:p${a.percentile}`,
          message: `p${a.percentile} latency of ${a.function} is ${Math.round(p)} ms; it should be below ${a.belowMs} ms.`,
        },
      ];
}

export function queueBodies(w: BuiltWorld, queue: string): string[] {
  const q = w.lab.services.sqs.queueByArn(queueArn(queue));
  // Deleted, redriven and expired messages stay in the map with their final state.
  return q
    ? [...q.messages.values()]
        .filter((m) => m.state === 'queued' || m.state === 'inflight')
        .map((m) => m.body)
    : [];
}

export function itemCount(w: BuiltWorld, table: string): number {
  const r = w.consoleCall('dynamodb', 'Scan', { TableName: table });
  return typeof r.Count === 'number' ? r.Count : Array.isArray(r.Items) ? r.Items.length : 0;
}

function assertOne(w: BuiltWorld, a: WorldAssertion, log: ActionLog): AssertionFailure[] {
  const trace = w.runner.world.trace.events;
  const range = (
    code: string,
    n: number,
    r: Parameters<typeof inRange>[1],
    what: string,
  ): AssertionFailure[] =>
    inRange(n, r) ? [] : [{ code: `${code}:${n}`, message: `${what}: ${n}; expected ${describeRange(r)}.` }];
  switch (a.that) {
    case 'itemExists': {
      const r = w.consoleCall('dynamodb', 'GetItem', { TableName: a.table, Key: marshalItem(a.key) });
      if (r.Item === undefined)
        return [
          {
            code: `itemMissing:${a.table}`,
            message: `No item with key ${show(a.key)} in the table ${a.table}.`,
          },
        ];
      const item = unmarshal({ M: r.Item as Json });
      if (a.attributes && !includes(item, a.attributes))
        return [
          {
            code: `itemAttributes:${a.table}`,
            message: `The item ${show(a.key)} in ${a.table} is ${show(item)}; expected it to have ${show(a.attributes)}.`,
          },
        ];
      return [];
    }
    case 'itemCount':
      return range(`itemCount:${a.table}`, itemCount(w, a.table), a.count, `Items in the table ${a.table}`);
    case 'queueMessages': {
      const bodies = queueBodies(w, a.queue);
      const out = a.count
        ? range(`queueCount:${a.queue}`, bodies.length, a.count, `Messages in the queue ${a.queue}`)
        : [];
      for (const text of a.bodiesInclude ?? [])
        if (!bodies.some((b) => b.includes(text)))
          out.push({
            code: `queueLacks:${a.queue}:${text}`,
            message: `No message in ${a.queue} contains \`${text}\`.`,
          });
      for (const text of a.bodiesExclude ?? [])
        if (bodies.some((b) => b.includes(text)))
          out.push({
            code: `queueHas:${a.queue}:${text}`,
            message: `A message in ${a.queue} contains \`${text}\`, which should not be there.`,
          });
      return out;
    }
    case 'objectExists':
      return w.lab.services.s3.getObject(a.bucket, a.key)
        ? []
        : [{ code: `objectMissing:${a.bucket}`, message: `There is no object s3://${a.bucket}/${a.key}.` }];
    case 'invocations':
      return range(
        `invocations:${a.function}`,
        fnEvents(trace, 'lambda.invoke.start', a.function).length,
        a.count,
        `Invocations of ${a.function}`,
      );
    case 'noThrottles': {
      const n = fnEvents(trace, 'lambda.invoke.throttled', a.function).length;
      return n === 0
        ? []
        : [
            {
              // The count stays out of the code: it moves with timing, and known mistakes match on codes.
              code: `throttles:${a.function ?? '*'}`,
              message: `${n} invoke(s) of ${a.function ?? 'the functions'} were throttled (429): more requests than concurrency allows.`,
            },
          ];
    }
    case 'noErrors': {
      const bad = fnEvents(trace, 'lambda.invoke.end', a.function).filter(
        (e) => e.name === 'lambda.invoke.end' && e.status !== 'success',
      );
      const first = bad[0];
      if (first?.name !== 'lambda.invoke.end') return [];
      return [
        {
          code: `errors:${a.function}:${first.errorType ?? first.status}`,
          message: `${bad.length} invoke(s) of ${a.function} failed (first: ${first.errorType ?? first.status}). Check its logs.`,
        },
      ];
    }
    case 'coldStarts': {
      const n = fnEvents(trace, 'lambda.invoke.start', a.function).filter(
        (e) => e.name === 'lambda.invoke.start' && e.cold,
      ).length;
      return range(`coldStarts:${a.function}`, n, a.count, `Cold starts of ${a.function}`);
    }
    case 'latency':
      return checkLatency(trace, a);
    case 'httpResponses': {
      const picks = a.requests ?? log.http.map((_, i) => i + 1);
      const out: AssertionFailure[] = [];
      for (const n of picks) {
        const r = log.http[n - 1];
        if (!r) {
          out.push({ code: `http:${n}:none`, message: `HTTP request ${n} got no response.` });
          continue;
        }
        if (!a.status.includes(r.statusCode)) {
          out.push({
            code: `http:${n}:${r.statusCode}`,
            message: `HTTP request ${n} answered ${r.statusCode} with body ${show(r.body)}; expected ${a.status.join(' or ')}.`,
          });
          continue;
        }
        let body: Json = r.body;
        try {
          body = JSON.parse(r.body) as Json;
        } catch {
          // A non-JSON body stays text; path assertions then report what they find.
        }
        for (const p of a.bodyPaths ?? []) {
          const f = checkValue(body, p, `the body of HTTP response ${n}`);
          if (f) out.push(f);
        }
      }
      return out;
    }
    case 'trace': {
      const f = checkTrace(trace, a);
      return f ? [f] : [];
    }
    default: {
      const never: never = a;
      throw new Error(`unknown assertion ${JSON.stringify(never)}`);
    }
  }
}

export function runWorldCheck(ctx: CheckContext, check: CheckOf<'world'>): Promise<CheckOutcome> {
  return withWorld(ctx.deps, ctx.buildInput, async (w) => {
    const log = await runActions(w, check.actions, ctx.baseDir, ctx.readFile);
    return { failures: check.assert.flatMap((a) => assertOne(w, a, log)) };
  });
}
