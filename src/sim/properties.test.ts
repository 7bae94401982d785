import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Effect } from './effects';
import { createFakeRuntime, type FakeScript } from './fakeRuntime';
import type { RunOutcome } from './runtimePort';
import { createTestWorld, DEFAULT_ROLE, TEST_START_MS } from './testWorld';
import type { TraceEvent } from './trace';
import { createWorld } from './world';

type Outcome = 'success' | 'error' | 'oom' | 'crash';
type Command =
  | { kind: 'invoke'; fn: 0 | 1; async: boolean; outcome: Outcome; cpuMs: number; sleepMs: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'reserve'; fn: 0 | 1; n: number | null }
  | { kind: 'update'; fn: 0 | 1; memory: number };

const FNS = ['alpha', 'beta'] as const;

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('invoke' as const),
      fn: fc.constantFrom(0 as const, 1 as const),
      async: fc.boolean(),
      outcome: fc.constantFrom<Outcome>('success', 'success', 'success', 'error', 'oom', 'crash'),
      cpuMs: fc.integer({ min: 0, max: 50 }),
      sleepMs: fc.integer({ min: 0, max: 4000 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 200_000 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('reserve' as const),
      fn: fc.constantFrom(0 as const, 1 as const),
      n: fc.option(fc.integer({ min: 0, max: 4 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('update' as const),
      fn: fc.constantFrom(0 as const, 1 as const),
      memory: fc.constantFrom(128, 512, 1769),
    }),
  },
);

/** The handler's behaviour travels in the payload, so the scripted runtime stays a pure function. */
const script: FakeScript = {
  invoke: (req) => {
    const p = JSON.parse(req.eventJson) as { outcome: Outcome; cpuMs: number; sleepMs: number };
    const outcome: RunOutcome =
      p.outcome === 'success'
        ? { status: 'success', responseJson: '{"ok":true}' }
        : p.outcome === 'error'
          ? {
              status: 'error',
              error: { errorMessage: 'x', errorType: 'ValueError', requestId: req.requestId, stackTrace: [] },
            }
          : p.outcome === 'oom'
            ? { status: 'outOfMemory' }
            : { status: 'crash', message: 'exit status 1' };
    return { outcome, cpuMs: p.cpuMs, sleepMs: p.sleepMs, maxMemoryMb: 60 };
  },
};

function run(
  commands: readonly Command[],
  seed: number,
  check: (t: ReturnType<typeof createTestWorld>, e: TraceEvent) => void,
) {
  const t = createTestWorld({ seed, accountConcurrency: 106 }, script);
  t.world.trace.subscribe((e) => check(t, e));
  for (const name of FNS) t.createFunction({ functionName: name });
  for (const c of commands) {
    switch (c.kind) {
      case 'invoke':
        t.invoke({
          functionName: FNS[c.fn],
          invocationType: c.async ? 'Event' : 'RequestResponse',
          payloadJson: JSON.stringify({ outcome: c.outcome, cpuMs: c.cpuMs, sleepMs: c.sleepMs }),
        });
        break;
      case 'advance':
        t.advanceBy(c.ms);
        break;
      case 'reserve':
        t.do((w) =>
          c.n === null ? w.deleteFunctionConcurrency(FNS[c.fn]) : w.putFunctionConcurrency(FNS[c.fn], c.n),
        );
        break;
      case 'update':
        t.do((w) => w.updateFunctionConfiguration(FNS[c.fn], { memorySize: c.memory }));
        break;
      default: {
        const never: never = c;
        throw new Error(`unknown command ${JSON.stringify(never)}`);
      }
    }
  }
  return t;
}

const commands = fc.array(command, { minLength: 1, maxLength: 60 });

describe('properties', () => {
  it('concurrency never exceeds its caps when a request is admitted', () => {
    // Lowering a reservation below the current load is allowed (running requests finish), so the cap is
    // checked where it applies: at each on-demand admission (a new environment, or a warm one reused).
    fc.assert(
      fc.property(commands, fc.integer(), (cmds, seed) => {
        run(cmds, seed, (t, e) => {
          let fn: string;
          if (e.name === 'lambda.env.created' && e.initType !== 'provisioned-concurrency')
            fn = e.functionName;
          else if (e.name === 'lambda.invoke.start' && !e.cold) fn = e.functionName;
          else return;
          const c = t.world.concurrency();
          const f = c.functions[fn]!;
          if (f.reserved !== null) expect(f.onDemandInFlight + f.provisioned).toBeLessThanOrEqual(f.reserved);
          else expect(c.unreservedInUse).toBeLessThanOrEqual(c.unreservedCapacity);
          expect(c.unreservedCapacity).toBeGreaterThanOrEqual(100);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('an environment never serves two requests at once', () => {
    fc.assert(
      fc.property(commands, fc.integer(), (cmds, seed) => {
        const serving = new Map<string, string>();
        run(cmds, seed, (_t, e) => {
          if (e.name === 'lambda.invoke.start') {
            expect(serving.has(e.envId)).toBe(false);
            serving.set(e.envId, e.requestId);
          } else if (e.name === 'lambda.invoke.end') {
            expect(serving.get(e.envId)).toBe(e.requestId);
            serving.delete(e.envId);
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('every async event ends exactly once in success, retries exhausted, expiry, or is still pending', () => {
    fc.assert(
      fc.property(commands, fc.integer(), (cmds, seed) => {
        const accepted = new Set<string>();
        const ended = new Map<string, number>();
        const t = run(cmds, seed, (_t, e) => {
          if (e.name === 'lambda.invoke.accepted') accepted.add(e.requestId);
          if (e.name === 'lambda.async.completed') {
            expect(['success', 'retriesExhausted', 'eventAgeExceeded']).toContain(e.outcome);
            ended.set(e.requestId, (ended.get(e.requestId) ?? 0) + 1);
          }
        });
        for (const n of ended.values()) expect(n).toBe(1);
        t.runUntilIdle();
        expect([...accepted].every((id) => ended.get(id) === 1)).toBe(true);
        expect(ended.size).toBe(accepted.size);
      }),
      { numRuns: 100 },
    );
  });

  it('billed duration is never less than duration', () => {
    fc.assert(
      fc.property(commands, fc.integer(), (cmds, seed) => {
        run(cmds, seed, (_t, e) => {
          if (e.name === 'lambda.invoke.end') expect(e.billedDurationMs).toBeGreaterThanOrEqual(e.durationMs);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('the clock never goes backwards in the trace', () => {
    fc.assert(
      fc.property(commands, fc.integer(), (cmds, seed) => {
        let last = Number.NEGATIVE_INFINITY;
        run(cmds, seed, (_t, e) => {
          expect(e.t).toBeGreaterThanOrEqual(last);
          last = e.t;
        });
      }),
      { numRuns: 100 },
    );
  });

  it('the same seed and inputs give the same trace, byte for byte', () => {
    fc.assert(
      fc.property(commands, fc.integer(), (cmds, seed) => {
        const a = JSON.stringify(run(cmds, seed, () => {}).world.trace.events);
        const b = JSON.stringify(run(cmds, seed, () => {}).world.trace.events);
        expect(b).toBe(a);
      }),
      { numRuns: 50 },
    );
  });
});

describe('completion order', () => {
  it('the trace does not depend on the order a worker pool finishes effects in', () => {
    const order = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), order, (width, keys) => {
        const traceWith = (shuffle: boolean): string => {
          const runtime = createFakeRuntime({
            invoke: (req) => ({ cpuMs: req.eventJson.length % 7, sleepMs: 20 }),
          });
          const world = createWorld({ seed: 3, startTimeMs: TEST_START_MS });
          world.createFunction({
            functionName: 'f',
            role: DEFAULT_ROLE,
            runtime: 'python3.13',
            handler: 'a.b',
            code: { files: {} },
          });
          let k = 0;
          const complete = (effects: readonly Effect[]) => {
            const list = [...effects];
            if (shuffle) list.sort(() => (keys[k++ % keys.length]! % 3) - 1);
            for (const e of list) {
              if (e.kind === 'runInit') world.completeInit(e.request.env.envId, runtime.initSync(e.request));
              else if (e.kind === 'runInvoke')
                world.completeInvoke(e.request.envId, e.request.requestId, runtime.invokeSync(e.request));
            }
          };
          const pending: Effect[] = [];
          for (let i = 0; i < width; i++) {
            const r = world.invoke({ functionName: 'f', payloadJson: `{"i":"${'x'.repeat(i)}"}` });
            if (r.ok) pending.push(...r.effects);
          }
          complete(pending);
          for (let guard = 0; guard < 1000; guard++) {
            const r = world.advanceTo(TEST_START_MS + 60_000);
            complete(r.effects);
            if (!r.blocked && world.outstandingEffects() === 0) break;
          }
          return JSON.stringify(world.trace.events);
        };
        expect(traceWith(true)).toBe(traceWith(false));
      }),
      { numRuns: 50 },
    );
  });
});
