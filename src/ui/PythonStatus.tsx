/** Shows Python's start-up as named phases with download progress, and a Retry button if it fails. */
import { startPython } from '../controller/lab/lab';
import { BOOT_PHASES } from '../runtime/protocol';
import { useLabStore } from '../store/labStore';

const PHASE_LABEL = {
  download: 'Downloading Python',
  compile: 'Compiling WebAssembly',
  interpreter: 'Starting the interpreter',
  ready: 'Loading the Lambda runtime',
} as const;

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

export function PythonStatus() {
  const python = useLabStore((s) => s.python);
  if (python.state === 'ready') {
    const total = Object.values(python.phaseMs).reduce((a, b) => a + b, 0);
    return (
      <output className="python-status ready" data-testid="python.status" data-state="ready">
        {/* The figure gives way first on a narrow header (header.css). */}
        <span>
          Python ready
          <span className="python-status-detail">
            {' '}
            in {(total / 1000).toFixed(1)} s{python.fromSnapshot ? ' (snapshot)' : ''}
          </span>
        </span>
      </output>
    );
  }
  if (python.state === 'failed') {
    return (
      <div className="python-status failed" role="alert" data-testid="python.status" data-state="failed">
        <span>
          Python could not start ({PHASE_LABEL[python.phase].toLowerCase()}): {python.message}
        </span>
        <button type="button" onClick={() => startPython()} data-testid="python.retry">
          Retry
        </button>
      </div>
    );
  }
  const index = BOOT_PHASES.indexOf(python.phase);
  const detail =
    python.phase === 'download' && python.totalBytes > 0
      ? ` ${mib(python.loadedBytes)} of ${mib(python.totalBytes)} MiB`
      : '';
  return (
    <output
      className="python-status booting"
      data-testid="python.status"
      data-state="booting"
      aria-live="polite"
    >
      <progress max={BOOT_PHASES.length} value={index + 0.5} aria-label="Python start-up" />
      <span>
        {PHASE_LABEL[python.phase]}
        {detail} (step {index + 1} of {BOOT_PHASES.length})
      </span>
    </output>
  );
}
