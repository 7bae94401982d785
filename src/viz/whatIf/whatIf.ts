/**
 * What-if: the same traffic on two (or three) configurations of one function (memory, provisioned
 * concurrency, package size, runtime, VPC, SnapStart), each in a fresh world from the factory, projected to
 * timelines on one time axis. Pure given the factory and the traffic script.
 */
import type { CreateFunctionInput } from '../../sim';
import type { TimelineModel } from '../coldStart/timelineTypes';
import { toTimelineModel } from '../coldStart/toTimelineModel';
import { command, type SimLab, type SimLabFactory } from '../lab/simLab';
import { asKnown } from '../trace/looseEvents';

export interface WhatIfConfig {
  readonly label: string;
  readonly memoryMb: number;
  readonly provisionedConcurrency: number;
  readonly packageSizeMb: number;
  readonly runtime: string;
  readonly vpc: boolean;
  readonly snapStart: boolean;
  readonly architecture?: 'x86_64' | 'arm64';
}

export interface TrafficScript {
  /** Arrival offsets in virtual ms from the start of traffic (ascending). */
  readonly arrivalsMs: readonly number[];
  readonly payloadJson?: string;
  /** How long to keep running after the last arrival (default 5 s). */
  readonly tailMs?: number;
}

export interface WhatIfSide {
  readonly config: WhatIfConfig;
  readonly timeline: TimelineModel | null;
  readonly trafficStartMs: number;
  /** Billed GB-s of invocations (modeled; provisioned allocation is not included). */
  readonly gbSeconds: number;
  /**
   * Modeled list price of the run before the free tier: requests, duration, provisioned concurrency (5-minute
   * minimum) and SnapStart caching (3-hour minimum) and restores; approximate where the facts are.
   */
  readonly costUsd: number;
  readonly costApproximate: boolean;
  readonly error: string | null;
}

export interface WhatIfResult {
  readonly a: WhatIfSide;
  readonly b: WhatIfSide;
  readonly c?: WhatIfSide;
  /** One axis for every timeline, so they line up one above the other. */
  readonly startMs: number;
  readonly endMs: number;
}

export interface WhatIfInput {
  readonly createLab: SimLabFactory;
  readonly fn: Pick<CreateFunctionInput, 'functionName' | 'role' | 'handler' | 'code'>;
  readonly traffic: TrafficScript;
  readonly a: WhatIfConfig;
  readonly b: WhatIfConfig;
  /** A third configuration (on-demand, SnapStart and provisioned concurrency side by side). */
  readonly c?: WhatIfConfig;
  /** Virtual time before traffic, for provisioned environments and snapshots to initialize (default 10 s when used). */
  readonly warmupMs?: number;
}

const MB = 1024 * 1024;

async function setUp(
  lab: SimLab,
  input: WhatIfInput,
  c: WhatIfConfig,
): Promise<{ qualifier?: string; error: string | null }> {
  const name = input.fn.functionName;
  const files = input.fn.code.files ?? {};
  let error = await command(lab, (w) =>
    w.createFunction({
      ...input.fn,
      runtime: c.runtime,
      memorySize: c.memoryMb,
      architectures: [c.architecture ?? 'x86_64'],
      code: { files, unzippedSizeBytes: Math.round(c.packageSizeMb * MB) },
      ...(c.vpc ? { vpcConfig: { subnetIds: ['subnet-0lab'], securityGroupIds: ['sg-0lab'] } } : {}),
      ...(c.snapStart ? { snapStart: { applyOn: 'PublishedVersions' } } : {}),
    }),
  );
  // Provisioned concurrency and SnapStart apply to published versions only (facts §6, §9).
  if (error || (c.provisionedConcurrency <= 0 && !c.snapStart)) return { error };
  error = await command(lab, (w) => w.publishVersion(name));
  if (!error && c.provisionedConcurrency > 0) {
    error = await command(lab, (w) => w.putProvisionedConcurrencyConfig(name, '1', c.provisionedConcurrency));
  }
  return { qualifier: '1', error };
}

async function runSide(input: WhatIfInput, config: WhatIfConfig, warmupMs: number): Promise<WhatIfSide> {
  const lab = await input.createLab();
  try {
    return await drive(lab, input, config, warmupMs);
  } finally {
    await lab.dispose?.();
  }
}

async function drive(
  lab: SimLab,
  input: WhatIfInput,
  config: WhatIfConfig,
  warmupMs: number,
): Promise<WhatIfSide> {
  const start = lab.world.now() + warmupMs;
  const { qualifier, error } = await setUp(lab, input, config);
  if (error) {
    return {
      config,
      timeline: null,
      trafficStartMs: start,
      gbSeconds: 0,
      costUsd: 0,
      costApproximate: false,
      error,
    };
  }
  await lab.advanceTo(start);
  for (const offset of input.traffic.arrivalsMs) {
    await lab.advanceTo(start + offset);
    // A refused invoke (a throttle) is part of the picture: the trace records it.
    await command(lab, (w) =>
      w.invoke({
        functionName: input.fn.functionName,
        qualifier,
        payloadJson: input.traffic.payloadJson ?? '{}',
      }),
    );
  }
  const last = input.traffic.arrivalsMs[input.traffic.arrivalsMs.length - 1] ?? 0;
  await lab.advanceTo(start + last + (input.traffic.tailMs ?? 5000));
  let gbSeconds = 0;
  for (const loose of lab.world.trace.events) {
    const e = asKnown(loose);
    if (e.name === 'billing.charge') gbSeconds += e.gbSeconds;
  }
  const bill = lab.world.bill();
  return {
    config,
    timeline: toTimelineModel(lab.world.trace.events, { untilMs: lab.world.now() }),
    trafficStartMs: start,
    gbSeconds,
    costUsd: bill.listUsd,
    costApproximate: bill.approximate,
    error: null,
  };
}

export async function runWhatIf(input: WhatIfInput): Promise<WhatIfResult> {
  // Every side waits the same warm-up, so their traffic starts at the same virtual time.
  const configs = [input.a, input.b, ...(input.c ? [input.c] : [])];
  const needsWarmup = configs.some((c) => c.provisionedConcurrency > 0 || c.snapStart);
  const warmupMs = input.warmupMs ?? (needsWarmup ? 10_000 : 0);
  const a = await runSide(input, input.a, warmupMs);
  const b = await runSide(input, input.b, warmupMs);
  const c = input.c ? await runSide(input, input.c, warmupMs) : undefined;
  const all = c ? [a, b, c] : [a, b];
  const starts = all.map((s) => s.timeline?.startMs ?? s.trafficStartMs);
  const ends = all.map((s) => s.timeline?.endMs ?? s.trafficStartMs);
  return { a, b, ...(c ? { c } : {}), startMs: Math.min(...starts), endMs: Math.max(...ends) };
}
