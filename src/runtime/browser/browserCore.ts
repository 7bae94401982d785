/**
 * Interim core for the first screen: runs a handler once in a fresh namespace. It is replaced by the shared
 * worker core (src/runtime/engine) when the runtime engine lands.
 */
import type { PyodideAPI } from 'pyodide';
import type { HostToWorker, WorkerToHost } from '../protocol';

const QUICK_RUN_PY = `
import importlib, json, sys, traceback
def _lab_quick_run(files_json, handler, event_json):
    files = json.loads(files_json)
    import os
    os.makedirs('/var/task', exist_ok=True)
    for path, text in files.items():
        full = os.path.join('/var/task', path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, 'w') as f:
            f.write(text)
    if '/var/task' not in sys.path:
        sys.path.insert(0, '/var/task')
    mod_name, _, fn_name = handler.rpartition('.')
    for name in [m for m in sys.modules if m == mod_name]:
        del sys.modules[name]
    importlib.invalidate_caches()
    try:
        module = importlib.import_module(mod_name)
        result = getattr(module, fn_name)(json.loads(event_json), None)
        return json.dumps({'ok': True, 'payload': json.dumps(result)})
    except Exception as e:
        frames = traceback.format_list(traceback.extract_tb(e.__traceback__)[1:])
        return json.dumps({'ok': False, 'payload': json.dumps({'errorMessage': str(e), 'errorType': type(e).__name__, 'requestId': '', 'stackTrace': frames})})
`;

export function createBrowserCore(
  pyodide: PyodideAPI,
  post: (message: WorkerToHost) => void,
): (message: HostToWorker) => void {
  pyodide.runPython(QUICK_RUN_PY);
  const quickRun = pyodide.globals.get('_lab_quick_run') as (a: string, b: string, c: string) => string;
  return (message) => {
    if (message.type !== 'quickRun') {
      post({
        type: 'failed',
        id: 'id' in message ? message.id : -1,
        message: `${message.type} is not served yet`,
      });
      return;
    }
    const stdout: string[] = [];
    pyodide.setStdout({ batched: (line) => stdout.push(line) });
    pyodide.setStderr({ batched: (line) => stdout.push(line) });
    const start = performance.now();
    const { files, handler, eventJson } = message.request;
    const out = JSON.parse(quickRun(JSON.stringify(files), handler, eventJson)) as {
      ok: boolean;
      payload: string;
    };
    post({
      type: 'quickRunResult',
      id: message.id,
      result: { ok: out.ok, payloadJson: out.payload, stdout, durationMs: performance.now() - start },
    });
  };
}
