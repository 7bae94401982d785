/** The presenter sync over Node's real BroadcastChannel: two windows, one channel name. */
import { afterEach, describe, expect, it } from 'vitest';
import { STOPPED } from './pacing';
import { createPresenterSync, type PresenterState, parseSyncMessage, SYNC_VERSION, wins } from './sync';

const initial: PresenterState = { segment: 0, timer: STOPPED, demo: null, rev: 0 };
const open: { close(): void }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) o.close();
});

function window(id: string, name: string, onDemo?: (demoId: string, command: string) => void) {
  let state = initial;
  const sync = createPresenterSync({
    channel: new BroadcastChannel(name) as never,
    id,
    getState: () => state,
    apply: (next) => {
      state = next;
    },
    onDemoCommand: onDemo,
  });
  open.push(sync);
  return {
    get state() {
      return state;
    },
    change(patch: Partial<PresenterState>) {
      state = { ...state, ...patch, rev: state.rev + 1 };
      sync.publish(state);
    },
    sync,
  };
}

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('presenter sync', () => {
  it('a window that opens later gets the current state (hello, then state)', async () => {
    const main = window('a', 'sync-1');
    main.change({ segment: 3 });
    await settle();
    const notes = window('b', 'sync-1');
    await settle();
    expect(notes.state.segment).toBe(3);
  });

  it('moving to the next segment in one window moves the other', async () => {
    const main = window('a', 'sync-2');
    const notes = window('b', 'sync-2');
    await settle();
    main.change({ segment: 1, timer: { runningSinceMs: 1000, accumulatedMs: 0 } });
    await settle();
    expect(notes.state).toMatchObject({ segment: 1, timer: { runningSinceMs: 1000 } });
    notes.change({ segment: 2 });
    await settle();
    expect(main.state.segment).toBe(2);
  });

  it('forwards demo commands to the window that runs the demo', async () => {
    const got: string[] = [];
    window('a', 'sync-3', (d, c) => got.push(`${d}:${c}`));
    const notes = window('b', 'sync-3');
    await settle();
    notes.sync.sendDemoCommand('burst-scaling', 'step');
    await settle();
    expect(got).toEqual(['burst-scaling:step']);
  });

  it('ignores other versions and foreign messages', async () => {
    expect(parseSyncMessage({ v: 2, kind: 'hello', from: 'x' })).toBeNull();
    expect(parseSyncMessage('hello')).toBeNull();
    expect(
      parseSyncMessage({ v: SYNC_VERSION, kind: 'state', from: 'x', state: { segment: -1 } }),
    ).toBeNull();
    const main = window('a', 'sync-4');
    const other = new BroadcastChannel('sync-4');
    other.postMessage({ v: 99, kind: 'state', from: 'z', state: { ...initial, segment: 5, rev: 9 } });
    await settle();
    other.close();
    expect(main.state.segment).toBe(0);
  });

  it('resolves simultaneous changes the same way in both windows', () => {
    const x = { ...initial, segment: 1, rev: 4 };
    const y = { ...initial, segment: 2, rev: 4 };
    expect(wins(y, 'b', x, 'a')).toBe(true);
    expect(wins(x, 'a', y, 'b')).toBe(false);
    expect(wins({ ...x, rev: 5 }, 'a', y, 'b')).toBe(true);
  });
});
