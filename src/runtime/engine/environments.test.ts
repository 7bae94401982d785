import { beforeAll, describe, expect, it } from 'vitest';
import type { EnvSpec, RunReport } from '../../sim/runtimePort';
import type { Engine } from './engine';
import { handlerCode, initRequest, invokeRequest, loadEngine, spec } from './testSupport';

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

function response(report: RunReport): unknown {
  if (report.outcome.status !== 'success')
    throw new Error(`not a success: ${JSON.stringify(report.outcome)}`);
  return JSON.parse(report.outcome.responseJson);
}

function start(env: EnvSpec): EnvSpec {
  const report = engine.init(initRequest(env));
  expect(report.outcome, JSON.stringify(report.logs)).toEqual({ status: 'success', responseJson: 'null' });
  return env;
}

const call = (env: EnvSpec, event: unknown = {}) => response(engine.invoke(invokeRequest(env, event)));

const COUNTER = `
import os
COUNT = 0
print("init ran")

def lambda_handler(event, context):
    global COUNT
    COUNT += 1
    return {"count": COUNT, "colour": os.environ.get("COLOUR"), "cwd": os.getcwd()}
`;

describe('environments as namespaces', () => {
  it('keeps module state across warm invokes, runs module code only at init, and isolates environments', () => {
    const a = start(spec({ code: handlerCode(COUNTER), environment: { COLOUR: 'red' } }));
    const b = start(spec({ code: handlerCode(COUNTER), environment: { COLOUR: 'blue' } }));
    expect(call(a)).toEqual({ count: 1, colour: 'red', cwd: '/var/task' });
    expect(call(a)).toEqual({ count: 2, colour: 'red', cwd: '/var/task' });
    expect(call(b)).toEqual({ count: 1, colour: 'blue', cwd: '/var/task' });
    const warm = engine.invoke(invokeRequest(a));
    expect(response(warm)).toMatchObject({ count: 3 });
    expect(warm.logs).toEqual([]);
    engine.destroy(a.envId);
    engine.destroy(b.envId);
  });

  it('a re-init (after a reset) starts from fresh module state', () => {
    const env = start(spec({ code: handlerCode(COUNTER) }));
    call(env);
    call(env);
    const again = engine.init(initRequest(env));
    expect(again.logs.map((line) => line.text)).toEqual(['init ran']);
    expect(call(env)).toMatchObject({ count: 1 });
    engine.destroy(env.envId);
  });

  it('os.environ changes stay in their environment', () => {
    const source =
      'import os\ndef lambda_handler(event, context):\n    before = os.environ.get("MARK")\n    os.environ["MARK"] = event["mark"]\n    return before\n';
    const a = start(spec({ code: handlerCode(source) }));
    const b = start(spec({ code: handlerCode(source) }));
    expect(call(a, { mark: 'a' })).toBeNull();
    expect(call(b, { mark: 'b' })).toBeNull();
    expect(call(a, { mark: 'a2' })).toBe('a');
    engine.destroy(a.envId);
    engine.destroy(b.envId);
  });

  it('imports several modules and a package from /var/task, and layers from /opt/python', () => {
    const env = start(
      spec({
        handler: 'app/main.handler',
        code: {
          'app/__init__.py': '',
          'app/main.py':
            'from app.pricing import total\nimport shared\ndef handler(event, context):\n    return [total(event["items"]), shared.VERSION, shared.__file__]\n',
          'app/pricing.py':
            'from .tax import RATE\ndef total(items):\n    return round(sum(items) * (1 + RATE), 2)\n',
          'app/tax.py': 'RATE = 0.25\n',
        },
        layers: [
          {
            arn: 'arn:aws:lambda:us-east-1:123456789012:layer:shared:1',
            files: { 'python/shared.py': 'VERSION = "1.0"\n' },
          },
        ],
      }),
    );
    expect(call(env, { items: [10, 30] })).toEqual([50, '1.0', '/opt/python/shared.py']);
    engine.destroy(env.envId);
  });

  it('the same module name in two environments with different code stays separate', () => {
    const a = start(
      spec({
        code: {
          'lambda_function.py': 'from helper import NAME\ndef lambda_handler(e, c):\n    return NAME\n',
          'helper.py': 'NAME = "a"\n',
        },
      }),
    );
    const b = start(
      spec({
        code: {
          'lambda_function.py': 'from helper import NAME\ndef lambda_handler(e, c):\n    return NAME\n',
          'helper.py': 'NAME = "b"\n',
        },
      }),
    );
    expect([call(a), call(b), call(a)]).toEqual(['a', 'b', 'a']);
    engine.destroy(a.envId);
    engine.destroy(b.envId);
  });

  it('the first environment of a new engine is already sealed: its patch to a shared module stays its own', async () => {
    // The host may report the runtime ready before sealing it (workerCore.ts); the engine seals itself
    // before anything runs, even when the host never asks it to.
    const fresh = await loadEngine();
    const patcher = spec({
      code: handlerCode(
        'import json\njson.dumps = lambda *a, **k: "patched"\ndef lambda_handler(e, c):\n    return json.dumps(1)\n',
      ),
    });
    const reader = spec({
      code: handlerCode('import json\ndef lambda_handler(e, c):\n    return json.dumps([1])\n'),
    });
    expect(fresh.init(initRequest(patcher)).outcome.status).toBe('success');
    expect(fresh.init(initRequest(reader)).outcome.status).toBe('success');
    const invoke = (env: EnvSpec) => response(fresh.invoke(invokeRequest(env)));
    expect([invoke(patcher), invoke(reader), invoke(patcher)]).toEqual(['patched', '[1]', 'patched']);
  }, 60_000);
});

