/**
 * Handlers that try what a curious student tries (issue 15): the lab's internals and Pyodide's bridges
 * stay out of reach, a patch made in one environment is never seen in another, and the runtime keeps
 * working after anything a handler does. Real Python in Node; the worker and CLI cases are in
 * hostile.worker.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { EnvSpec, RunReport } from '../../sim/runtimePort';
import type { Engine } from './engine';
import { handlerCode, initRequest, invokeRequest, loadEngine, spec } from './testSupport';

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

function start(source: string, overrides: Partial<EnvSpec> = {}): EnvSpec {
  const env = spec({ code: handlerCode(source), ...overrides });
  const report = engine.init(initRequest(env));
  expect(report.outcome, JSON.stringify(report)).toEqual({ status: 'success', responseJson: 'null' });
  return env;
}

function response(report: RunReport): unknown {
  if (report.outcome.status !== 'success') throw new Error(`not a success: ${JSON.stringify(report)}`);
  return JSON.parse(report.outcome.responseJson);
}

const call = (env: EnvSpec, event: unknown = {}) => response(engine.invoke(invokeRequest(env, event)));
const lines = (report: RunReport) => report.logs.map((line) => line.text);

/** Reads back what a fresh environment sees of everything the hostile handlers below change. */
const OBSERVER = `
import builtins, decimal, json, os, sys, time, warnings
print("observer prints")
def lambda_handler(event, context):
    print("observer handler prints")
    return {
        "builtins_mark": hasattr(builtins, "lab_mark"),
        "json_dumps": json.dumps({"a": 1}),
        "json_mark": hasattr(json, "lab_mark"),
        "encoder_default": json.JSONEncoder.default.__name__,
        "stdout": type(sys.stdout).__name__,
        "print": print.__name__,
        "time_is_zero": time.time() == 0,
        "recursion_limit": sys.getrecursionlimit(),
        "path_mark": "/lab-mark" in sys.path,
        "cwd": os.getcwd(),
        "precision": decimal.getcontext().prec,
        "filters": len(warnings.filters),
        "meta_path": len(sys.meta_path),
        "int_digits": sys.get_int_max_str_digits(),
    }
`;

const PATCHER = `
import builtins, decimal, json, os, sys, time, warnings, io
def lambda_handler(event, context):
    builtins.lab_mark = 1
    json.lab_mark = 1
    json.dumps = lambda *args, **kwargs: "patched"
    json.JSONEncoder.default = lambda self, o: "patched"
    sys.stdout = io.StringIO()
    builtins.print = lambda *args, **kwargs: None
    time.time = lambda: 0
    sys.setrecursionlimit(120)
    sys.path.append("/lab-mark")
    os.chdir("/tmp")
    decimal.getcontext().prec = 3
    warnings.simplefilter("ignore")
    sys.meta_path.insert(0, object())
    sys.set_int_max_str_digits(1000)
    return "patched"
`;

describe('the lab is out of reach', () => {
  const HIDDEN = [
    'lambda_lab_runtime',
    'lambda_lab_envs',
    'lambda_lab_logs',
    'lambda_lab_clock',
    'lambda_lab_sandbox',
    'lab_host',
    'lab_network',
    'lab_fs',
    'js',
    'pyodide',
    'pyodide.ffi',
    'pyodide_js',
    '_pyodide',
    '_pyodide_core',
  ];

  it('the lab modules and Pyodide bridges raise ModuleNotFoundError however they are imported, and find_spec says None', () => {
    const env = start(`
import importlib, importlib.util, sys
def lambda_handler(event, context):
    out = {}
    for name in event["names"]:
        seen = []
        for how in ("statement", "importlib", "__import__"):
            try:
                if how == "statement":
                    exec(f"import {name}", {})
                elif how == "importlib":
                    importlib.import_module(name)
                else:
                    __import__(name)
                seen.append("imported")
            except ModuleNotFoundError as error:
                seen.append(str(error))
        seen.append(name in sys.modules)
        seen.append(importlib.util.find_spec(name) is None)
        out[name] = seen
    return out
`);
    const result = call(env, { names: HIDDEN }) as Record<string, unknown[]>;
    for (const name of HIDDEN) {
      // As CPython words it: `import pyodide.ffi` fails on its top-level package.
      const missing = `No module named '${name.split('.')[0]}'`;
      expect(result[name], name).toEqual([missing, missing, missing, false, true]);
    }
    engine.destroy(env.envId);
  });

  it('nothing of the lab is left in __main__, builtins or sys.modules', () => {
    const env = start(`
import builtins, sys, __main__
def lambda_handler(event, context):
    names = list(sys.modules) + dir(builtins) + dir(__main__)
    lab = ("lambda_lab", "lab_", "js.", "pyodide", "_pyodide", "sandbox")
    return sorted({n for n in names if n == "js" or n.startswith(lab)})
`);
    expect(call(env)).toEqual([]);
    engine.destroy(env.envId);
  });

  it('a handler that removes the import blocker still cannot import the lab (it is put back each phase)', () => {
    const env = start(`
import sys
def lambda_handler(event, context):
    removed = [f for f in sys.meta_path if type(f).__name__ == "_Blocker"]
    for f in removed:
        sys.meta_path.remove(f)
    try:
        import js
        return ["imported js", len(removed)]
    except ModuleNotFoundError:
        return ["no js", len(removed)]
`);
    expect(call(env)).toEqual(['no js', 1]);
    expect(call(env)).toEqual(['no js', 1]);
    engine.destroy(env.envId);
  });
});

