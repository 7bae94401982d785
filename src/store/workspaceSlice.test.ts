import { beforeEach, describe, expect, it } from 'vitest';
import { useLabStore } from './labStore';
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
