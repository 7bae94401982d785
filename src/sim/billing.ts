/**
 * Billing (facts §8): requests, GB-seconds by architecture, the monthly free tier, and provisioned
 * concurrency. PC and ephemeral-storage prices are UNCONFIRMED in the facts, so the bill marks them approximate.
 */

import * as L from './limits';
import type { Architecture } from './runtimes';

export interface BillingLedger {
  requests: number;
  gbSecondsX86: number;
  gbSecondsArm: number;
  /** Requests and duration served by provisioned environments (no free tier for PC functions). */
  pcRequests: number;
  pcDurationGbSeconds: number;
  ephemeralGbSeconds: number;
  /** Closed PC allocation intervals, in GB-ms already rounded up to 5 minutes. */
  pcAllocatedGbMsClosed: number;
  /** SnapStart: GB-ms of snapshots no longer cached (3-hour minimum applied), and GB restored. */
  snapStartCacheGbMsClosed: number;
  snapStartRestoredGb: number;
}

export interface PcAllocation {
  readonly sinceMs: number;
  readonly count: number;
  readonly memoryMb: number;
}

export interface Bill {
  readonly requests: number;
  readonly gbSeconds: { readonly x86_64: number; readonly arm64: number };
  readonly freeTier: { readonly requests: number; readonly gbSeconds: number };
  readonly requestCostUsd: number;
  readonly computeCostUsd: number;
  readonly provisionedCostUsd: number;
  readonly ephemeralStorageCostUsd: number;
  /** Snapshot caching and restores (modeled prices). */
  readonly snapStartCostUsd: number;
  readonly totalUsd: number;
  /** The same total at list prices, before the free tier (what a comparison of configurations needs). */
  readonly listUsd: number;
  /** True when the total includes a price the facts mark UNCONFIRMED. */
  readonly approximate: boolean;
}

export function createLedger(): BillingLedger {
  return {
    requests: 0,
    gbSecondsX86: 0,
    gbSecondsArm: 0,
    pcRequests: 0,
    pcDurationGbSeconds: 0,
    ephemeralGbSeconds: 0,
    pcAllocatedGbMsClosed: 0,
    snapStartCacheGbMsClosed: 0,
    snapStartRestoredGb: 0,
  };
}

export function gbSeconds(billedMs: number, memoryMb: number): number {
  return (billedMs / 1000) * (memoryMb / 1024);
}

/** Billed duration in ms: duration (plus init where it is billed) rounded up to 1 ms. */
export function billedDurationMs(durationCentis: number, billedInitCentis: number): number {
  return Math.ceil((durationCentis + billedInitCentis) / 100);
}

export interface Charge {
  readonly billedMs: number;
  readonly memoryMb: number;
  readonly ephemeralMb: number;
  readonly architecture: Architecture;
  readonly provisioned: boolean;
}

export function recordCharge(ledger: BillingLedger, c: Charge): number {
  const gbs = gbSeconds(c.billedMs, c.memoryMb);
  if (c.provisioned) {
    ledger.pcRequests++;
    ledger.pcDurationGbSeconds += gbs;
  } else {
    ledger.requests++;
    if (c.architecture === 'arm64') ledger.gbSecondsArm += gbs;
    else ledger.gbSecondsX86 += gbs;
  }
  if (c.ephemeralMb > L.EPHEMERAL_MIN_MB) {
    ledger.ephemeralGbSeconds += (c.billedMs / 1000) * ((c.ephemeralMb - L.EPHEMERAL_MIN_MB) / 1024);
  }
  return gbs;
}

/** The list price of one invocation before the monthly free tier. */
export function invocationCostUsd(c: Charge): number {
  const gbs = gbSeconds(c.billedMs, c.memoryMb);
  const rate = c.provisioned
    ? L.PRICE_PC_DURATION_GB_S_APPROX_USD
    : c.architecture === 'arm64'
      ? L.PRICE_GB_S_ARM_USD
      : L.PRICE_GB_S_X86_USD;
  return L.PRICE_PER_REQUEST_USD + gbs * rate;
}

/** GB-ms of a PC allocation from its start to `untilMs`, rounded up to 5 minutes (pricing page). */
export function pcAllocatedGbMs(a: PcAllocation, untilMs: number): number {
  const span = Math.max(0, untilMs - a.sinceMs);
  const rounded = Math.ceil(span / L.PC_BILLING_ROUNDING_MS) * L.PC_BILLING_ROUNDING_MS;
  return rounded * a.count * (a.memoryMb / 1024);
}

export function computeBill(
  ledger: BillingLedger,
  openPc: readonly PcAllocation[],
  nowMs: number,
  /** GB-ms of SnapStart snapshots still cached, up to now (3-hour minimum applied). */
  openSnapshotGbMs = 0,
): Bill {
  const requests = ledger.requests + ledger.pcRequests;
  const freeRequests = Math.min(ledger.requests, L.FREE_TIER_REQUESTS);
  const requestCostUsd = (requests - freeRequests) * L.PRICE_PER_REQUEST_USD;
  // The 400,000 GB-s free tier is shared by both architectures; the lab applies it to x86 first.
  const freeX86 = Math.min(ledger.gbSecondsX86, L.FREE_TIER_GB_S);
  const freeArm = Math.min(ledger.gbSecondsArm, L.FREE_TIER_GB_S - freeX86);
  const computeCostUsd =
    (ledger.gbSecondsX86 - freeX86) * L.PRICE_GB_S_X86_USD +
    (ledger.gbSecondsArm - freeArm) * L.PRICE_GB_S_ARM_USD;
  let pcGbMs = ledger.pcAllocatedGbMsClosed;
  for (const a of openPc) pcGbMs += pcAllocatedGbMs(a, nowMs);
  const provisionedCostUsd =
    (pcGbMs / 1000) * L.PRICE_PC_GB_S_APPROX_USD +
    ledger.pcDurationGbSeconds * L.PRICE_PC_DURATION_GB_S_APPROX_USD;
  const ephemeralStorageCostUsd = ledger.ephemeralGbSeconds * L.PRICE_EPHEMERAL_GB_S_APPROX_USD;
  const snapStartCostUsd =
    ((ledger.snapStartCacheGbMsClosed + openSnapshotGbMs) / 1000) * L.PRICE_SNAPSTART_CACHE_GB_S_APPROX_USD +
    ledger.snapStartRestoredGb * L.PRICE_SNAPSTART_RESTORE_GB_APPROX_USD;
  return {
    requests,
    gbSeconds: { x86_64: ledger.gbSecondsX86, arm64: ledger.gbSecondsArm },
    freeTier: { requests: freeRequests, gbSeconds: freeX86 + freeArm },
    requestCostUsd,
    computeCostUsd,
    provisionedCostUsd,
    ephemeralStorageCostUsd,
    snapStartCostUsd,
    totalUsd:
      requestCostUsd + computeCostUsd + provisionedCostUsd + ephemeralStorageCostUsd + snapStartCostUsd,
    listUsd:
      requests * L.PRICE_PER_REQUEST_USD +
      ledger.gbSecondsX86 * L.PRICE_GB_S_X86_USD +
      ledger.gbSecondsArm * L.PRICE_GB_S_ARM_USD +
      provisionedCostUsd +
      ephemeralStorageCostUsd +
      snapStartCostUsd,
    approximate: provisionedCostUsd > 0 || ephemeralStorageCostUsd > 0 || snapStartCostUsd > 0,
  };
}
