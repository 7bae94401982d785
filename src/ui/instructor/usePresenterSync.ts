/**
 * Binds this window's presenter state to the BroadcastChannel: local changes are published, newer
 * remote ones applied. In the lab window, demo commands from the notes window drive the demo host.
 */
import { useEffect, useState } from 'react';
import {
  createPresenterSync,
  type PresenterState,
  type PresenterSync,
  SYNC_CHANNEL,
} from '../../instructor/sync';
import { useLabStore } from '../../store/labStore';
import { demoHost } from './demoHost';

const windowId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

export function usePresenterSync(role: 'lab' | 'notes', enabled = true): PresenterSync | null {
  const [sync, setSync] = useState<PresenterSync | null>(null);
  useEffect(() => {
    if (!enabled || typeof BroadcastChannel === 'undefined') return;
    let applied: PresenterState | null = null;
    const created = createPresenterSync({
      channel: new BroadcastChannel(SYNC_CHANNEL),
      id: windowId(),
      getState: () => useLabStore.getState().presenter,
      apply: (state) => {
        applied = state;
        useLabStore.getState().applyRemotePresenter(state);
      },
      onDemoCommand:
        role === 'lab'
          ? (demoId, command) => {
              demoHost.select(demoId);
              void demoHost.command(command);
            }
          : undefined,
    });
    const unsubscribe = useLabStore.subscribe((now, before) => {
      if (now.presenter !== before.presenter && now.presenter !== applied) created.publish(now.presenter);
    });
    setSync(created);
    return () => {
      unsubscribe();
      created.close();
      setSync(null);
    };
  }, [role, enabled]);
  return sync;
}
