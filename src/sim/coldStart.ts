/**
 * The cold-start model: Init duration = modeled platform parts + the module-code time the runtime measured.
 * Every part is a named span so the timeline (and the UI's "modeled" label) can show it.
 */
import type { FunctionConfiguration } from './functionTypes';
import type { Rng } from './rng';
import { type RuntimeProfile, runtimeProfile } from './runtimes';
import { toCentis } from './timeFormat';
import type { InitPart, InitPhase, InitType } from './trace';

export interface ColdStartModel {
  /** Extraction and load cost per MB of unzipped code plus layers (illustrative secondary figures, facts §9). */
  readonly packageMsPerMb: number;
  readonly perLayerMs: number;
  /** Hyperplane ENI attachment is pre-created; a small fixed cost remains (no primary figure). */
  readonly vpcAttachMs: number;
  readonly imageBaseMs: number;
  readonly imageMsPerMb: number;
  readonly restoreBaseMs: number;
  readonly restoreMsPerMb: number;
  /** Init gets unthrottled CPU (community observation, facts §9), so module time is not memory-scaled. */
  readonly initCpuScale: number;
}

export const DEFAULT_COLD_START_MODEL: ColdStartModel = {
  packageMsPerMb: 6,
  perLayerMs: 4,
  vpcAttachMs: 25,
  imageBaseMs: 150,
  imageMsPerMb: 0.25,
  restoreBaseMs: 120,
  restoreMsPerMb: 1,
  initCpuScale: 1,
};

export interface InitSpanPlan {
  readonly part: InitPart;
  readonly centis: number;
  readonly model: string;
}

/** Images run on a Python base image in the lab (the image's runtime cannot be read from a URI). */
export const IMAGE_BASE_RUNTIME = 'python3.13';

export function profileFor(config: FunctionConfiguration): RuntimeProfile {
  return runtimeProfile(config.runtime) ?? runtimeProfile(IMAGE_BASE_RUNTIME)!;
}

const MB = 1024 * 1024;

/** The platform spans (everything but module code) of an Init in the given phase. */
export function planPlatformSpans(
  config: FunctionConfiguration,
  phase: InitPhase,
  initType: InitType,
  rng: Rng,
  model: ColdStartModel,
): InitSpanPlan[] {
  const profile = profileFor(config);
  const [lo, hi] = profile.initMs[config.architecture];
  const runtime: InitSpanPlan = {
    part: 'runtime',
    centis: toCentis(rng.between(lo, hi)),
    model: `maxday.${profile.id}.${config.architecture}`,
  };
  // A suppressed init reuses the sandbox: code and network are already in place.
  if (phase === 'invoke') return [runtime];
  const spans: InitSpanPlan[] = [];
  const layerBytes = config.layers.reduce((s, l) => s + l.unzippedSizeBytes, 0);
  if (initType === 'snap-start') {
    const mb = (config.unzippedSizeBytes + layerBytes) / MB;
    spans.push({
      part: 'restore',
      centis: toCentis(model.restoreBaseMs + mb * model.restoreMsPerMb),
      model: 'lab.snapStartRestore',
    });
  } else {
    spans.push(runtime);
    if (config.packageType === 'Image') {
      const mb = (config.codeSizeBytes || 0) / MB;
      spans.push({
        part: 'package',
        centis: toCentis(model.imageBaseMs + mb * model.imageMsPerMb),
        model: 'lab.imageLoad',
      });
    } else {
      const mb = (config.unzippedSizeBytes + layerBytes) / MB;
      spans.push({
        part: 'package',
        centis: toCentis(mb * model.packageMsPerMb),
        model: 'lab.packageSizeLinear',
      });
    }
  }
  if (config.layers.length > 0) {
    spans.push({
      part: 'layers',
      centis: toCentis(config.layers.length * model.perLayerMs),
      model: 'lab.perLayer',
    });
  }
  if (config.vpc !== null)
    spans.push({ part: 'vpc', centis: toCentis(model.vpcAttachMs), model: 'lab.vpcAttach' });
  return spans;
}

/** Virtual handler ms per measured CPU ms: 1,769 MB = one vCPU; one Python thread gains nothing above. */
export function cpuScaleFor(memoryMb: number): number {
  return Math.max(1, 1769 / memoryMb);
}
