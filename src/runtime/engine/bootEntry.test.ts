import { describe, expect, it } from 'vitest';
import { type HostToWorker, PROTOCOL_VERSION, type WorkerToHost } from '../protocol';
import { type BootSteps, createBootEntry } from './bootEntry';

const bootMessage: HostToWorker = { type: 'boot', v: PROTOCOL_VERSION, options: {} };
const destroy = (id: number): HostToWorker => ({ type: 'destroy', id, envId: `env-${id}` });

function harness(steps: BootSteps) {
  const posted: WorkerToHost[] = [];
  const served: HostToWorker[] = [];
  const entry = createBootEntry((m) => posted.push(m), steps);
  const settled = () => new Promise((r) => setTimeout(r, 0));
  return { posted, served, entry, settled };
}

describe('worker boot entry', () => {
  it('reports each phase, then ready, and serves messages that came early in order', async () => {
    const h = harness(async (_options, { timed, phaseMs }) => {
      await timed('download', () => undefined, 'local files');
      await timed('compile', () => undefined);
      await timed('interpreter', () => undefined);
      phaseMs.interpreter = 1234;
      const serve = await timed('ready', () => (m: HostToWorker) => h.served.push(m));
      return { serve, fromSnapshot: true };
    });
    h.entry(destroy(1));
    h.entry(bootMessage);
    h.entry(destroy(2));
    await h.settled();
    h.entry(destroy(3));
    const phases = h.posted.flatMap((m) => (m.type === 'phase' ? [`${m.phase}:${m.state}`] : []));
    expect(phases).toEqual([
      'download:start',
      'download:end',
      'compile:start',
      'compile:end',
      'interpreter:start',
      'interpreter:end',
      'ready:start',
      'ready:end',
    ]);
    expect(h.posted[0]).toMatchObject({ detail: 'local files' });
    expect(h.posted[2]).not.toHaveProperty('detail');
    const ready = h.posted.at(-1);
    expect(ready).toMatchObject({ type: 'ready', v: PROTOCOL_VERSION, fromSnapshot: true });
    expect(ready?.type === 'ready' && ready.phaseMs.interpreter).toBe(1234);
    expect(h.served.map((m) => (m.type === 'destroy' ? m.id : null))).toEqual([1, 2, 3]);
  });

  it('runs the after-ready work once ready is posted, before any message is served', async () => {
    const order: string[] = [];
    const h = harness(async () => ({
      serve: (m: HostToWorker) => order.push(`serve ${m.type === 'destroy' ? m.id : m.type}`),
      fromSnapshot: false,
      afterReady: () => order.push(`warm-up after ${h.posted.at(-1)?.type}`),
    }));
    h.entry(bootMessage);
    h.entry(destroy(1));
    await h.settled();
    h.entry(destroy(2));
    expect(order).toEqual(['warm-up after ready', 'serve 1', 'serve 2']);
  });

  it('names the phase a boot failed in, and serves nothing', async () => {
    const h = harness(async (_options, { timed }) => {
      await timed('download', () => undefined);
      await timed('compile', () => {
        throw new Error('wasm would not compile');
      });
      throw new Error('unreachable');
    });
    h.entry(bootMessage);
    h.entry(destroy(1));
    await h.settled();
    expect(h.posted.at(-1)).toEqual({
      type: 'bootFailed',
      phase: 'compile',
      message: 'wasm would not compile',
    });
    expect(h.posted.some((m) => m.type === 'ready')).toBe(false);
    expect(h.served).toEqual([]);
  });
});
