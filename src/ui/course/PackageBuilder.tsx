/**
 * The Package panel of a packaging exercise: builds each function's real .zip and its layers' .zip
 * from the learner's workspace, measures them against Lambda's limits, and offers them as downloads.
 */
import { useState } from 'react';
import { workspaceForChecks } from '../../controller/lab/exerciseWorkspace';
import { loadBundledCourse } from '../../lessons/bundle';
import type { ExerciseContent } from '../../lessons/course';
import { type BuiltZip, measurePackage, PACKAGE_LIMITS, type PackageMeasure } from '../../lessons/packageZip';
import { useLabStore } from '../../store/labStore';

export interface PackageBuilderProps {
  readonly exercise: ExerciseContent;
  readonly functions: readonly string[];
}

/** The modeled package sizes live in the course content; it is loaded once, on the first measure. */
let sizes: ReturnType<typeof loadBundledCourse> | null = null;

const mb = (n: number) => (n < 0.1 ? `${(n * 1024).toFixed(1)} KB` : `${n.toFixed(1)} MB`);

function download(zip: BuiltZip): void {
  const url = URL.createObjectURL(new Blob([zip.bytes as BlobPart], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = zip.name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function measureAll(p: PackageBuilderProps): Promise<PackageMeasure[]> {
  sizes ??= loadBundledCourse();
  const { course } = await sizes;
  if (course === null) throw new Error('The course content did not load, so sizes cannot be modeled.');
  const { files, config } = workspaceForChecks(p.exercise, useLabStore.getState().workspace);
  const world = p.exercise.spec.world;
  return p.functions.map((name) => {
    const layers = config[name]?.layers ?? world.functions.find((f) => f.name === name)?.layers ?? [];
    return measurePackage(course, p.exercise, files, name, layers);
  });
}

function Verdict({ ok, label }: { readonly ok: boolean; readonly label: string }) {
  return (
    <li className={ok ? 'good' : 'bad'}>
      {ok ? '✓' : '✗'} {label}
    </li>
  );
}

export function PackageBuilder(p: PackageBuilderProps) {
  const [measures, setMeasures] = useState<PackageMeasure[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const measure = () => {
    measureAll(p).then(
      (m) => {
        setMeasures(m);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <section className="course-package" aria-label="Package" data-testid="exercise.package">
      <h4>Package</h4>
      <p className="muted">
        Builds the real .zip of each function (its files at the root, unpacked into /var/task) and of its
        layers (unpacked into /opt) from your files. Dependencies from requirements files are counted at their
        modeled sizes.
      </p>
      <button type="button" onClick={measure} data-testid="exercise.package.measure">
        {measures === null ? 'Build and measure' : 'Measure again'}
      </button>
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {measures?.map((m) => (
        <div key={m.functionName} className="course-package-fn" data-function={m.functionName}>
          <h5>
            {m.functionName}: {m.packageType === 'Image' ? 'container image (Dockerfile)' : '.zip'}
          </h5>
          <p>
            Zipped {mb(m.zippedMb)}, unzipped {mb(m.totalUnzippedMb)} with layers
            {m.modeledDependencies.length > 0 &&
              ` (modeled: ${m.modeledDependencies.map((d) => `${d.name} ${d.mb} MB`).join(', ')}; zipped at a modeled 3:1)`}
          </p>
          <ul className="course-package-limits">
            <Verdict
              ok={m.fits.zipUpload}
              label={`.zip direct upload: ${PACKAGE_LIMITS.zippedUploadMb} MB zipped`}
            />
            <Verdict
              ok={m.fits.zipUnzipped}
              label={`.zip with layers: ${PACKAGE_LIMITS.unzippedMb} MB unzipped`}
            />
            <Verdict ok={m.fits.image} label="Container image: 10 GB" />
          </ul>
          {m.packageType === 'Zip' && (
            <p>
              {[m.zip, ...m.layers].map((z) => (
                <button
                  key={z.name}
                  type="button"
                  onClick={() => download(z)}
                  data-testid="exercise.package.download"
                >
                  Download {z.name} ({z.entries.length} files)
                </button>
              ))}
            </p>
          )}
        </div>
      ))}
    </section>
  );
}
