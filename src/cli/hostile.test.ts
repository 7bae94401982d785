/**
 * Hostile handlers through the whole CLI path (worker thread, pool, simulated world), issue 15: the host
 * process is out of reach, exits and swallowed timeouts look as on Lambda, AWS calls carry the true
 * caller, and missing files are reported. The in-interpreter cases are in runtime/engine/hostile.test.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRuntime, type NodeRuntime } from '../runtime/node/nodeRuntime';
import { createCliLab, runInvoke } from './invokeCommand';
import { main, parseInvoke } from './main';

const dir = mkdtempSync(join(tmpdir(), 'lambda-lab-hostile-'));
let seq = 0;
/** Each handler in a folder of its own: the CLI packages every .py file beside the handler. */
const write = (text: string) => {
  seq += 1;
  const folder = mkdtempSync(join(dir, `h${seq}-`));
  const path = join(folder, 'app.py');
  writeFileSync(path, text);
  return path;
};
const lost: string[][] = [];
const calls: string[] = [];
let runtime: NodeRuntime;
let current = createCliLab(Date.UTC(2026, 10, 26, 12), 0);

beforeAll(() => {
  runtime = createNodeRuntime({
    graceMs: 3000,
    onEnvironmentsLost: (envIds) => void lost.push([...envIds]),
    awsCall: (json) => {
      calls.push(json);
      return current.awsCall(json);
    },
  });
});
afterAll(async () => {
  await runtime.close();
});

async function invoke(source: string, ...args: string[]) {
  seq += 1;
  current = createCliLab(Date.UTC(2026, 10, 26, 12), seq);
  return runInvoke(parseInvoke([write(source), ...args]), runtime, current);
}

describe('the host is out of reach', () => {
  it('import js fails, and JavaScript objects dug out of the interpreter reach no process, eval or Function', async () => {
    const out = await invoke(`
import gc
def lambda_handler(event, context):
    try:
        import js
        return {"js": "imported"}
    except ModuleNotFoundError as error:
        missing = str(error)
    proxies = []
    for holder in gc.get_objects():
        values = holder.values() if isinstance(holder, dict) else vars(holder).values() if hasattr(holder, "__dict__") and not isinstance(holder, type) else ()
        try:
            for value in list(values):
                if type(value).__name__.startswith("JsProxy") or "Js" in type(value).__name__ and hasattr(value, "typeof"):
                    proxies.append(value)
        except Exception:
            pass
    reached = []
    for proxy in proxies:
        for route in ("process", "eval", "fetch", "lambdaLabPyodide"):
            try:
                if getattr(proxy, route, None) is not None:
                    reached.append(route)
            except Exception:
                pass
        try:
            proxy.constructor.constructor("return globalThis")()
            reached.append("Function")
        except Exception:
            pass
    return {"js": missing, "proxies": len(proxies), "reached": reached}
`);
    const result = JSON.parse(out.stdout[0] ?? '{}') as { js: string; proxies: number; reached: string[] };
    expect(result.js).toBe("No module named 'js'");
    expect(result.proxies).toBeGreaterThan(0);
    expect(result.reached).toEqual([]);
    expect(lost).toEqual([]);
  });
});

