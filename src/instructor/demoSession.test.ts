import { describe, expect, it } from 'vitest';
import { createDemoSession, type DemoExecutor, type StepReport } from './demoSession';

const stats = {
  invokes: 0,
  cold: 0,
  errors: 0,
  throttles: 0,
  envsCreated: 0,
  envsGone: 0,
  httpStatuses: [],
  batches: 0,
  maxBatch: 0,
  sqsDeleted: 0,
};

/** An executor whose steps finish when the test says so, recording what ran. */
function fakeExecutor(options: { failAt?: number } = {}) {
  const ran: string[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  const executor: DemoExecutor = {
    reset: async () => {
      ran.push('reset');
    },
    exec: async (index) => {
      ran.push(`step ${index}`);
      if (index === options.failAt) throw new Error(`step ${index} broke`);
      if (hold) await new Promise<void>((r) => (release = r));
      const report: StepReport = {
        index,
        startMs: index,
        endMs: index + 1,
        lines: [],
        logs: [],
        envsAlive: 0,
        stats,
        responses: [],
      };
      return report;
    },
    dispose: async () => {
      ran.push('dispose');
    },
  };
  return {
    executor,
    ran,
    holdSteps: () => {
      hold = true;
    },
    releaseStep: () => {
      const r = release;
      release = null;
      r?.();
    },
  };
}

const now = () => Promise.resolve();
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('a demo session', () => {
  it('runs every step with one call and ends done', async () => {
    const f = fakeExecutor();
    const s = createDemoSession({ total: 3, executor: f.executor, dwell: now });
    await s.run();
    expect(f.ran).toEqual(['step 0', 'step 1', 'step 2']);
    expect(s.getState()).toMatchObject({ status: 'done', next: 3, busy: false });
    expect(s.getState().reports.map((r) => r.index)).toEqual([0, 1, 2]);
  });

  it('steps one at a time, paused in between', async () => {
    const f = fakeExecutor();
    const s = createDemoSession({ total: 2, executor: f.executor, dwell: now });
    await s.step();
    expect(s.getState()).toMatchObject({ status: 'paused', next: 1 });
    await s.step();
    expect(s.getState()).toMatchObject({ status: 'done', next: 2 });
    await s.step();
    expect(f.ran).toEqual(['step 0', 'step 1']);
  });

  it('pause lets the running step finish and stops before the next', async () => {
    const f = fakeExecutor();
    f.holdSteps();
    const s = createDemoSession({ total: 3, executor: f.executor, dwell: now });
    const running = s.run();
    await tick();
    expect(s.getState()).toMatchObject({ status: 'running', busy: true });
    s.pause();
    f.releaseStep();
    await running;
    expect(s.getState()).toMatchObject({ status: 'paused', next: 1, busy: false });
    expect(f.ran).toEqual(['step 0']);
  });

  it('replay resets the world and runs from the first step again', async () => {
    const f = fakeExecutor();
    const s = createDemoSession({ total: 2, executor: f.executor, dwell: now });
    await s.run();
    await s.replay();
    expect(f.ran).toEqual(['step 0', 'step 1', 'reset', 'step 0', 'step 1']);
    expect(s.getState()).toMatchObject({ status: 'done', next: 2 });
    expect(s.getState().reports).toHaveLength(2);
  });

  it('a failing step stops the session with its message; run does not go past it', async () => {
    const f = fakeExecutor({ failAt: 1 });
    const s = createDemoSession({ total: 3, executor: f.executor, dwell: now });
    await s.run();
    expect(s.getState()).toMatchObject({ status: 'failed', next: 1, error: 'step 1 broke' });
    await s.run();
    expect(f.ran).toEqual(['step 0', 'step 1']);
  });

  it('a double click never runs two steps at once', async () => {
    const f = fakeExecutor();
    f.holdSteps();
    const s = createDemoSession({ total: 3, executor: f.executor, dwell: now });
    const a = s.step();
    const b = s.step();
    await tick();
    expect(f.ran).toEqual(['step 0']);
    f.releaseStep();
    await tick();
    f.releaseStep();
    await Promise.all([a, b]);
    expect(f.ran).toEqual(['step 0', 'step 1']);
  });

  it('waits between steps while running, not after the last', async () => {
    const f = fakeExecutor();
    const dwelt: number[] = [];
    const s = createDemoSession({
      total: 3,
      executor: f.executor,
      dwell: async (r) => {
        dwelt.push(r.index);
      },
    });
    await s.run();
    expect(dwelt).toEqual([0, 1]);
  });
});
