import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLabRunner, type LabRunner } from '../../host/labRunner';
import { createLabWorld, type LabWorld } from '../../host/labWorld';
import { createFakeRuntime } from '../../sim/fakeRuntime';
import { useLabStore } from '../../store/labStore';
import { defaultWorkspace } from '../../store/workspaceDoc';

let lab: LabWorld;
let runner: LabRunner;
vi.mock('../lab/labController', () => ({ ensureLab: () => ({ runner, lab }) }));

const { deployActive, describeDeploy } = await import('./deployActive');

const READY = { state: 'ready', fromSnapshot: true, phaseMs: {}, readyMs: 1 } as const;

beforeEach(() => {
  lab = createLabWorld({ seed: 1, startTimeMs: Date.UTC(2026, 0, 1), access: 'admin' });
  runner = createLabRunner(lab.world, createFakeRuntime());
  useLabStore.setState({ workspace: defaultWorkspace(), running: false });
  useLabStore.getState().setPython(READY as never);
});

const name = () => useLabStore.getState().workspace.activeFunction;

describe('deployActive', () => {
  it('creates the function, then says there is nothing to deploy, then updates changed code', async () => {
    const first = await deployActive();
    expect(first).toMatchObject({ kind: 'deployed', functionName: name() });
    expect(first.kind === 'deployed' && first.changes).toContain('created the function');
    expect(runner.world.getFunction(name()).ok).toBe(true);
    expect(await deployActive()).toEqual({ kind: 'unchanged', functionName: name() });
    useLabStore.getState().setFileText('lambda_function.py', 'def lambda_handler(e, c):\n    return 2\n');
    const second = await deployActive();
    expect(second).toEqual({ kind: 'deployed', functionName: name(), changes: ['updated the code'] });
    const fn = runner.world.getFunction(name());
    expect(fn.ok && fn.value.code['lambda_function.py']).toContain('return 2');
    expect(describeDeploy(second)).toMatch(/next invoke is a cold start/);
  });

  it('reports a refused setting and changes nothing', async () => {
    await deployActive();
    const { workspace } = useLabStore.getState();
    const draft = workspace.functions[name()];
    if (!draft) throw new Error('no draft');
    useLabStore.setState({
      workspace: { ...workspace, functions: { [name()]: { ...draft, memorySize: 50 } } },
    });
    const outcome = await deployActive();
    expect(outcome.kind).toBe('refused');
    expect(describeDeploy(outcome)).toMatch(/^Deploy refused \(memorySize\): .*memory/i);
    const fn = runner.world.getFunction(name());
    expect(fn.ok && fn.value.memorySize).toBe(128);
  });

  it('waits for Python and for a running test', async () => {
    useLabStore.setState({ running: true });
    expect(await deployActive()).toMatchObject({
      kind: 'blocked',
      message: expect.stringMatching(/test is running/),
    });
    useLabStore.setState({ running: false });
    useLabStore.getState().setPython({ state: 'booting', phase: 'download', loadedBytes: 0, totalBytes: 0 });
    expect(await deployActive()).toMatchObject({ kind: 'blocked', message: expect.stringMatching(/Python/) });
    expect(runner.world.getFunction(name()).ok).toBe(false);
  });
});