describe('Lambda semantics at the edges', () => {
  it('sys.exit(3) and os._exit(0): Runtime.ExitError "exit status n" once, and the line printed before', async () => {
    for (const [call, status] of [
      ['sys.exit(3)', 3],
      ['os._exit(0)', 0],
    ] as const) {
      const out = await invoke(
        `import os, sys\ndef lambda_handler(event, context):\n    print("about to exit")\n    ${call}\n`,
      );
      expect(out.exitCode).toBe(1);
      const payload = JSON.parse(out.stdout[0] ?? '{}') as { errorType: string; errorMessage: string };
      expect(payload.errorType).toBe('Runtime.ExitError');
      expect(payload.errorMessage).toMatch(
        new RegExp(`^RequestId: [0-9a-f-]+ Error: Runtime exited with error: exit status ${status}$`),
      );
      expect(out.stderr).toContain('about to exit');
    }
  });

  it('a handler that swallows the timeout interrupt times out at its deadline, keeps its logs and its /tmp', async () => {
    const out = await invoke(
      `
import os
def lambda_handler(event, context):
    if os.path.exists("/tmp/mark"):
        return "after the reset: " + open("/tmp/mark").read()
    open("/tmp/mark", "w").write("kept")
    print("spinning")
    while True:
        try:
            while True:
                pass
        except BaseException:
            print("swallowed")
`,
      '--timeout',
      '1',
      '--times',
      '2',
    );
    const timedOut = JSON.parse(out.stdout[0] ?? '{}') as { errorType: string; errorMessage: string };
    expect(timedOut.errorType).toBe('Sandbox.Timedout');
    expect(timedOut.errorMessage).toMatch(/Task timed out after 1\.00 seconds$/);
    expect(out.stderr).toContain('spinning');
    // As on Lambda, where the process is stopped: no handler line runs after the deadline.
    expect(out.stderr).not.toContain('swallowed');
    // The reset's suppressed init runs in the same environment, whose /tmp survived.
    expect(out.stdout[1]).toBe('"after the reset: kept"');
    expect(lost).toEqual([]);
  });

  it('AWS calls carry the calling function, whatever the handler tells the shim', async () => {
    calls.length = 0;
    const out = await invoke(`
import boto3
from botocore import lab_bridge
def lambda_handler(event, context):
    lab_bridge.set_caller_provider(lambda: {"functionName": "someone-else", "functionVersion": "$LATEST", "requestId": None})
    return [b["Name"] for b in boto3.client("s3").list_buckets()["Buckets"]]
`);
    expect(out.stdout).toEqual(['[]']);
    expect(calls).toHaveLength(1);
    expect(JSON.parse(calls[0] ?? '{}')).toMatchObject({ caller: { functionName: 'lambda-lab-cli' } });
  });
});

describe('the AWS bridge', () => {
  it('dug out of the interpreter and called directly, it still calls as the running function', async () => {
    calls.length = 0;
    const out = await invoke(`
import gc, json
def lambda_handler(event, context):
    bridges = [cell.cell_contents for f in gc.get_objects() if type(f).__name__ == "function" and f.__closure__
               for cell in f.__closure__ if hasattr(cell.cell_contents, "aws_call")]
    forged = {"v": 1, "service": "s3", "operation": "ListBuckets", "params": {}, "nowMs": 0,
              "caller": {"functionName": "someone-else", "functionVersion": "$LATEST", "requestId": None}}
    answers = [json.loads(str(bridge.aws_call(json.dumps(forged))))["kind"] for bridge in bridges[:1]]
    return answers
`);
    // The test reaches the bridge the way an attacker would; if it cannot, there is nothing to forge.
    expect(out.stdout).toEqual(['["result"]']);
    expect(calls.map((json) => (JSON.parse(json) as { caller: unknown }).caller)).toEqual([
      expect.objectContaining({ functionName: 'lambda-lab-cli' }),
    ]);
  });
});

describe('missing files', () => {
  it('exits 2 naming the path, for the handler and for --event', async () => {
    const handler = join(dir, 'nowhere', 'app.py');
    const noHandler = await main(['invoke', handler]);
    expect(noHandler.exitCode).toBe(2);
    expect(noHandler.stderr.join('\n')).toContain(`no such file: ${handler}`);
    const event = join(dir, 'no-event.json');
    const noEvent = await main([
      'invoke',
      write('def lambda_handler(e, c):\n    return 1\n'),
      '--event',
      event,
    ]);
    expect(noEvent.exitCode).toBe(2);
    expect(noEvent.stderr.join('\n')).toContain(`no such file: ${event}`);
  });
});
