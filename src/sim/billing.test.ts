import { describe, expect, it } from 'vitest';
import { computeBill, createLedger, gbSeconds, recordCharge } from './billing';
import { createTestWorld } from './testWorld';
import { utcMs } from './timeFormat';
import { eventsNamed } from './trace';

describe('billing (facts §8)', () => {
  it('reproduces the pricing page example: 3M invokes of 1 s at 512 MB cost $18.74 per month', () => {
    const ledger = createLedger();
    // One charge per invoke would be slow; the ledger is linear, so charge in bulk and scale.
    recordCharge(ledger, {
      billedMs: 1000,
      memoryMb: 512,
      ephemeralMb: 512,
      architecture: 'x86_64',
      provisioned: false,
    });
    ledger.requests = 3_000_000;
    ledger.gbSecondsX86 = 3_000_000 * gbSeconds(1000, 512);
    const bill = computeBill(ledger, [], 0);
    expect(bill.gbSeconds.x86_64).toBe(1_500_000);
    expect(bill.freeTier).toEqual({ requests: 1_000_000, gbSeconds: 400_000 });
    expect(bill.requestCostUsd).toBeCloseTo(0.4, 10);
    expect(bill.computeCostUsd).toBeCloseTo(1_100_000 * 0.0000166667, 8);
    // The page rounds the GB-s price to $0.00001667 and gets $18.74; the exact price gives $18.73.
    expect(bill.totalUsd).toBeCloseTo(18.73, 2);
    expect(bill.approximate).toBe(false);
  });

  it('prices arm64 about 20% lower and shares the free tier across architectures', () => {
    const ledger = createLedger();
    ledger.gbSecondsX86 = 300_000;
    ledger.gbSecondsArm = 200_000;
    const bill = computeBill(ledger, [], 0);
    expect(bill.freeTier.gbSeconds).toBe(400_000);
    expect(bill.computeCostUsd).toBeCloseTo(100_000 * 0.0000133334, 10);
  });

  it('labels provisioned concurrency and extra ephemeral storage as approximate', () => {
    const ledger = createLedger();
    const bill = computeBill(ledger, [{ sinceMs: 0, count: 2, memoryMb: 1024 }], 60_000);
    // One minute of PC is billed as five: 2 environments x 1 GB x 300 s.
    expect(bill.provisionedCostUsd).toBeCloseTo(600 * 0.0000041667, 10);
    expect(bill.approximate).toBe(true);
  });

  it('charges each invocation its billed duration, including init on cold starts after 2025-08-01', () => {
    const t = createTestWorld({}, { invoke: { cpuMs: 0, sleepMs: 100 } })
      .createFunction({ functionName: 'f', memorySize: 1024 })
      .invoke({ functionName: 'f' }, 'cold')
      .advanceBy(1000)
      .invoke({ functionName: 'f' }, 'warm')
      .advanceBy(1000);
    const charges = eventsNamed(t.world.trace.events, 'billing.charge');
    const cold = t.response('cold');
    expect(charges.map((c) => c.billedDurationMs)).toEqual([Math.ceil(100 + cold.initDurationMs!), 100]);
    expect(charges[1]!.gbSeconds).toBeCloseTo(0.1, 10);
    expect(charges[1]!.costUsd).toBeCloseTo(0.0000002 + 0.1 * 0.0000166667, 15);
    expect(charges[1]!.approximate).toBe(false);
    expect(t.world.bill().requests).toBe(2);
  });

  it('did not bill init for zip managed runtimes before 2025-08-01', () => {
    const t = createTestWorld({ startTimeMs: utcMs(2025, 7, 1) }, { invoke: { cpuMs: 0, sleepMs: 100 } })
      .createFunction({ functionName: 'f' })
      .invoke({ functionName: 'f' })
      .advanceBy(1000);
    expect(t.response().billedDurationMs).toBe(100);
    expect(t.response().initDurationMs).toBeGreaterThan(0);
  });

  it('always billed init for container images and custom runtimes', () => {
    const t = createTestWorld({ startTimeMs: utcMs(2025, 7, 1) }, { invoke: { cpuMs: 0, sleepMs: 100 } })
      .createFunction({ functionName: 'img', packageType: 'Image', code: { imageUri: 'repo/img:1' } })
      .invoke({ functionName: 'img' })
      .advanceBy(1000);
    expect(t.response().billedDurationMs).toBe(Math.ceil(100 + t.response().initDurationMs!));
  });
});