describe('one environment never sees another one’s changes', () => {
  it('patched modules, builtins, stdout, print, time, recursion limit, sys.path, cwd, decimal, warnings', () => {
    const clean = start(OBSERVER);
    const before = call(clean);
    const patcher = start(PATCHER);
    expect(call(patcher)).toBe('patched');
    const fresh = spec({ code: handlerCode(OBSERVER) });
    expect(lines(engine.init(initRequest(fresh)))).toEqual(['observer prints']);
    const invoked = engine.invoke(invokeRequest(fresh));
    expect(lines(invoked)).toEqual(['observer handler prints']);
    expect(response(invoked)).toEqual(before);
    expect(call(clean)).toEqual(before);
    expect(before).toMatchObject({
      builtins_mark: false,
      json_dumps: '{"a": 1}',
      stdout: '_LineStream',
      print: 'print',
      time_is_zero: false,
      cwd: '/var/task',
    });
    engine.destroy(clean.envId);
    engine.destroy(patcher.envId);
    engine.destroy(fresh.envId);
  });

  it('an environment keeps its own changes across a switch', () => {
    const source = `
import json, os, sys
def lambda_handler(event, context):
    if event.get("patch"):
        json.lab_mark = "mine"
        sys.setrecursionlimit(200)
        os.chdir("/tmp")
    return [getattr(json, "lab_mark", None), sys.getrecursionlimit(), os.getcwd()]
`;
    const a = start(source);
    const b = start(source);
    const limit = (call(b) as unknown[])[1];
    expect(call(a, { patch: true })).toEqual(['mine', 200, '/tmp']);
    expect(call(b)).toEqual([null, limit, '/var/task']);
    expect(call(a)).toEqual(['mine', 200, '/tmp']);
    engine.destroy(a.envId);
    engine.destroy(b.envId);
  });

  it('module and class changes made in any later invoke stay in their environment', () => {
    const source = `
import json, logging
def lambda_handler(event, context):
    mark = event.get("mark")
    if mark:
        json.lab_mark = mark
        logging.Logger.lab_mark = mark
    return [getattr(json, "lab_mark", None), getattr(logging.Logger, "lab_mark", None)]
`;
    const a = start(source);
    const b = start(source);
    for (const mark of ['one', 'two', 'three']) {
      expect(call(a, { mark })).toEqual([mark, mark]);
      expect(call(b)).toEqual([null, null]);
      expect(call(a)).toEqual([mark, mark]);
    }
    engine.destroy(a.envId);
    engine.destroy(b.envId);
  });

  it('modules an environment imports are its own', () => {
    const source = `
import csv
def lambda_handler(event, context):
    if event.get("patch"):
        csv.lab_mark = True
    return getattr(csv, "lab_mark", False)
`;
    const a = start(source);
    const b = start(source);
    expect(call(a, { patch: true })).toBe(true);
    expect(call(b)).toBe(false);
    engine.destroy(a.envId);
    engine.destroy(b.envId);
  });

  it('another environment’s /tmp and another function’s code cannot be read by path', () => {
    const writer = start(
      'def lambda_handler(e, c):\n    open("/tmp/secret.txt", "w").write("mine")\n    return "ok"\n',
    );
    expect(call(writer)).toBe('ok');
    const reader = start(`
import glob, os
def lambda_handler(event, context):
    out = {}
    for path in ("/lambda-lab", "/lambda-lab/envs", "/lambda-lab/code", "/lambda-lab/envs/e1/tmp"):
        try:
            out[path] = os.listdir(path)
        except OSError as error:
            out[path] = error.strerror
    out["glob"] = glob.glob("/lambda-lab/envs/*/tmp/*")
    return out
`);
    const seen = call(reader) as Record<string, unknown>;
    expect(seen['/lambda-lab']).toBe('Permission denied');
    expect(seen['/lambda-lab/envs']).toBe('Permission denied');
    expect(seen['/lambda-lab/code']).toBe('Permission denied');
    expect(seen['/lambda-lab/envs/e1/tmp']).toBe('Permission denied');
    expect(seen.glob).toEqual([]);
    // The writer still has its file: the lock is only on paths, not on the environment's own /tmp.
    expect(call(writer)).toBe('ok');
    engine.destroy(writer.envId);
    engine.destroy(reader.envId);
  });
});

