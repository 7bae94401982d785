/**
 * Power tuning in the lab, after the AWS Lambda Power Tuning tool: run the same function at several memory
 * sizes, average duration and per-invocation cost, and mark the cheapest and the fastest. Durations come
 * from the sim's CPU model (1,769 MB = one vCPU) and costs from the facts' prices: both are modeled.
 */
import { type CreateFunctionInput, limits } from '../../sim';
import { command, type SimLabFactory } from '../lab/simLab';
import { asKnown, type TraceLike } from '../trace/looseEvents';

export const DEFAULT_MEMORY_SIZES: readonly number[] = [128, 256, 512, 1024, 1536, 2048, 3008];

export interface PowerTuningInput {
  readonly createLab: SimLabFactory;
  readonly fn: Omit<CreateFunctionInput, 'memorySize'>;
  readonly memorySizes?: readonly number[];
  /** Warm invocations averaged per memory size (after one cold start that is reported apart). */
  readonly invocations?: number;
  /**
   * Share of the slowest and of the fastest warm results left out of the averages, as the AWS Lambda
   * Power Tuning tool's `discardTopBottom` (default 0.2 there and here): one noisy run cannot move a point.
   */
  readonly discardTopBottom?: number;
  readonly payloadJson?: string;
  /** Called after each memory size, for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface PowerTuningPoint {
  readonly memoryMb: number;
  readonly invocations: number;
  readonly avgDurationMs: number;
  readonly avgBilledDurationMs: number;
  /** Per invocation: billed GB-s times the architecture's price plus the request price (modeled). */
  readonly avgCostUsd: number;
  readonly coldInitMs: number | null;
  readonly errors: number;
}

export interface PowerTuningResult {
  readonly points: readonly PowerTuningPoint[];
  readonly cheapestMb: number | null;
  readonly fastestMb: number | null;
  readonly architecture: 'x86_64' | 'arm64';
  /** Set when a memory size could not run (e.g. a refused configuration). */
  readonly failures: readonly { readonly memoryMb: number; readonly error: string }[];
}

const RELATIVE_TIE = 1e-9;

export async function runPowerTuning(input: PowerTuningInput): Promise<PowerTuningResult> {
  const sizes = input.memorySizes ?? DEFAULT_MEMORY_SIZES;
  const n = Math.max(1, input.invocations ?? 10);
  const arch = input.fn.architectures?.[0] === 'arm64' ? 'arm64' : 'x86_64';
  const pricePerGbS = arch === 'arm64' ? limits.PRICE_GB_S_ARM_USD : limits.PRICE_GB_S_X86_USD;
  const points: PowerTuningPoint[] = [];
  const failures: { memoryMb: number; error: string }[] = [];
  for (const [i, memoryMb] of sizes.entries()) {
    const lab = await input.createLab();
    const name = input.fn.functionName;
    try {
      const error = await command(lab, (w) => w.createFunction({ ...input.fn, memorySize: memoryMb }));
      if (error) {
        failures.push({ memoryMb, error });
        continue;
      }
      // One request at a time, each after the previous one ended, so the first is the only cold start.
      for (let k = 0; k <= n; k++) {
        const refused = await command(lab, (w) =>
          w.invoke({ functionName: name, payloadJson: input.payloadJson ?? '{}' }),
        );
        if (refused) break;
        await lab.runUntilIdle();
      }
      points.push(
        summarize(lab.world.trace.events, name, memoryMb, pricePerGbS, input.discardTopBottom ?? 0.2),
      );
    } finally {
      await lab.dispose?.();
      input.onProgress?.(i + 1, sizes.length);
    }
  }
  return { points, ...pick(points), architecture: arch, failures };
}

function summarize(
  events: readonly TraceLike[],
  name: string,
  memoryMb: number,
  pricePerGbS: number,
  discard: number,
): PowerTuningPoint {
  const runs: { duration: number; billed: number; cost: number }[] = [];
  let errors = 0;
  let coldInitMs: number | null = null;
  for (const loose of events) {
    const e = asKnown(loose);
    if (e.name !== 'lambda.invoke.end' || e.functionName !== name) continue;
    if (e.initDurationMs !== null) {
      coldInitMs = e.initDurationMs;
      continue;
    }
    const cost = (e.billedDurationMs / 1000) * (memoryMb / 1024) * pricePerGbS + limits.PRICE_PER_REQUEST_USD;
    runs.push({ duration: e.durationMs, billed: e.billedDurationMs, cost });
    if (e.status !== 'success') errors++;
  }
  runs.sort((a, b) => a.duration - b.duration);
  const cut = Math.floor(runs.length * Math.min(Math.max(discard, 0), 0.49));
  const kept = runs.slice(cut, runs.length - cut);
  const avg = (pick: (r: (typeof runs)[number]) => number) =>
    kept.length === 0 ? Number.NaN : kept.reduce((sum, r) => sum + pick(r), 0) / kept.length;
  return {
    memoryMb,
    invocations: runs.length,
    avgDurationMs: avg((r) => r.duration),
    avgBilledDurationMs: avg((r) => r.billed),
    avgCostUsd: avg((r) => r.cost),
    coldInitMs,
    errors,
  };
}

/** Cheapest (ties: the faster) and fastest (ties: the cheaper), over points that ran without errors. */
function pick(points: readonly PowerTuningPoint[]): { cheapestMb: number | null; fastestMb: number | null } {
  const ok = points.filter((p) => p.errors === 0 && p.invocations > 0);
  const better = (a: number, b: number) => a < b * (1 - RELATIVE_TIE);
  const same = (a: number, b: number) => !better(a, b) && !better(b, a);
  let cheapest: PowerTuningPoint | null = null;
  let fastest: PowerTuningPoint | null = null;
  for (const p of ok) {
    if (
      !cheapest ||
      better(p.avgCostUsd, cheapest.avgCostUsd) ||
      (same(p.avgCostUsd, cheapest.avgCostUsd) && p.avgDurationMs < cheapest.avgDurationMs)
    )
      cheapest = p;
    if (
      !fastest ||
      better(p.avgDurationMs, fastest.avgDurationMs) ||
      (same(p.avgDurationMs, fastest.avgDurationMs) && p.avgCostUsd < fastest.avgCostUsd)
    )
      fastest = p;
  }
  return { cheapestMb: cheapest?.memoryMb ?? null, fastestMb: fastest?.memoryMb ?? null };
}
