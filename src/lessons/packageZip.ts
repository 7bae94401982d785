/**
 * Real deployment packages from an exercise's workspace: the function's .zip (its files at the root,
 * as Lambda unpacks them into /var/task) and each layer's .zip (its files under python/, unpacked into
 * /opt), built with fflate and measured against Lambda's limits. Dependencies that the lab cannot
 * download are counted at their modeled sizes (package-sizes.yaml) and labelled so.
 */
import { strToU8, zipSync } from 'fflate';
import { packageTypeFromFiles, requirementNames } from './checkers/settingsChecks';
import type { Course, ExerciseContent } from './course';

const MB = 1024 * 1024;

/** Lambda's package limits (lambda-facts.md section 7). */
export const PACKAGE_LIMITS = {
  zippedUploadMb: 50,
  unzippedMb: 250,
  imageMb: 10 * 1024,
} as const;

export interface BuiltZip {
  /** Where Lambda unpacks it: `/var/task` for the function, `/opt` for a layer. */
  readonly mountPath: '/var/task' | '/opt';
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly entries: readonly string[];
  readonly unzippedBytes: number;
}

export interface PackageMeasure {
  readonly functionName: string;
  /** Image when the function's files hold a Dockerfile with a FROM line. */
  readonly packageType: 'Zip' | 'Image';
  readonly zip: BuiltZip;
  readonly layers: readonly BuiltZip[];
  /** Packages from the requirements file, counted at their modeled unzipped size. */
  readonly modeledDependencies: readonly { readonly name: string; readonly mb: number }[];
  /** Code, layers and modeled dependencies, unzipped. */
  readonly totalUnzippedMb: number;
  readonly zippedMb: number;
  readonly fits: { readonly zipUpload: boolean; readonly zipUnzipped: boolean; readonly image: boolean };
}

/** Deterministic archives: a fixed timestamp, so the same files always give the same bytes. */
const FIXED_MTIME = new Date('2026-01-01T00:00:00Z');

export function buildZip(
  name: string,
  mountPath: BuiltZip['mountPath'],
  files: Record<string, string>,
): BuiltZip {
  const entries = Object.keys(files).sort();
  const input: Record<string, [Uint8Array, { mtime: Date }]> = {};
  let unzippedBytes = 0;
  for (const path of entries) {
    const data = strToU8(files[path] ?? '');
    unzippedBytes += data.length;
    input[path] = [data, { mtime: FIXED_MTIME }];
  }
  return { name, mountPath, bytes: zipSync(input, { level: 6 }), entries, unzippedBytes };
}

/** The workspace files of one function or layer, by the exercise's file mapping. */
function filesOf(
  ex: ExerciseContent,
  files: Readonly<Record<string, string>>,
  pick: (f: ExerciseContent['spec']['files'][number]) => boolean,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of ex.spec.files) if (pick(f)) out[f.path] = files[f.path] ?? '';
  return out;
}

/** Builds and measures the package of `functionName` with the layers it has attached. */
export function measurePackage(
  course: Pick<Course, 'packageSizes'>,
  ex: ExerciseContent,
  files: Readonly<Record<string, string>>,
  functionName: string,
  attachedLayers: readonly string[],
): PackageMeasure {
  const fn = ex.spec.world.functions.find((f) => f.name === functionName);
  if (fn === undefined) throw new Error(`no function ${functionName} in ${ex.id}`);
  const code = filesOf(ex, files, (f) => 'function' in f && f.function === functionName);
  const zip = buildZip(`${functionName}.zip`, '/var/task', code);
  const layers = attachedLayers.map((layer) =>
    buildZip(
      `${layer}.zip`,
      '/opt',
      filesOf(ex, files, (f) => 'layer' in f && f.layer === layer),
    ),
  );
  const sizes = course.packageSizes;
  const included = new Set(sizes?.includedInRuntime ?? []);
  const reqs = fn.requirements ? requirementNames(code[fn.requirements] ?? '') : [];
  const modeledDependencies = reqs
    .filter((name) => !included.has(name))
    .map((name) => ({ name, mb: sizes?.packages[name] ?? 0 }));
  const codeMb = (zip.unzippedBytes + layers.reduce((s, l) => s + l.unzippedBytes, 0)) / MB;
  const totalUnzippedMb = codeMb + modeledDependencies.reduce((s, d) => s + d.mb, 0);
  // Zipped: the real archive, plus the modeled dependencies at a typical 3:1 ratio for Python wheels.
  const zippedMb = zip.bytes.length / MB + modeledDependencies.reduce((s, d) => s + d.mb / 3, 0);
  return {
    functionName,
    packageType: packageTypeFromFiles(code) ?? fn.packageType ?? 'Zip',
    zip,
    layers,
    modeledDependencies,
    totalUnzippedMb,
    zippedMb,
    fits: {
      zipUpload: zippedMb <= PACKAGE_LIMITS.zippedUploadMb,
      zipUnzipped: totalUnzippedMb <= PACKAGE_LIMITS.unzippedMb,
      image: totalUnzippedMb <= PACKAGE_LIMITS.imageMb,
    },
  };
}
