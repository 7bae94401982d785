/**
 * Test support for the console and the read models: a real lab world (services and all) with the scripted
 * runtime behind a real runner, plus a function to trigger.
 */

import { createLabRunner } from '../../host/labRunner';
import { createLabWorld, LAB_ROLE_ARN } from '../../host/labWorld';
import { createFakeRuntime, type FakeRuntime, type FakeScript, utcMs } from '../../sim';
import type { LiveWorld } from './consoleCall';

export const CONSOLE_TEST_START_MS = utcMs(2026, 11, 27, 9, 0, 0, 0);

export interface ConsoleTestLab extends LiveWorld {
  readonly runtime: FakeRuntime;
  /** Creates a Python function (the scripted runtime decides what it does). */
  addFunction(name: string, options?: { memoryMb?: number; timeoutS?: number }): Promise<void>;
  /** Moves virtual time as the workspace clock would while playing. */
  advance(ms: number): Promise<void>;
  /** Request ids of finished invocations of a function, in order. */
  invocations(functionName: string): string[];
}

export const failing = (message = 'boom') => ({
  outcome: {
    status: 'error' as const,
    error: { errorMessage: message, errorType: 'Exception', requestId: '', stackTrace: [] },
  },
});

export function createConsoleTestLab(script: FakeScript = {}): ConsoleTestLab {
  const lab = createLabWorld({ seed: 7, startTimeMs: CONSOLE_TEST_START_MS, access: 'admin' });
  const runtime = createFakeRuntime(script);
  const runner = createLabRunner(lab.world, runtime);
  return {
    lab,
    runner,
    runtime,
    async addFunction(name, options = {}) {
      const r = await runner.command((w) =>
        w.createFunction({
          functionName: name,
          role: LAB_ROLE_ARN,
          runtime: 'python3.13',
          handler: 'lambda_function.lambda_handler',
          code: {
            files: { 'lambda_function.py': 'def lambda_handler(event, context):\n    return event\n' },
          },
          memorySize: options.memoryMb ?? 128,
          timeout: options.timeoutS ?? 3,
        }),
      );
      if (!r.ok) throw new Error(r.error.message);
    },
    advance: (ms) => runner.advanceBy(ms),
    invocations: (functionName) =>
      lab.world.trace.events.flatMap((e) =>
        e.name === 'lambda.invoke.end' && e.functionName === functionName ? [e.requestId] : [],
      ),
  };
}
