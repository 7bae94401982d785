/**
 * Starts Python at page load: the browser worker pool and its boot status in the store. Small on
 * purpose, so the worker starts before the large controller chunk (world, services, checkers) arrives;
 * the controller binds the AWS call handler and its world to the runtime afterwards.
 */
import { createBrowserRuntime } from '../../runtime/browser/browserRuntime';
import type { PooledRuntime } from '../../runtime/pool/pooledRuntime';
import { BootError } from '../../runtime/pool/pythonWorker';
import type { SyntaxProblem } from '../../runtime/protocol';
import { useLabStore } from '../../store/labStore';

const NOT_READY =
  '{"kind":"error","error":{"code":"LabNotReady","message":"The lab is still starting.","httpStatus":503,"errorKind":"client"}}';

let runtime: PooledRuntime | null = null;
let awsCall: (requestJson: string) => string | Promise<string> = () => NOT_READY;

/** The runtime boto3 calls are answered through, set by the controller once its world exists. */
export function setAwsCall(handler: (requestJson: string) => string | Promise<string>): void {
  awsCall = handler;
}

/** The handler now answering boto3 calls, so a demo world can route its own calls and then restore it. */
export function currentAwsCall(): (requestJson: string) => string | Promise<string> {
  return awsCall;
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
    useSnapshot: new URLSearchParams(location.search).get('snapshot') !== 'off',
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
      performance.mark('lambda-lab:python-ready', { detail: info });
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
