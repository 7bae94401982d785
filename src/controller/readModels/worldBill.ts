/**
 * The bill against the monthly free tier, read from the world's own billing (facts §8): requests and
 * GB-seconds used, what the free tier covers, and the modeled cost beyond it at the facts' prices.
 */
import { type Bill, limits, type TraceEvent } from '../../sim';
import type { WorldSource } from './worldResources';

export interface FunctionCharges {
  readonly functionName: string;
  readonly requests: number;
  readonly gbSeconds: number;
  /** List price before the free tier (requests + duration), from the charges the world recorded. */
  readonly listUsd: number;
}

export interface BillView {
  readonly bill: Bill;
  readonly requests: { readonly used: number; readonly free: number; readonly beyond: number };
  readonly gbSeconds: { readonly used: number; readonly free: number; readonly beyond: number };
  readonly prices: {
    readonly perMillionRequestsUsd: number;
    readonly perGbSecondX86Usd: number;
    readonly perGbSecondArmUsd: number;
  };
  readonly byFunction: readonly FunctionCharges[];
}

export function billView(src: WorldSource): BillView {
  const bill = src.world.bill();
  const used = bill.gbSeconds.x86_64 + bill.gbSeconds.arm64;
  const byFunction = new Map<string, { requests: number; gbSeconds: number; listUsd: number }>();
  for (const e of src.world.trace.events as readonly TraceEvent[]) {
    if (e.name !== 'billing.charge') continue;
    const f = byFunction.get(e.functionName) ?? { requests: 0, gbSeconds: 0, listUsd: 0 };
    f.requests++;
    f.gbSeconds += e.gbSeconds;
    f.listUsd += e.costUsd;
    byFunction.set(e.functionName, f);
  }
  return {
    bill,
    requests: {
      used: bill.requests,
      free: limits.FREE_TIER_REQUESTS,
      beyond: Math.max(0, bill.requests - bill.freeTier.requests),
    },
    gbSeconds: { used, free: limits.FREE_TIER_GB_S, beyond: Math.max(0, used - bill.freeTier.gbSeconds) },
    prices: {
      perMillionRequestsUsd: limits.PRICE_PER_REQUEST_USD * 1_000_000,
      perGbSecondX86Usd: limits.PRICE_GB_S_X86_USD,
      perGbSecondArmUsd: limits.PRICE_GB_S_ARM_USD,
    },
    byFunction: [...byFunction.entries()]
      .map(([functionName, f]) => ({ functionName, ...f }))
      .sort((a, b) => b.gbSeconds - a.gbSeconds),
  };
}
