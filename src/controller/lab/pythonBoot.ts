/**
 * Starts Python at page load: the browser worker pool and its boot status in the store. Small on
 * purpose, so the worker starts before the large controller chunk (world, services, checkers) arrives;
 * the page's lab (browserLab.ts) binds its boto3 router to the runtime afterwards.
 */
import { createBrowserRuntime } from '../../runtime/browser/browserRuntime';
import { snapshotWanted } from '../../runtime/browser/earlyPython';
import type { PooledRuntime } from '../../runtime/pool/pooledRuntime';
import { BootError } from '../../runtime/pool/pythonWorker';
import type { SyntaxProblem } from '../../runtime/protocol';
import { useLabStore } from '../../store/labStore';

const NOT_READY =
  '{"kind":"error","error":{"code":"LabNotReady","message":"The lab is still starting.","httpStatus":503,"errorKind":"client"}}';

let runtime: PooledRuntime | null = null;
let awsCall: (requestJson: string) => string | Promise<string> = () => NOT_READY;

/** Set once by the page's lab (browserLab.ts): its router answers every boto3 call, whatever the world. */
export function setAwsCall(handler: (requestJson: string) => string | Promise<string>): void {
  awsCall = handler;
}

export function currentRuntime(): PooledRuntime | null {
  return runtime;
}

/** The editor's syntax check: null while Python starts or every worker is busy (ask again later). */
export function checkSyntax(
  files: Readonly<Record<string, string>>,
): Promise<readonly SyntaxProblem[] | null> {
  return runtime ? runtime.checkSyntax(files) : Promise.resolve(null);
}

export function bootPython(): void {
  const store = useLabStore.getState();
  void runtime?.close();
  let booted = false;
  store.setPython({ state: 'booting', phase: 'download', loadedBytes: 0, totalBytes: 0 });
  const created = createBrowserRuntime({
    baseUrl: import.meta.env.BASE_URL,
    useSnapshot: snapshotWanted(),
    spare: true,
    awsCall: (requestJson) => awsCall(requestJson),
    spareDelayMs: 15_000,
    onPhase(message) {
      const current = useLabStore.getState().python;
      if (booted || current.state !== 'booting') return;
      useLabStore.getState().setPython({
        state: 'booting',
        phase: message.phase,
        loadedBytes: message.loadedBytes ?? current.loadedBytes,
        totalBytes: message.totalBytes ?? current.totalBytes,
      });
    },
    onBoot(info) {
      if (booted) return;
      booted = true;
      useLabStore.getState().setPython({
        state: 'ready',
        fromSnapshot: info.fromSnapshot,
        phaseMs: info.phaseMs,
        readyMs: info.ms,
      });
      // The app (store, Test button) knows now; lambda-lab:python-ready marks the worker's report (earlyPython.ts).
      performance.mark('lambda-lab:app-python-ready', { detail: info });
    },
    onBootFailed(error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!booted) {
        useLabStore.getState().setPython({
          state: 'failed',
          phase: error instanceof BootError ? error.phase : 'interpreter',
          message,
        });
      } else {
        useLabStore.getState().addNotice('warning', `A spare Python worker could not start: ${message}`);
      }
    },
  });
  runtime = created;
  store.setIsolated(globalThis.crossOriginIsolated === true);
  created.warm();
}
