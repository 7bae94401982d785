/**
 * Test support for services driven by real Python handlers: one Pyodide runtime in Node for a test file, a
 * fresh admin lab world per test, functions created from source, and console calls that must succeed.
 */
import { createNodeRuntime, type NodeRuntime } from '../../runtime/node/nodeRuntime';
import type { JsonObject } from '../../sim/services/json';
import { createLabRunner, type LabRunner } from '../labRunner';
import { createLabWorld, LAB_ROLE_ARN, type LabWorld } from '../labWorld';

export interface PythonServiceLab {
  readonly lab: LabWorld;
  readonly runner: LabRunner;
  /** Creates a Python 3.13 function whose lambda_function.py is `code`. */
  addFunction(name: string, code: string, timeoutS?: number): Promise<void>;
  /** A console call that must succeed; returns its result. */
  ok(service: string, operation: string, params: JsonObject): JsonObject;
  /** Invokes synchronously and returns the parsed payload, failing on a function error. */
  invoke(name: string, event?: JsonObject): Promise<unknown>;
}

export interface PythonServiceHost {
  fresh(seed: number): PythonServiceLab;
  close(): Promise<void>;
}

export function createPythonServiceHost(): PythonServiceHost {
  let current: LabWorld | null = null;
  // The runtime answers boto3 calls against whichever lab world the current test uses.
  const runtime: NodeRuntime = createNodeRuntime({
    awsCall: (json) => {
      if (!current) throw new Error('no lab world');
      return current.awsCall(json);
    },
  });
  return {
    fresh(seed) {
      const lab = createLabWorld({ seed, startTimeMs: Date.UTC(2026, 10, 26), access: 'admin' });
      current = lab;
      const runner = createLabRunner(lab.world, runtime);
      const ok: PythonServiceLab['ok'] = (service, operation, params) => {
        const r = lab.consoleCall(service, operation, params);
        if (r.kind !== 'result') throw new Error(`${service}.${operation}: ${JSON.stringify(r)}`);
        return r.result;
      };
      return {
        lab,
        runner,
        ok,
        async addFunction(name, code, timeoutS = 10) {
          const r = await runner.command((w) =>
            w.createFunction({
              functionName: name,
              role: LAB_ROLE_ARN,
              runtime: 'python3.13',
              handler: 'lambda_function.lambda_handler',
              timeout: timeoutS,
              memorySize: 1769,
              code: { files: { 'lambda_function.py': code } },
            }),
          );
          if (!r.ok) throw new Error(r.error.message);
        },
        async invoke(name, event = {}) {
          const { response } = await runner.invoke({
            functionName: name,
            payloadJson: JSON.stringify(event),
          });
          if (!response) throw new Error('no response');
          if (response.functionError !== null) throw new Error(`${name} failed: ${response.payloadJson}`);
          return JSON.parse(response.payloadJson) as unknown;
        },
      };
    },
    close: () => runtime.close(),
  };
}