describe('the runtime cannot be broken from inside', () => {
  it('marshalling, log capture and the figures survive a handler that replaces json, print, stdout, time and logging', () => {
    const env = start(`
import builtins, json, logging, sys, time
def lambda_handler(event, context):
    print("before the patches")
    json.dumps = lambda *a, **k: "X"
    json.loads = lambda *a, **k: "X"
    json.JSONEncoder.encode = lambda self, o: "X"
    time.time = lambda: 0
    time.perf_counter = lambda: 0
    logging.getLogger = None
    builtins.len = lambda x: 0
    builtins.isinstance = lambda *a: False
    return {"price": 2, "items": [1, 2]}
`);
    const first = engine.invoke(invokeRequest(env));
    expect(first.outcome).toEqual({ status: 'success', responseJson: '{"price": 2, "items": [1, 2]}' });
    expect(lines(first)).toEqual(['before the patches']);
    const second = engine.invoke(invokeRequest(env));
    expect(second.outcome.status, JSON.stringify(second.outcome)).toBe('success');
    expect(second.cpuMs).toBeGreaterThan(0);
    const other = start(
      'def lambda_handler(e, c):\n    print("still logged")\n    return {"ok": len([1])}\n',
    );
    const report = engine.invoke(invokeRequest(other));
    expect(report.outcome).toEqual({ status: 'success', responseJson: '{"ok": 1}' });
    expect(lines(report)).toEqual(['still logged']);
    engine.destroy(env.envId);
    engine.destroy(other.envId);
  });

  it('an error payload is still built when the handler broke traceback and the exception’s str()', () => {
    const env = start(`
import traceback
class Odd(Exception):
    def __str__(self):
        raise RuntimeError("no")
def lambda_handler(event, context):
    traceback.extract_tb = None
    traceback.format_list = None
    if event.get("odd"):
        raise Odd()
    raise ValueError("plain")
`);
    const odd = engine.invoke(invokeRequest(env, { odd: true }));
    expect(odd.outcome).toMatchObject({ status: 'error', error: { errorType: 'Odd', stackTrace: [] } });
    const report = engine.invoke(invokeRequest(env));
    expect(report.outcome).toMatchObject({
      status: 'error',
      error: { errorType: 'ValueError', errorMessage: 'plain' },
    });
    engine.destroy(env.envId);
  });

  it('a handler that swaps sys.modules entries or deletes them does not break a new environment', () => {
    const env = start(`
import sys
def lambda_handler(event, context):
    sys.modules["json"] = None
    del sys.modules["os"]
    sys.path_importer_cache.clear()
    sys.path_hooks.clear()
    return "done"
`);
    expect(call(env)).toBe('done');
    const fresh = start('import json, os\ndef lambda_handler(e, c):\n    return [json.dumps(1), os.sep]\n');
    expect(call(fresh)).toEqual(['1', '/']);
    engine.destroy(env.envId);
    engine.destroy(fresh.envId);
  });
});

describe('the network guard', () => {
  it('a handler that patches socket cannot take the guard away from another environment', () => {
    const patcher = start(`
import socket, urllib.request
def lambda_handler(event, context):
    socket.getaddrinfo = lambda *a, **k: []
    socket.create_connection = lambda *a, **k: None
    urllib.request.urlopen = lambda *a, **k: "fake"
    return "patched"
`);
    expect(call(patcher)).toBe('patched');
    const other = start(`
import socket
def lambda_handler(event, context):
    try:
        socket.getaddrinfo("example.com", 443)
        return "resolved"
    except OSError as error:
        return str(error)
`);
    expect(call(other)).toMatch(
      /^\[Errno 101\] Lambda Lab is offline: the simulated function cannot reach example\.com/,
    );
    engine.destroy(patcher.envId);
    engine.destroy(other.envId);
  });
});

describe('timeouts, as on Lambda', () => {
  it('a handler that catches the deadline raised by time.sleep stops there, with what it logged', () => {
    const env = start(
      `
import time
def lambda_handler(event, context):
    print("sleeping")
    for _ in range(100):  # bounded: without the stop this test fails instead of hanging
        try:
            time.sleep(10)
        except BaseException:
            print("caught it")
`,
      { timeoutMs: 1000 },
    );
    const report = engine.invoke(invokeRequest(env));
    expect(report.outcome).toEqual({ status: 'timeout' });
    expect(lines(report)).toEqual(['sleeping']);
    expect(engine.init(initRequest(env)).outcome.status).toBe('success');
    engine.destroy(env.envId);
  });
});

describe('exits, as on Lambda', () => {
  it('sys.exit(n) and os._exit(n) end the phase with "exit status n" and keep what was printed', () => {
    const env = start(`
import os, sys
def lambda_handler(event, context):
    print("before exit")
    if event["how"] == "os":
        try:
            os._exit(event["code"])
        except BaseException:
            print("swallowed")
        print("kept running")
        return "not reached"
    sys.exit(event["code"])
`);
    for (const [how, code] of [
      ['sys', 3],
      ['os', 0],
      ['os', 7],
    ] as const) {
      const report = engine.invoke(invokeRequest(env, { how, code }));
      expect(report.outcome).toEqual({ status: 'crash', message: `exit status ${code}` });
      expect(lines(report)).toEqual(['before exit']);
      // The process is gone: the environment needs a new init, which works.
      expect(engine.init(initRequest(env)).outcome.status).toBe('success');
    }
    engine.destroy(env.envId);
  });
});
