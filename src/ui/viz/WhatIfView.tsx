/**
 * The what-if tab: the learner's function measured once with real Python, then replayed under two (or
 * three) configurations on the same traffic, one timeline above the other. Settings re-run at once.
 */
import { use, useEffect, useRef, useState } from 'react';
import type { MeasuredFunction } from '../../controller/scenarios/vizLab';
import { useLabStore } from '../../store/labStore';
import { type TrafficScript, type WhatIfConfig, type WhatIfResult, WhatIfTimelines } from '../../viz';
import { useElementWidth } from './useElementWidth';
import { useVizPlayback } from './useVizPlayback';
import { VizFrame } from './VizFrame';
import { loadVizLab } from './vizLabModule';
import { WhatIfConfigTable } from './WhatIfConfigTable';

const burst = (n: number, at: number) => Array.from({ length: n }, () => at);
export const TRAFFIC: Record<string, { readonly label: string; readonly script: TrafficScript }> = {
  burst: {
    label: 'Two bursts of 10 concurrent requests, 3 s apart',
    script: { arrivalsMs: [...burst(10, 0), ...burst(10, 3000)], tailMs: 3000 },
  },
  steady: {
    label: 'Steady: 4 requests a second for 10 s',
    script: { arrivalsMs: Array.from({ length: 40 }, (_, i) => i * 250), tailMs: 3000 },
  },
  ramp: {
    label: 'Ramp: 1, 2, 4 and 8 at once, 2 s apart',
    script: { arrivalsMs: [0, ...burst(2, 2000), ...burst(4, 4000), ...burst(8, 6000)], tailMs: 3000 },
  },
};

function sides(m: MeasuredFunction): WhatIfConfig[] {
  const a: WhatIfConfig = {
    label: 'A',
    memoryMb: m.memoryMb,
    provisionedConcurrency: 0,
    packageSizeMb: 1,
    runtime: m.runtime,
    vpc: false,
    snapStart: false,
    architecture: m.architecture,
  };
  return [a, { ...a, label: 'B', provisionedConcurrency: 5 }];
}

/** The three ways to meet a cold start, side by side (the lab's Python runtimes all have SnapStart). */
function coldStartOptions(current: WhatIfConfig): WhatIfConfig[] {
  const a: WhatIfConfig = { ...current, label: 'A', provisionedConcurrency: 0, snapStart: false };
  return [a, { ...a, label: 'B', snapStart: true }, { ...a, label: 'C', provisionedConcurrency: 5 }];
}

// Kept while the tab is closed, for the page's lifetime: a measurement is worth keeping.
let memory: {
  measured: MeasuredFunction | null;
  configs: WhatIfConfig[] | null;
  traffic: string;
} = { measured: null, configs: null, traffic: 'burst' };

export default function WhatIfView() {
  const lab = use(loadVizLab());
  const ready = useLabStore((s) => s.python.state === 'ready');
  const fnName = useLabStore((s) => s.workspace.activeFunction);
  const [measured, setMeasured] = useState<MeasuredFunction | null>(memory.measured);
  const [configs, setConfigs] = useState<WhatIfConfig[] | null>(memory.configs);
  const [traffic, setTraffic] = useState(memory.traffic);
  useEffect(() => {
    memory = { measured, configs, traffic };
  }, [measured, configs, traffic]);
  const [result, setResult] = useState<WhatIfResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref);

  useEffect(() => {
    const [a, b, c] = configs ?? [];
    if (!measured || !a || !b) return;
    let live = true;
    const script = TRAFFIC[traffic]?.script ?? TRAFFIC.burst!.script;
    lab.whatIfMeasured(measured, a, b, script, c).then(
      (r) => live && setResult(r),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [lab, measured, configs, traffic]);

  const measure = async () => {
    setBusy(true);
    setError(null);
    try {
      const m = await lab.measureActive();
      setMeasured(m);
      setConfigs((c) => c ?? sides(m));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const { playback, state } = useVizPlayback(result?.startMs ?? 0, result?.endMs ?? 0);
  const cpu = measured
    ? measured.invokes.reduce((s, r) => s + r.cpuMs, 0) / Math.max(1, measured.invokes.length)
    : 0;
  return (
    <div ref={ref} className="viz-measure viz-whatif" data-testid="viz.whatif">
      <p>
        Two or three configurations of <strong>{fnName}</strong> on the same traffic. Your handler runs once
        with real Python (one cold start, three warm requests); that measured time is replayed on both sides,
        scaled by each side's memory. Init platform parts and GB-s are modeled.
      </p>
      <p className="viz-row">
        <button
          type="button"
          data-testid="viz.whatif.measure"
          disabled={!ready || busy}
          onClick={() => void measure()}
        >
          {busy ? 'Measuring…' : measured ? `Measure ${fnName} again` : `Measure ${fnName} and compare`}
        </button>
        {!ready ? <span className="muted">Python is starting…</span> : null}
        {measured ? (
          <span className="muted" data-testid="viz.whatif.measured">
            Measured here and calibrated to one Lambda vCPU: Init {measured.init.cpuMs.toFixed(2)} ms of work,
            a warm request {cpu.toFixed(2)} ms of work
            {measured.invokes[0]?.outcome.status !== 'success'
              ? ` (the handler ended: ${measured.invokes[0]?.outcome.status})`
              : ''}
            .
          </span>
        ) : null}
      </p>
      {error ? (
        <p className="inline-error" role="alert" data-testid="viz.whatif.error">
          {error}
        </p>
      ) : null}
      {configs ? (
        <div className="viz-whatif-configs">
          <WhatIfConfigTable configs={configs} runtimes={lab.RUNTIME_IDS} onChange={setConfigs} />
          <p className="viz-row">
            {configs.length === 2 ? (
              <button
                type="button"
                data-testid="viz.whatif.coldstart-options"
                onClick={() => setConfigs(coldStartOptions(configs[0]!))}
              >
                Compare on-demand, SnapStart and provisioned concurrency
              </button>
            ) : (
              <button
                type="button"
                data-testid="viz.whatif.two-sides"
                onClick={() => setConfigs(configs.slice(0, 2))}
              >
                Back to two configurations
              </button>
            )}
          </p>
          <label>
            Traffic{' '}
            <select
              data-testid="viz.whatif.traffic"
              value={traffic}
              onChange={(e) => setTraffic(e.currentTarget.value)}
            >
              {Object.entries(TRAFFIC).map(([key, t]) => (
                <option key={key} value={key}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
      {result ? (
        <VizFrame name="whatif" label="What-if" playback={playback} timeMs={state.timeMs}>
          <WhatIfTimelines result={result} timeMs={state.timeMs} width={width} viewportRows={6} />
        </VizFrame>
      ) : null}
    </div>
  );
}
