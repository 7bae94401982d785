/** Test support: a fixture folder as app files, and a lab world built from it on a shared Node runtime. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createLabRunner, type LabRunner } from '../host/labRunner';
import { createLabWorld, type LabWorld } from '../host/labWorld';
import { createNodeRuntime, type NodeRuntime, type NodeRuntimeOptions } from '../runtime/node/nodeRuntime';
import type { RuntimePort } from '../sim';
import { appInput } from './appFiles';
import { type BuiltApp, buildSamApp } from './buildApp';
import { readSamTemplate } from './readTemplate';

/** A Node runtime whose Python has booted (call it in beforeAll: the boot counts against the hook's limit). */
export async function bootedRuntime(awsCall: NodeRuntimeOptions['awsCall']): Promise<NodeRuntime> {
  const runtime = createNodeRuntime({ awsCall });
  await runtime.quickRun({
    files: { 'boot.py': 'def h(e, c):\n    return 1\n' },
    handler: 'boot.h',
    eventJson: '{}',
  });
  return runtime;
}

export const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

export function fixtureFiles(name: string): Record<string, string> {
  const root = join(FIXTURES, name);
  const out: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${entry}/`);
      else out[`${prefix}${entry}`] = readFileSync(path, 'utf8');
    }
  };
  walk(root, '');
  return out;
}

export interface FixtureLab {
  readonly lab: LabWorld;
  readonly runner: LabRunner;
  readonly built: BuiltApp;
  /** A console call that must succeed (resources set up or inspected by the test). */
  call(service: string, operation: string, params: Record<string, unknown>): Record<string, unknown>;
}

/** A router the shared runtime's boto3 calls go through, to whichever lab a test built last. */
export function createTestRouter() {
  let current: LabWorld | null = null;
  return {
    awsCall: (json: string) =>
      current?.awsCall(json) ??
      '{"kind":"error","error":{"code":"NoLab","message":"no lab","httpStatus":500,"errorKind":"client"}}',
    async build(
      runtime: RuntimePort,
      files: Record<string, string>,
      overrides: Record<string, string> = {},
      seed = 1,
    ): Promise<FixtureLab> {
      const lab = createLabWorld({ seed, startTimeMs: Date.UTC(2026, 10, 26, 12), access: 'basic' });
      current = lab;
      const runner = createLabRunner(lab.world, runtime);
      const input = appInput(files);
      const built = await buildSamApp(lab, runner, (ids) =>
        readSamTemplate({ ...input, parameterOverrides: overrides, ids }),
      );
      const call = (service: string, operation: string, params: Record<string, unknown>) => {
        const r = lab.consoleCall(service, operation, params as never);
        if (r.kind !== 'result') throw new Error(`${operation}: ${JSON.stringify(r)}`);
        return r.result as Record<string, unknown>;
      };
      return { lab, runner, built, call };
    },
  };
}
