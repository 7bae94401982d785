import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { createInstructorSlice, type InstructorSlice } from './instructorSlice';
import type { LabState } from './labStore';
import { parsePersisted } from './labStore';
import { defaultWorkspace, WORKSPACE_VERSION } from './workspaceDoc';

function makeStore() {
  return create<InstructorSlice>()((...a) =>
    (createInstructorSlice as unknown as (...args: typeof a) => InstructorSlice)(...a),
  );
}

describe('instructor slice', () => {
  it('starts off, and leaving instructor mode also leaves the projector layout', () => {
    const store = makeStore();
    expect(store.getState()).toMatchObject({ instructorMode: false, presenting: false });
    store.getState().setInstructorMode(true);
    store.getState().setPresenting(true);
    store.getState().setInstructorMode(false);
    expect(store.getState()).toMatchObject({ instructorMode: false, presenting: false });
  });

  it('bumps the revision on every local change, and takes a remote state as it is', () => {
    const store = makeStore();
    const s = () => store.getState();
    s().goToSegment(2);
    s().startLectureTimer(1_000);
    s().pauseLectureTimer(3_000);
    expect(s().presenter).toMatchObject({
      segment: 2,
      rev: 3,
      timer: { runningSinceMs: null, accumulatedMs: 2_000 },
    });
    s().setDemoProgress({ id: 'hello-world', next: 1, status: 'paused' });
    expect(s().presenter.rev).toBe(4);
    const remote = { segment: 5, timer: s().presenter.timer, demo: null, rev: 9 };
    s().applyRemotePresenter(remote);
    expect(s().presenter).toBe(remote);
    s().resetLectureTimer();
    expect(s().presenter).toMatchObject({ rev: 10, timer: { runningSinceMs: null, accumulatedMs: 0 } });
  });
});

describe('the saved setting', () => {
  const workspace = defaultWorkspace();
  it('is read when on, and a save without it means off', () => {
    const on = parsePersisted({ workspace, theme: 'dark', instructorMode: true }, WORKSPACE_VERSION);
    expect(on.ok && on.state.instructorMode).toBe(true);
    const old = parsePersisted({ workspace, theme: 'dark' }, WORKSPACE_VERSION);
    expect(old.ok && 'instructorMode' in old.state).toBe(false);
    const odd = parsePersisted({ workspace, theme: 'dark', instructorMode: 'yes' }, WORKSPACE_VERSION);
    expect(odd.ok && 'instructorMode' in odd.state).toBe(false);
  });

  it('the bound store has the slice', async () => {
    const { useLabStore } = await import('./labStore');
    const state: LabState = useLabStore.getState();
    expect(state.instructorMode).toBe(false);
    expect(typeof state.goToSegment).toBe('function');
  });
});
