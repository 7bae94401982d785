import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPyodide } from 'pyodide';
import { afterAll, describe, expect, it } from 'vitest';
import { makeSnapshot } from '../../../scripts/makeSnapshot.mjs';
import { createEngine, SITE_PACKAGES as ENGINE_SITE_PACKAGES } from '../engine/engine';
import { quickRun } from '../engine/quickRun';
import { readPythonSources } from '../node/pythonSources';
import {
  forgetStaleRuntime,
  MARKER,
  runtimeDigest,
  runtimeModuleNames,
  runtimeOwnModules,
  SITE_PACKAGES,
} from './snapshotRuntime.mjs';

describe('the runtime inside the snapshot', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lab-snapshot-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('digests the same sources alike whether Vite or the Node reader keyed them', () => {
    const node = { 'lambda_lab_logs.py': 'a', 'shim/boto3/__init__.py': 'b' };
    const vite = { '../py/shim/boto3/__init__.py': 'b', '../py/lambda_lab_logs.py': 'a' };
    expect(runtimeDigest(vite)).toBe(runtimeDigest(node));
    expect(runtimeDigest({ ...node, 'lambda_lab_logs.py': 'a ' })).not.toBe(runtimeDigest(node));
    expect(runtimeModuleNames(vite)).toEqual(['lambda_lab_logs', 'boto3']);
    expect(runtimeModuleNames({ 'shim/botocore/client.py': '' })).toEqual(['botocore.client']);
    expect(SITE_PACKAGES).toBe(ENGINE_SITE_PACKAGES);
  });

  it('keeps the imported runtime when the sources match and re-imports it when they changed', async () => {
    const file = join(dir, 'snapshot.bin');
    const meta = await makeSnapshot(file);
    const sources = readPythonSources();
    expect(meta.runtime).toBe(runtimeDigest(sources));
    const restore = async () => {
      const pyodide = await loadPyodide({ _loadSnapshot: readFileSync(file) });
      pyodide.registerJsModule('lab_host', { aws_call: () => '{}' });
      return pyodide;
    };

    const loaded = (pyodide: Awaited<ReturnType<typeof restore>>) =>
      runtimeOwnModules(sources).filter((name) =>
        pyodide.runPython(`import sys\n${JSON.stringify(name)} in sys.modules`),
      );
    const kept = runtimeOwnModules(sources).filter(
      (name) => !meta.runtimeLeftOut.some((left) => left.startsWith(`${name} `)),
    );
    expect(kept.length).toBeGreaterThan(0);
    const same = await restore();
    same.runPython(forgetStaleRuntime(sources));
    expect(loaded(same)).toEqual(expect.arrayContaining(kept));
    expect(same.runPython(`import sys\n${JSON.stringify(MARKER)} in sys.modules`)).toBe(false);

    // A runtime edited after the snapshot was made: the engine must run the edited code.
    const edited = {
      ...sources,
      'lambda_lab_runtime.py': `${sources['lambda_lab_runtime.py']}\nEDITED_AFTER_SNAPSHOT = True\n`,
    };
    const stale = await restore();
    stale.runPython(forgetStaleRuntime(edited));
    expect(loaded(stale)).toEqual([]);
    // Nothing stale is left, so the engine imports the edited files; and it runs.
    const engine = createEngine(stale, edited);
    const report = quickRun(engine, {
      files: { 'app.py': 'def handler(event, context):\n    return event\n' },
      handler: 'app.handler',
      eventJson: '{"ok": 1}',
    });
    expect(report).toMatchObject({ ok: true, payloadJson: '{"ok": 1}' });
  }, 120_000);
});
