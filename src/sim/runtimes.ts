/**
 * Runtime profiles. Python runtimes run real Python; the others exist as cold-start profiles for the
 * what-if lessons. Init ranges are the maxday/lambda-perf hello-world averages (facts §9).
 */

export type Architecture = 'x86_64' | 'arm64';

export interface RuntimeProfile {
  readonly id: string;
  readonly runsPython: boolean;
  /** `python:3.13.v14` style runtime version printed by INIT_START. */
  readonly runtimeVersion: string;
  /** maxday average Init Duration range [min, max] in ms, per architecture. */
  readonly initMs: Readonly<Record<Architecture, readonly [number, number]>>;
  readonly baselineMemoryMb: number;
  /** Custom runtimes were always billed for init (facts §8). */
  readonly managed: boolean;
  readonly snapStart: boolean;
}

const p = (
  id: string,
  runsPython: boolean,
  runtimeVersion: string,
  x86: readonly [number, number],
  arm: readonly [number, number],
  baselineMemoryMb: number,
  snapStart: boolean,
  managed = true,
): RuntimeProfile => ({
  id,
  runsPython,
  runtimeVersion,
  initMs: { x86_64: x86, arm64: arm },
  baselineMemoryMb,
  managed,
  snapStart,
});

export const RUNTIME_PROFILES: Readonly<Record<string, RuntimeProfile>> = {
  'python3.12': p('python3.12', true, 'python:3.12.v40', [81, 85], [73, 82], 37, true),
  'python3.13': p('python3.13', true, 'python:3.13.v14', [84, 91], [77, 85], 36, true),
  'python3.14': p('python3.14', true, 'python:3.14.v38', [101, 106], [94, 100], 38, true),
  'nodejs20.x': p('nodejs20.x', false, 'nodejs:20.v60', [131, 147], [114, 130], 66, false),
  'nodejs22.x': p('nodejs22.x', false, 'nodejs:22.v40', [131, 147], [114, 130], 70, false),
  'nodejs24.x': p('nodejs24.x', false, 'nodejs:24.v10', [131, 147], [114, 130], 75, false),
  java17: p('java17', false, 'java:17.v45', [200, 208], [202, 224], 90, true),
  java21: p('java21', false, 'java:21.v30', [231, 242], [245, 277], 95, true),
  java25: p('java25', false, 'java:25.v5', [185, 193], [179, 197], 88, true),
  dotnet8: p('dotnet8', false, 'dotnet:8.v40', [238, 268], [282, 323], 70, true),
  'ruby3.4': p('ruby3.4', false, 'ruby:3.4.v20', [220, 256], [212, 286], 45, false),
  'provided.al2023': p('provided.al2023', false, 'provided:al2023.v90', [49, 49], [42, 42], 17, false, false),
};

export const RUNTIME_IDS: readonly string[] = Object.keys(RUNTIME_PROFILES);

/** Runtimes AWS no longer accepts for create/update (a teaching subset). */
export const DEPRECATED_RUNTIMES: ReadonlySet<string> = new Set([
  'python2.7',
  'python3.6',
  'python3.7',
  'python3.8',
  'nodejs12.x',
  'nodejs14.x',
  'nodejs16.x',
]);

export function runtimeProfile(id: string): RuntimeProfile | undefined {
  return RUNTIME_PROFILES[id];
}

/** `AWS_Lambda_python3.12` (facts §3.2). */
export function executionEnvName(runtime: string): string {
  return `AWS_Lambda_${runtime}`;
}
