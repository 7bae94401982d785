/**
 * Says how a handler's Duration was obtained, for the result panel and the REPORT line's tooltip:
 * "1.52 ms = 0.02 ms of work on one vCPU (measured here, calibrated) × 13.8 at 128 MB + 1.20 ms Lambda
 * runtime (modeled)". The work is measured on this machine and calibrated to a Lambda vCPU (the
 * learner's own runs) or counted (checks, demos, scenarios); the scale, the waits and the runtime's
 * part are modeled.
 */
import type { DurationModel } from '../sim';

const ms = (value: number) => `${value.toFixed(2)} ms`;

const HOW: Record<DurationModel['work'], string> = {
  measured: 'measured here, calibrated',
  counted: 'counted, the same on any machine',
};

export function explainDuration(durationMs: number, model: DurationModel, memoryMb: number): string {
  if (model.workMs === null)
    return `${ms(durationMs)}: the handler was stopped before it finished (a timeout), so the limit is the Duration (modeled)`;
  const waits = model.waitMs > 0 ? ` + ${ms(model.waitMs)} waiting (time.sleep, AWS calls)` : '';
  const runtime = model.runtimeMs > 0 ? ` + ${ms(model.runtimeMs)} Lambda runtime` : '';
  const how =
    model.work === 'measured' && model.loadShare !== undefined
      ? `${HOW.measured}, load-corrected (estimated: ${Math.round(model.loadShare * 100)}% of a core)`
      : HOW[model.work];
  const work = `${ms(model.workMs)} of work on one vCPU (${how})`;
  return `${ms(durationMs)} = ${work} × ${model.cpuScale.toFixed(1)} at ${memoryMb.toLocaleString('en-US')} MB${waits}${runtime} (modeled)`;
}

/** What "modeled", "measured" and "counted" mean here, for a tooltip. */
export const DURATION_MODEL_NOTE =
  'Modeled. The handler’s own Python work (the lab’s overhead left out) is either measured on this ' +
  'machine and converted to ms on one Lambda vCPU by a calibration benchmark the runtime runs on itself ' +
  '(your own tests), or counted from the Python steps the function runs, a fixed cost each (exercise ' +
  'checks, demos and scenarios, so their verdicts are the same on any machine). It is multiplied by the ' +
  'CPU share Lambda gives this memory (1,769 MB = one vCPU; no gain above it for one thread). time.sleep ' +
  'and AWS calls (5 ms each) add virtual time, and each invoke adds 1.2 ms for Lambda’s runtime (its ' +
  'Runtime API round trip). Init runs at full CPU. In a browser, time the worker waited for a busy core ' +
  'is taken out by an estimate (load-corrected, estimated); Node on Linux reads it from the scheduler.';
