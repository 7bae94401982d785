/**
 * Says how a handler's Duration was obtained, for the result panel and the REPORT line's tooltip:
 * "1.40 ms = 0.10 ms of work on one vCPU × 13.8 at 128 MB (modeled)". The work is measured on this
 * machine and calibrated to a Lambda vCPU; the scale and the waits are modeled.
 */
import type { DurationModel } from '../sim';

const ms = (value: number) => `${value.toFixed(2)} ms`;

export function explainDuration(durationMs: number, model: DurationModel, memoryMb: number): string {
  if (model.workMs === null)
    return `${ms(durationMs)}: the handler was stopped before it finished (a timeout), so the limit is the Duration (modeled)`;
  const waits = model.waitMs > 0 ? ` + ${ms(model.waitMs)} waiting (time.sleep, AWS calls)` : '';
  return `${ms(durationMs)} = ${ms(model.workMs)} of work on one vCPU × ${model.cpuScale.toFixed(1)} at ${memoryMb.toLocaleString('en-US')} MB${waits} (modeled)`;
}

/** What "modeled" means here, for a tooltip. */
export const DURATION_MODEL_NOTE =
  'Modeled: the handler’s own Python work is measured on this machine (the lab’s overhead left out), ' +
  'converted to ms on one Lambda vCPU by a calibration benchmark the runtime runs on itself, then ' +
  'multiplied by the CPU share Lambda gives this memory (1,769 MB = one vCPU; no gain above it for one ' +
  'thread). time.sleep and AWS calls (5 ms each) add virtual time. Init runs at full CPU.';