describe('file systems', () => {
  const TMP = `
import os
def lambda_handler(event, context):
    if event.get("write"):
        with open("/tmp/note.txt", "w") as f:
            f.write(event["write"])
    return sorted(os.listdir("/tmp"))
`;

  it('/tmp persists in an environment, is private to it, and is freed on destroy', () => {
    const a = start(spec({ code: handlerCode(TMP) }));
    const b = start(spec({ code: handlerCode(TMP) }));
    expect(call(a, { write: 'hello' })).toEqual(['note.txt']);
    expect(call(b)).toEqual([]);
    expect(call(a)).toEqual(['note.txt']);
    expect(engine.tmpUsedBytes(a.envId)).toBe(5);
    engine.destroy(a.envId);
    expect(engine.tmpUsedBytes(a.envId)).toBe(0);
    expect(call(b)).toEqual([]);
    engine.destroy(b.envId);
  });

  it('writing past ephemeral storage raises OSError "No space left on device"', () => {
    const source = `
import errno
def lambda_handler(event, context):
    chunk = b"x" * (256 * 1024)
    written = 0
    try:
        with open("/tmp/big.bin", "wb") as f:
            while True:
                f.write(chunk)
                f.flush()
                written += len(chunk)
    except OSError as error:
        return [written, error.errno == errno.ENOSPC, error.strerror]
`;
    const env = start(spec({ code: handlerCode(source), ephemeralStorageMb: 1 }));
    expect(call(env)).toEqual([1024 * 1024, true, 'No space left on device']);
    engine.destroy(env.envId);
  });

  it('/var/task and /opt are read-only', () => {
    const source = `
def lambda_handler(event, context):
    out = []
    for path in ("/var/task/new.py", "/var/task/lambda_function.py", "/opt/python/x.py"):
        try:
            open(path, "w").close()
            out.append("written")
        except OSError as error:
            out.append(error.strerror)
    return out
`;
    const env = start(
      spec({ code: handlerCode(source), layers: [{ arn: 'l', files: { 'python/y.py': '' } }] }),
    );
    expect(call(env)).toEqual(['Read-only file system', 'Read-only file system', 'Read-only file system']);
    engine.destroy(env.envId);
  });
});
