import { beforeEach, describe, expect, it } from 'vitest';
import { parsePersisted, useLabStore } from './labStore';
import { defaultWorkspace } from './workspaceDoc';
import { selectActiveFunction } from './workspaceSlice';

const draft = () => selectActiveFunction(useLabStore.getState());
const actions = () => useLabStore.getState();

beforeEach(() => useLabStore.setState({ workspace: defaultWorkspace(), deployError: null }));

describe('workspace slice: configuration edits go to the active draft', () => {
  it('patches settings without touching code or events', () => {
    const files = draft().files;
    actions().patchFunction({
      memorySize: 1769,
      reservedConcurrency: 3,
      vpc: { enabled: true, subnetIds: ['subnet-1'], securityGroupIds: [] },
    });
    expect(draft()).toMatchObject({ memorySize: 1769, reservedConcurrency: 3, files });
    expect(draft().vpc.subnetIds).toEqual(['subnet-1']);
  });

  it('renames an environment variable in place and removes one', () => {
    actions().setEnvVar(null, 'A', '1');
    actions().setEnvVar(null, 'B', '2');
    actions().setEnvVar(null, 'C', '3');
    actions().setEnvVar('B', 'TABLE', 'orders');
    expect(Object.entries(draft().environment)).toEqual([
      ['A', '1'],
      ['TABLE', 'orders'],
      ['C', '3'],
    ]);
    actions().removeEnvVar('A');
    expect(Object.keys(draft().environment)).toEqual(['TABLE', 'C']);
  });

  it('adds, updates and removes triggers by id', () => {
    actions().addTrigger({ kind: 'sns', id: 't1', topic: 'a' });
    actions().addTrigger({ kind: 'sns', id: 't1', topic: 'duplicate id ignored' });
    actions().updateTrigger({ kind: 'sns', id: 't1', topic: 'b' });
    expect(draft().triggers).toEqual([{ kind: 'sns', id: 't1', topic: 'b' }]);
    actions().removeTrigger('t1');
    expect(draft().triggers).toEqual([]);
  });

  it('edits workspace layers; removing one detaches it from every function', () => {
    actions().addLayer('utils', { 'python/u.py': 'A = 1\n' });
    actions().setLayerFile('utils', 'python/v.py', 'B = 2\n');
    actions().removeLayerFile('utils', 'python/u.py');
    expect(useLabStore.getState().workspace.layers.utils?.files).toEqual({ 'python/v.py': 'B = 2\n' });
    actions().patchFunction({ layers: ['utils'] });
    actions().removeLayer('utils');
    expect(useLabStore.getState().workspace.layers).toEqual({});
    expect(draft().layers).toEqual([]);
  });

  it('forgets a deploy error when the workspace is replaced', () => {
    actions().setDeployError({ functionName: 'hello-lambda', field: 'memorySize', message: 'no' });
    actions().replaceWorkspace(defaultWorkspace());
    expect(useLabStore.getState().deployError).toBeNull();
  });
});

describe('the saved store (persist version = workspace format)', () => {
  it('reads a format 2 save through the migrations and sets aside a foreign one with a reason', () => {
    const v2 = defaultWorkspace().functions['hello-lambda'];
    const { reservedConcurrency, provisionedConcurrency, layers, role, triggers, destinations, vpc, ...old } =
      v2 as NonNullable<typeof v2>;
    const saved = {
      workspace: { version: 2, functions: { api: old }, activeFunction: 'api' },
      theme: 'dark',
    };
    const parsed = parsePersisted(saved, 2);
    expect(parsed.ok && parsed.state.workspace.functions.api?.role.managedPolicies).toContain(
      'AdministratorAccess',
    );
    expect(parsed.ok && parsed.state.theme).toBe('dark');
    const foreign = parsePersisted({ workspace: { version: 3, functions: { api: { code: 1 } } } }, 3);
    expect(foreign).toEqual({ ok: false, reason: expect.stringContaining('functions.api') });
  });
});
