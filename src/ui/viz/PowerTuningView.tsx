/**
 * The power-tuning tab: the learner's active function run with real Python at each memory size, average
 * duration and cost plotted, the cheapest and the fastest marked (both figures modeled).
 */
import { use, useId, useRef, useState } from 'react';
import type { PowerTuningRun } from '../../controller/scenarios/vizLab';
import { useLabStore } from '../../store/labStore';
import { DEFAULT_MEMORY_SIZES, PowerTuningChart } from '../../viz';
import { useElementWidth } from './useElementWidth';
import { loadVizLab } from './vizLabModule';

const COUNTS = [5, 10, 20, 50];

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.floor(s.length / 2)]!;
};

// The last run, kept while the tab is closed (for the page's lifetime).
let lastRun: PowerTuningRun | null = null;

export default function PowerTuningView() {
  const lab = use(loadVizLab());
  const id = useId();
  const ready = useLabStore((s) => s.python.state === 'ready');
  const fnName = useLabStore((s) => s.workspace.activeFunction);
  const [invocations, setInvocations] = useState(lastRun?.measured.invokes.length ?? 10);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [run, setRun] = useState<PowerTuningRun | null>(lastRun);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref);
  const start = async () => {
    setError(null);
    setProgress({ done: 0, total: DEFAULT_MEMORY_SIZES.length });
    try {
      lastRun = await lab.powerTuneActive({
        invocations,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      setRun(lastRun);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  };
  return (
    <div ref={ref} className="viz-measure viz-power" data-testid="viz.power">
      <p>
        Runs <strong>{fnName}</strong> with your selected test event, with real Python in a scratch world (its
        AWS calls reach empty services): one cold start, then the warm requests. Those measurements are
        replayed at {DEFAULT_MEMORY_SIZES.join(', ')} MB, each scaled by the CPU share of its size and priced
        at Lambda's rates, so the curve shows what memory changes and nothing else: durations and costs are{' '}
        <span className="viz-modeled-tag">modeled</span>
      </p>
      <p className="viz-row">
        <label htmlFor={`${id}-n`}>Warm requests measured</label>
        <select
          id={`${id}-n`}
          data-testid="viz.power.invocations"
          value={invocations}
          onChange={(e) => setInvocations(Number(e.currentTarget.value))}
        >
          {COUNTS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <button
          type="button"
          data-testid="viz.power.run"
          disabled={!ready || progress !== null}
          onClick={() => void start()}
        >
          {progress ? 'Tuning…' : run ? 'Run again' : 'Run power tuning'}
        </button>
        {!ready ? <span className="muted">Python is starting…</span> : null}
        {progress ? (
          <progress
            data-testid="viz.power.progress"
            max={progress.total}
            value={progress.done}
            aria-label={`Memory sizes done: ${progress.done} of ${progress.total}`}
          />
        ) : null}
      </p>
      {error ? (
        <p className="inline-error" role="alert" data-testid="viz.power.error">
          {error}
        </p>
      ) : null}
      {run ? (
        <>
          {run.result.cheapestMb === null ? (
            <p className="inline-error" role="alert" data-testid="viz.power.about">
              Every run of {run.functionName} with the event "{run.eventName}" failed, at every memory size:
              there is nothing to compare. Press Test to see the error, fix the handler, then tune again.
            </p>
          ) : (
            <p className="muted" data-testid="viz.power.about">
              {run.functionName} with the event "{run.eventName}": {run.measured.invokes.length} warm requests
              measured ({median(run.measured.invokes.map((r) => r.cpuMs)).toFixed(2)} ms of work on one vCPU
              each, median: measured here, calibrated); cheapest {run.result.cheapestMb} MB, fastest{' '}
              {run.result.fastestMb ?? '–'} MB.
            </p>
          )}
          <PowerTuningChart result={run.result} width={Math.min(width, 720)} />
        </>
      ) : null}
    </div>
  );
}
