import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPyodide } from 'pyodide';
import { afterAll, describe, expect, it } from 'vitest';
import { makeSnapshot } from '../../../scripts/makeSnapshot.mjs';
import { createEngine, SITE_PACKAGES as ENGINE_SITE_PACKAGES } from '../engine/engine';
import { quickRun } from '../engine/quickRun';
import { handlerCode, initRequest, invokeRequest, spec } from '../engine/testSupport';
import { readPythonSources } from '../node/pythonSources';
import {
  createSnapshotExpander,
  expandSnapshot,
  MARKER,
  runtimeDigest,
  SITE_PACKAGES,
  sparseSnapshot,
} from './snapshotRuntime.mjs';

describe('the runtime inside the snapshot', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lab-snapshot-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('digests the same sources alike whether Vite or the Node reader keyed them', () => {
    const node = { 'lambda_lab_logs.py': 'a', 'shim/boto3/__init__.py': 'b' };
    const vite = { '../py/shim/boto3/__init__.py': 'b', '../py/lambda_lab_logs.py': 'a' };
    expect(runtimeDigest(vite)).toBe(runtimeDigest(node));
    expect(runtimeDigest({ ...node, 'lambda_lab_logs.py': 'a ' })).not.toBe(runtimeDigest(node));
    expect(SITE_PACKAGES).toBe(ENGINE_SITE_PACKAGES);
  });

  it('leaves zero pages out of the file and puts them back exactly', () => {
    const image = new Uint8Array(5 * 4096 + 100);
    image[7] = 1;
    image.fill(9, 2 * 4096 + 5, 3 * 4096 + 1);
    image[image.length - 1] = 3;
    const file = sparseSnapshot(image);
    expect(file.length).toBeLessThan(4 * 4096);
    expect(expandSnapshot(file)).toEqual(image);
    const other = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(expandSnapshot(other)).toBe(other);
  });

  it('expands the file as it streams in, in chunks of any size, to the same image', () => {
    const image = new Uint8Array(9 * 4096 + 17);
    for (let i = 0; i < image.length; i += 7) if ((i >> 12) % 3 !== 1) image[i] = (i % 251) + 1;
    const file = sparseSnapshot(image);
    for (const size of [1, 5, 13, 4096, 5000, file.length]) {
      const expander = createSnapshotExpander();
      for (let at = 0; at < file.length; at += size) expander.push(file.subarray(at, at + size));
      expect(expander.finish()).toEqual(image);
    }
    // The image exists once the header is in (to set the interpreter up early), and finish() fills it.
    const early = createSnapshotExpander();
    expect(early.image()).toBeNull();
    early.push(file.subarray(0, 11));
    expect(early.image()).toBeNull();
    early.push(file.subarray(11, file.length - 1));
    const image0 = early.image();
    expect(image0?.length).toBe(image.length);
    early.push(file.subarray(file.length - 1));
    expect(early.finish()).toBe(image0);
    expect(image0).toEqual(image);
    const cut = createSnapshotExpander();
    cut.push(file.subarray(0, file.length - 1));
    expect(() => cut.finish()).toThrow('ended early');
    const other = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const plain = createSnapshotExpander();
    plain.push(other.subarray(0, 3));
    plain.push(other.subarray(3));
    expect(plain.image()).toBeNull();
    expect(plain.finish()).toEqual(other);
  });

  it('holds the runtime loaded privately, which the engine starts when its sources match', async () => {
    const file = join(dir, 'snapshot.bin');
    const meta = await makeSnapshot(file);
    const sources = readPythonSources();
    expect(meta.runtime).toBe(runtimeDigest(sources));
    // The snapshot's sandbox start() is wrapped to leave a mark: it shows which copy the engine booted.
    const restore = async () => {
      const pyodide = await loadPyodide({ _loadSnapshot: expandSnapshot(readFileSync(file)) });
      pyodide.runPython(
        [
          'import builtins, sys',
          `sandbox = sys.modules[${JSON.stringify(MARKER)}].sandbox`,
          'real_start = sandbox.start',
          'def start(site_packages):',
          '    builtins.lab_test_snapshot_booted = True',
          '    return real_start(site_packages)',
          'sandbox.start = start',
        ].join('\n'),
        { globals: pyodide.toPy({}) },
      );
      return pyodide;
    };
    const run = (pyodide: Awaited<ReturnType<typeof restore>>, runtime: typeof sources) =>
      quickRun(createEngine(pyodide, runtime), {
        files: {
          'app.py': [
            'import builtins, importlib.util, sys',
            'def handler(event, context):',
            '    return {',
            '        "snapshotBooted": getattr(builtins, "lab_test_snapshot_booted", False),',
            '        "visible": sorted(n for n in sys.modules if n.startswith(("lambda_lab", "_lambda_lab"))),',
            '        "findable": importlib.util.find_spec("lambda_lab_runtime") is not None,',
            '    }',
          ].join('\n'),
        },
        handler: 'app.handler',
        eventJson: '{}',
      });

    const same = await restore();
    // Loaded, not booted: the runtime's modules are compiled, yet none is in sys.modules.
    expect(
      same.runPython(
        `import sys\nm = sys.modules[${JSON.stringify(MARKER)}]\n",".join(n for n in ["lambda_lab_runtime", "lambda_lab_envs", "lab_network", "lambda_lab_identity", "lambda_lab_syntax"] if n in m.sandbox._private and n not in sys.modules)`,
      ),
    ).toBe('lambda_lab_runtime,lambda_lab_envs,lab_network,lambda_lab_identity,lambda_lab_syntax');
    const report = run(same, sources);
    expect(report).toMatchObject({ ok: true });
    expect(JSON.parse(report.payloadJson)).toEqual({
      snapshotBooted: true,
      visible: [],
      findable: false,
    });

    // A runtime edited after the snapshot was made: the engine runs the edited files instead.
    const edited = {
      ...sources,
      'lambda_lab_runtime.py': `${sources['lambda_lab_runtime.py']}\nEDITED_AFTER_SNAPSHOT = True\n`,
    };
    const stale = run(await restore(), edited);
    expect(JSON.parse(stale.payloadJson)).toEqual({
      snapshotBooted: false,
      visible: [],
      findable: false,
    });
  }, 120_000);

  it('a runtime booted from the snapshot survives a handler that patches json, print and builtins', async () => {
    const file = join(dir, 'snapshot.bin');
    const engine = createEngine(
      await loadPyodide({ _loadSnapshot: expandSnapshot(readFileSync(file)) }),
      readPythonSources(),
    );
    const env = spec({
      code: handlerCode(
        [
          'import builtins, json',
          'def lambda_handler(event, context):',
          '    json.dumps = lambda *a, **k: "X"',
          '    builtins.len = lambda x: 0',
          '    builtins.print = None',
          '    return {"items": [1, 2]}',
        ].join('\n'),
      ),
    });
    expect(engine.init(initRequest(env)).outcome.status).toBe('success');
    expect(engine.invoke(invokeRequest(env)).outcome).toEqual({
      status: 'success',
      responseJson: '{"items": [1, 2]}',
    });
    const other = spec({
      code: handlerCode(
        'import json\ndef lambda_handler(e, c):\n    print("seen")\n    return json.dumps(len([1]))\n',
      ),
    });
    expect(engine.init(initRequest(other)).outcome.status).toBe('success');
    const report = engine.invoke(invokeRequest(other));
    expect(report.outcome).toEqual({ status: 'success', responseJson: '"1"' });
  }, 120_000);
});
