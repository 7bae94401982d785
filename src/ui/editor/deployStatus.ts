/**
 * Deploy from the editor (the Deploy button and Ctrl/Cmd+S) and the sentence it left, shared by both. The
 * controller's deploy is loaded on demand, like every controller entry point.
 */
import { useEffect, useSyncExternalStore } from 'react';

export interface DeployStatus {
  readonly state: 'idle' | 'deploying' | 'done' | 'failed';
  readonly text: string;
  /** Which function the sentence is about (it is hidden after switching to another). */
  readonly functionName: string | null;
}

let status: DeployStatus = { state: 'idle', text: '', functionName: null };
const listeners = new Set<() => void>();

function set(next: DeployStatus): void {
  status = next;
  for (const listener of listeners) listener();
}

export function useDeployStatus(): DeployStatus {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => status,
    () => status,
  );
}

/** Deploys the active function now; a second press while one runs is ignored. */
export async function runDeploy(): Promise<void> {
  if (status.state === 'deploying') return;
  set({ state: 'deploying', text: 'Deploying…', functionName: null });
  try {
    const { deployActive, describeDeploy } = await import('../../controller/deploy/deployActive');
    const outcome = await deployActive();
    set({
      state: outcome.kind === 'refused' || outcome.kind === 'blocked' ? 'failed' : 'done',
      text: describeDeploy(outcome),
      functionName: outcome.kind === 'blocked' ? null : outcome.functionName,
    });
  } catch (error) {
    set({
      state: 'failed',
      text: `Deploy failed: ${error instanceof Error ? error.message : String(error)}`,
      functionName: null,
    });
  }
}

/** Clears the sentence (the code changed since, so "No changes" would mislead). */
export function clearDeployStatus(): void {
  if (status.state !== 'deploying' && status.state !== 'idle')
    set({ state: 'idle', text: '', functionName: null });
}

/** Ctrl/Cmd+S anywhere on the page deploys instead of opening the browser's save dialog. */
export function useDeployShortcut(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 's') return;
      e.preventDefault();
      void runDeploy();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
