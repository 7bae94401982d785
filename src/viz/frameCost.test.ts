/**
 * Frame cost on a big trace: 1,000 environments and well over 10,000 events. Models are built once and
 * every frame is drawn from them. The costs are printed, not asserted: they measure the machine (a busy
 * one is slower), and speed is the benchmark's business (bench/vizFrames.mjs, with budgets).
 */
import { describe, expect, it } from 'vitest';
import { createTestWorld } from '../sim/testWorld';
import { rowStateAt, spanRange, timelineFrameAt, toTimelineModel } from './coldStart/toTimelineModel';
import { flowFrameAt, toFlowModel } from './flow/toFlowModel';
import { pushPollFrameAt, toPushPollModel } from './pushPoll/toPushPollModel';

function bigTrace() {
  const t = createTestWorld({}, { invoke: { sleepMs: 900 } }).createFunction({
    functionName: 'f',
    timeout: 10,
  });
  for (let wave = 0; wave < 3; wave++) {
    for (let i = 0; i < 1000; i++)
      t.invoke({ functionName: 'f', invocationType: wave === 2 ? 'Event' : 'RequestResponse' });
    t.advanceBy(2000);
  }
  return t.world.trace.events;
}

function quantile(samples: number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length * q)]!;
}
const p95 = (xs: number[]) => quantile(xs, 0.95);

describe('frame cost at 1,000 environments', () => {
  const events = bigTrace();
  it('builds the models once and draws every frame from them', () => {
    expect(events.length).toBeGreaterThan(10_000);
    let t0 = performance.now();
    const timeline = toTimelineModel(events);
    const buildTimeline = performance.now() - t0;
    t0 = performance.now();
    const flow = toFlowModel(events);
    const pushPoll = toPushPollModel(events);
    const buildOthers = performance.now() - t0;
    expect(timeline.rows).toHaveLength(1000);

    const frames = 300;
    const span = timeline.endMs - timeline.startMs;
    const draw = (t: number): number => {
      let n = 0;
      for (const row of timeline.rows) {
        if (rowStateAt(row, t) === 'invoke') n++;
        const [lo, hi] = spanRange(row, t - 2000, t);
        for (let k = lo; k < hi; k++) if (row.spans[k]!.endMs >= t - 2000) n++;
      }
      return n;
    };
    // Warm the JIT first, as a running animation would be.
    let sink = 0;
    for (let i = 0; i < 600; i++) {
      const t = timeline.startMs + (span * (i % 300)) / 300;
      sink += draw(t) + flowFrameAt(flow, t, 200).length + pushPollFrameAt(pushPoll, t).push.running;
    }
    const cost = { frame: [] as number[], rows: [] as number[], flow: [] as number[], lanes: [] as number[] };
    for (let i = 0; i < frames; i++) {
      const t = timeline.startMs + (span * i) / frames;
      let a = performance.now();
      sink += timelineFrameAt(timeline, t).concurrency;
      cost.frame.push(performance.now() - a);
      a = performance.now();
      // What the timeline draws per frame: every row's state and its spans in a 2 s window.
      sink += draw(t);
      cost.rows.push(performance.now() - a);
      a = performance.now();
      sink += flowFrameAt(flow, t, 200).length;
      cost.flow.push(performance.now() - a);
      a = performance.now();
      sink += pushPollFrameAt(pushPoll, t).push.tokens.length;
      cost.lanes.push(performance.now() - a);
    }
    const fmt = (xs: number[]) => `p50 ${quantile(xs, 0.5).toFixed(3)} / p95 ${p95(xs).toFixed(3)} ms`;
    console.log(
      `events ${events.length}; build timeline ${buildTimeline.toFixed(1)} ms, flow+lanes ${buildOthers.toFixed(1)} ms; ` +
        `timelineFrameAt ${fmt(cost.frame)}, 1,000 rows state+window ${fmt(cost.rows)}, ` +
        `flowFrameAt ${fmt(cost.flow)}, pushPollFrameAt ${fmt(cost.lanes)} (sink ${sink})`,
    );
    // Every frame drew something: the models answer for any time in the trace.
    expect(sink).toBeGreaterThan(0);
    expect(cost.frame).toHaveLength(frames);
  });
});
