/**
 * The imperative shell for the first screen: owns the Python worker (a service, so it lives here and not in
 * the store), mirrors its boot status into the store, and runs Test.
 */
import { createPythonHost, type PythonHost } from '../runtime/browser/pythonHost';
import { useLabStore } from '../store/labStore';
import { selectActiveFunction } from '../store/workspaceSlice';
import { validateEventJson } from '../ui/validateJson';

/** Until the simulated function's configuration lands, Test uses Lambda's default timeout. */
const DEFAULT_TIMEOUT_MS = 3_000;

let host: PythonHost | null = null;

export function startPython(): void {
  const store = useLabStore.getState();
  host?.terminate('The Python worker was restarted.');
  store.setPython({ state: 'booting', phase: 'download', loadedBytes: 0, totalBytes: 0 });
  const useSnapshot = new URLSearchParams(location.search).get('snapshot') !== 'off';
  const created = createPythonHost(
    { baseUrl: import.meta.env.BASE_URL, useSnapshot },
    {
      onPhase(phase, _state, _ms, loaded, total) {
        const current = useLabStore.getState().python;
        if (current.state === 'failed') return;
        useLabStore.getState().setPython({
          state: 'booting',
          phase,
          loadedBytes: loaded ?? (current.state === 'booting' ? current.loadedBytes : 0),
          totalBytes: total ?? (current.state === 'booting' ? current.totalBytes : 0),
        });
      },
      onReady({ fromSnapshot, phaseMs, sinceStartMs }) {
        const readyMs = performance.now();
        useLabStore.getState().setPython({ state: 'ready', fromSnapshot, phaseMs, readyMs });
        performance.mark('lambda-lab:python-ready', { detail: { fromSnapshot, phaseMs, sinceStartMs } });
      },
      onFailed(phase, message) {
        useLabStore.getState().setPython({ state: 'failed', phase, message });
      },
    },
  );
  host = created;
  store.setIsolated(created.isolated);
}

export async function runTest(): Promise<void> {
  const state = useLabStore.getState();
  const fn = selectActiveFunction(state);
  const eventJson = fn.events[fn.activeEvent] ?? '';
  const check = validateEventJson(eventJson);
  if (!check.ok || state.python.state !== 'ready' || state.running || !host) return;
  state.setRunning(true);
  const requestId = crypto.randomUUID();
  const current = host;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), DEFAULT_TIMEOUT_MS);
  });
  try {
    const outcome = await Promise.race([
      current.quickRun({ files: fn.files, handler: fn.handler, eventJson }),
      timedOut,
    ]);
    if (outcome === 'timeout') {
      // The runaway handler owns the worker's thread: replace the worker, as Lambda resets the environment.
      // The new one starts after the result is on screen, so its start-up never delays that frame.
      setTimeout(startPython, 0);
      const seconds = (DEFAULT_TIMEOUT_MS / 1000).toFixed(2);
      useLabStore.getState().setResult({
        status: 'Failed',
        responseJson: JSON.stringify({
          errorType: 'Sandbox.Timedout',
          errorMessage: `RequestId: ${requestId} Error: Task timed out after ${seconds} seconds`,
        }),
        logs: [`Task timed out after ${seconds} seconds`],
        requestId,
        durationMs: DEFAULT_TIMEOUT_MS,
      });
      return;
    }
    useLabStore.getState().setResult({
      status: outcome.ok ? 'Succeeded' : 'Failed',
      responseJson: outcome.payloadJson,
      logs: outcome.stdout,
      requestId,
      durationMs: outcome.durationMs,
    });
  } catch (error) {
    useLabStore.getState().setRunError(error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}
