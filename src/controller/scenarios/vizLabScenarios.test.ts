import { describe, expect, it } from 'vitest';
import { LAB_ROLE_ARN } from '../../host/labWorld';
import { toTimelineModel } from '../../viz/coldStart/toTimelineModel';
import { runPowerTuning } from '../../viz/powerTuning/powerTuning';
import { pushPollFrameAt, toPushPollModel } from '../../viz/pushPoll/toPushPollModel';
import { runWhatIf } from '../../viz/whatIf/whatIf';
import {
  createScriptedLab,
  DEFAULT_PUSH_POLL,
  replayScript,
  runBurstDemo,
  runPushPollScenario,
} from './vizLabScenarios';

describe('runPushPollScenario', () => {
  it('sends the scenario traffic through both lanes, with retries, redrives and throttles', () => {
    const run = runPushPollScenario(DEFAULT_PUSH_POLL);
    expect(run.error).toBeNull();
    const m = toPushPollModel(run.events);
    expect(m.push.items).toHaveLength(DEFAULT_PUSH_POLL.events);
    expect(m.poll.messages).toHaveLength(DEFAULT_PUSH_POLL.messages);
    // Batches never exceed the batch size knob.
    expect(m.poll.batches.length).toBeGreaterThan(0);
    expect(Math.max(...m.poll.batches.map((b) => b.messageIds.length))).toBeLessThanOrEqual(5);
    // 20 % of attempts fail: some async events are retried, some messages come back.
    expect(m.push.items.some((i) => i.attempts > 1)).toBe(true);
    expect(m.poll.messages.some((x) => x.receives > 1)).toBe(true);
    const end = pushPollFrameAt(m, m.endMs);
    expect(end.push.succeeded + end.push.failed).toBe(DEFAULT_PUSH_POLL.events);
    expect(end.poll.deleted + end.poll.deadLettered).toBe(DEFAULT_PUSH_POLL.messages);
    expect(end.poll.visible + end.poll.inflight).toBe(0);
  });

  it('changes the picture when a knob changes: no failures, one message per batch', () => {
    const base = toPushPollModel(runPushPollScenario(DEFAULT_PUSH_POLL).events);
    const run = runPushPollScenario({
      ...DEFAULT_PUSH_POLL,
      failurePercent: 0,
      knobs: { ...DEFAULT_PUSH_POLL.knobs, batchSize: 1 },
    });
    const m = toPushPollModel(run.events);
    expect(m.poll.batches.every((b) => b.messageIds.length === 1)).toBe(true);
    expect(m.poll.batches.length).toBeGreaterThan(base.poll.batches.length);
    const end = pushPollFrameAt(m, m.endMs);
    expect(end.poll.deadLettered).toBe(0);
    expect(end.push.failed).toBe(0);
  });

  it('repeats exactly for the same knobs', () => {
    const a = runPushPollScenario(DEFAULT_PUSH_POLL).events;
    const b = runPushPollScenario(DEFAULT_PUSH_POLL).events;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('reports a setting the world refuses instead of drawing half a world', () => {
    const run = runPushPollScenario({
      ...DEFAULT_PUSH_POLL,
      knobs: { ...DEFAULT_PUSH_POLL.knobs, batchSize: 100, batchingWindowS: 0 },
    });
    expect(run.error).toMatch(/batch/i);
  });
});

describe('runBurstDemo', () => {
  it('makes 1,000 environments and more than 10,000 trace events', () => {
    const events = runBurstDemo(1000);
    expect(events.length).toBeGreaterThan(10_000);
    const model = toTimelineModel(events);
    expect(model.rows).toHaveLength(1000);
    expect(model.summary.maxConcurrency).toBe(1000);
  });
});

describe('replayScript', () => {
  it('replays a measured handler on both what-if sides: the same handler time at each memory size', async () => {
    const measured = {
      init: {
        outcome: { status: 'success', responseJson: 'null' },
        cpuMs: 40,
        sleepMs: 0,
        maxMemoryMb: 50,
        logs: [],
      },
      invokes: [
        {
          outcome: { status: 'success', responseJson: '1' },
          cpuMs: 10,
          sleepMs: 0,
          maxMemoryMb: 50,
          logs: [],
        },
      ],
    } as const;
    const base = {
      label: 'A',
      memoryMb: 1769,
      provisionedConcurrency: 0,
      packageSizeMb: 1,
      runtime: 'python3.12',
      vpc: false,
      snapStart: false,
    };
    const r = await runWhatIf({
      createLab: () => createScriptedLab(replayScript(measured)),
      fn: {
        functionName: 'mine',
        role: LAB_ROLE_ARN,
        handler: 'lambda_function.lambda_handler',
        code: { files: { 'lambda_function.py': '' } },
      },
      traffic: { arrivalsMs: [0, 1000] },
      a: base,
      b: { ...base, label: 'B', memoryMb: 128 },
    });
    const durations = (s: typeof r.a) =>
      s.timeline!.rows.flatMap((row) =>
        row.spans.filter((x) => x.kind === 'invoke').map((x) => x.endMs - x.startMs),
      );
    // 10 ms of CPU at one vCPU; at 128 MB Lambda gives 128/1,769 of a vCPU, so it takes 13.8x as long.
    expect(durations(r.a)[1]).toBeCloseTo(10, 0);
    expect(durations(r.b)[1]! / durations(r.a)[1]!).toBeCloseTo(1769 / 128, 0);
  });
});

describe('replayScript at other memory sizes', () => {
  it('kills a handler that needed more memory than the size allows, and scales the rest', async () => {
    const ok = { status: 'success', responseJson: '1' } as const;
    const measured = {
      init: { outcome: ok, cpuMs: 20, sleepMs: 0, maxMemoryMb: 60, logs: [] },
      invokes: [{ outcome: ok, cpuMs: 50, sleepMs: 0, maxMemoryMb: 300, logs: [] }],
    };
    const r = await runPowerTuning({
      createLab: () => createScriptedLab(replayScript(measured)),
      fn: {
        functionName: 'hog',
        role: LAB_ROLE_ARN,
        runtime: 'python3.12',
        handler: 'lambda_function.lambda_handler',
        code: { files: { 'lambda_function.py': '' } },
      },
      memorySizes: [256, 512, 1024],
      invocations: 3,
    });
    const [at256, at512, at1024] = r.points;
    expect(at256!.errors).toBe(3);
    expect(at512!.errors).toBe(0);
    // Same measured CPU at both: twice the memory, twice the CPU share, half the time.
    expect(at512!.avgDurationMs / at1024!.avgDurationMs).toBeCloseTo(2, 1);
    expect(r.cheapestMb).not.toBe(256);
  });
});
