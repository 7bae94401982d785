/**
 * What-if: the same traffic on two configurations of one function (memory, provisioned concurrency,
 * package size, runtime, VPC, SnapStart), each in a fresh world from the factory, projected to two
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
  readonly error: string | null;
}

export interface WhatIfResult {
  readonly a: WhatIfSide;
  readonly b: WhatIfSide;
  /** One axis for both timelines, so they line up one above the other. */
  readonly startMs: number;
  readonly endMs: number;
}

export interface WhatIfInput {
  readonly createLab: SimLabFactory;
  readonly fn: Pick<CreateFunctionInput, 'functionName' | 'role' | 'handler' | 'code'>;
  readonly traffic: TrafficScript;
  readonly a: WhatIfConfig;
  readonly b: WhatIfConfig;
  /** Virtual time before traffic, for provisioned environments to initialize (default 10 s when used). */
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
  if (error) return { config, timeline: null, trafficStartMs: start, gbSeconds: 0, error };
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
  return {
    config,
    timeline: toTimelineModel(lab.world.trace.events, { untilMs: lab.world.now() }),
    trafficStartMs: start,
    gbSeconds,
    error: null,
  };
}

export async function runWhatIf(input: WhatIfInput): Promise<WhatIfResult> {
  // Both sides wait the same warm-up, so their traffic starts at the same virtual time.
  const needsWarmup = input.a.provisionedConcurrency > 0 || input.b.provisionedConcurrency > 0;
  const warmupMs = input.warmupMs ?? (needsWarmup ? 10_000 : 0);
  const a = await runSide(input, input.a, warmupMs);
  const b = await runSide(input, input.b, warmupMs);
  const starts = [a, b].map((s) => s.timeline?.startMs ?? s.trafficStartMs);
  const ends = [a, b].map((s) => s.timeline?.endMs ?? s.trafficStartMs);
  return { a, b, startMs: Math.min(...starts), endMs: Math.max(...ends) };
}
