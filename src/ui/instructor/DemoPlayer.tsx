/**
 * A scripted demo, one click to run: Run plays every step with time to read between them, Pause stops
 * after the current step, Step runs one, Replay starts over in a fresh world. The narration is large
 * (the room reads it), the visualizer is the one the step names, and each step's results sit beside it.
 */
import './instructor.css';
import './presenter.css';
import { useEffect, useId, useMemo, useSyncExternalStore } from 'react';
import type { DemoContent } from '../../instructor/demoFiles';
import { useLabStore } from '../../store/labStore';
import { activityStartMs, KeyMoments, toKeyMoments } from '../../viz';
import { DemoViz } from './DemoViz';
import { demoHost } from './demoHost';
import { useInstructorContent } from './useInstructorContent';

export interface DemoPlayerProps {
  /** Show this demo (default: the first demo of the current segment, then the first demo). */
  readonly demoId?: string;
  /** `projector`: big type for the presenter view. */
  readonly size?: 'normal' | 'projector';
}

const useHost = () => useSyncExternalStore(demoHost.subscribe, demoHost.getState, demoHost.getState);

export default function DemoPlayer({ demoId, size = 'normal' }: DemoPlayerProps) {
  const content = useInstructorContent();
  const host = useHost();
  const segment = useLabStore((s) => s.presenter.segment);
  const ready = content.status === 'ready' ? content.content : null;
  const fallback = ready?.plan?.segments[segment]?.demos?.[0] ?? ready?.demos[0]?.script.id ?? null;
  const wanted = demoId ?? host.demoId ?? fallback;
  useEffect(() => {
    if (ready && wanted && wanted !== demoHost.getState().demoId) demoHost.select(wanted);
  }, [ready, wanted]);
  if (content.status === 'loading') return <p className="muted">Loading the demos…</p>;
  if (content.status === 'failed')
    return (
      <p className="inline-error" role="alert">
        The demos could not be loaded: {content.message}
      </p>
    );
  const demo = demoHost.demo(host.demoId);
  if (!demo) return <p className="muted">No demo chosen.</p>;
  return <Player demo={demo} demos={content.content.demos} size={size} pickable={demoId === undefined} />;
}

function Player({
  demo,
  demos,
  size,
  pickable,
}: {
  readonly demo: DemoContent;
  readonly demos: readonly DemoContent[];
  readonly size: 'normal' | 'projector';
  readonly pickable: boolean;
}) {
  const host = useHost();
  const pickId = useId();
  const pythonReady = useLabStore((s) => s.python.state === 'ready');
  const { script } = demo;
  const session = host.session;
  const status = session?.status ?? 'ready';
  const next = session?.next ?? 0;
  const busy = (session?.busy ?? false) || host.starting;
  const reports = session?.reports ?? [];
  // While a step runs its narration is already up; after it, its results join it.
  const shown = busy ? next : reports.length - 1;
  const step = shown >= 0 ? script.steps[shown] : undefined;
  const report = shown >= 0 ? (reports[shown] ?? null) : null;
  const kind = step?.show ?? script.show;
  const done = status === 'done';
  const failed = status === 'failed';
  const error = host.error ?? session?.error ?? null;
  const cannot = !pythonReady ? 'Python is still starting' : null;
  const run = (command: 'run' | 'pause' | 'step' | 'replay') => void demoHost.command(command);
  // The whole demo so far in one strip (cold, warm, idle, cold again; a 504 beside the later 200).
  const moments = useMemo(() => toKeyMoments(host.trace), [host.trace]);
  return (
    <section
      className={`demo-player demo-${size}`}
      aria-label={`Demo: ${script.title}`}
      data-testid="demo.player"
      data-demo-id={script.id}
      data-show={kind}
      data-status={status}
      data-next={next}
      data-busy={busy}
      data-cold-starts={reports.reduce((n, r) => n + r.stats.cold, 0)}
    >
      <div className="demo-head">
        {pickable ? (
          <span className="demo-pick">
            <label htmlFor={pickId}>Demo</label>{' '}
            <select
              id={pickId}
              value={script.id}
              onChange={(e) => demoHost.select(e.currentTarget.value)}
              data-testid="demo.select"
              disabled={busy || status === 'running'}
            >
              {demos.map((d) => (
                <option key={d.script.id} value={d.script.id}>
                  {d.script.title}
                </option>
              ))}
            </select>
          </span>
        ) : null}
        <h3 className="demo-title">{script.title}</h3>
        <fieldset className="demo-controls">
          <legend className="visually-hidden">Demo controls</legend>
          {status === 'running' ? (
            <button type="button" onClick={() => run('pause')} data-testid="demo.pause">
              ❚❚ Pause
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              onClick={() => run('run')}
              disabled={busy || done || failed || cannot !== null}
              title={cannot ?? undefined}
              data-testid="demo.run"
            >
              ▶ {next > 0 && !done ? 'Continue' : 'Run'}
            </button>
          )}
          <button
            type="button"
            onClick={() => run('step')}
            disabled={busy || done || failed || cannot !== null}
            data-testid="demo.step"
          >
            Step ›
          </button>
          <button
            type="button"
            className={done || failed ? 'primary' : undefined}
            onClick={() => run('replay')}
            disabled={busy || cannot !== null || (next === 0 && !failed)}
            data-testid="demo.replay"
          >
            ↺ Replay
          </button>
        </fieldset>
        <span className="demo-progress" data-testid="demo.progress" aria-live="polite">
          {busy
            ? `Running step ${next + 1} of ${script.steps.length}…`
            : `Step ${next} of ${script.steps.length}`}
          {done ? ' · done' : ''}
        </span>
      </div>
      {error ? (
        <p className="inline-error" role="alert" data-testid="demo.error">
          {error}
        </p>
      ) : null}
      <p className="demo-say" data-testid="demo.say">
        {step ? (
          <>
            <strong>{step.title}.</strong> {step.say}
          </>
        ) : (
          script.summary
        )}
      </p>
      <div className="demo-body">
        <div className="demo-stage">
          <DemoViz kind={kind} events={host.trace} report={busy ? null : report} big={size === 'projector'} />
        </div>
        <ul className="demo-lines" data-testid="demo.lines" aria-label="What this step did">
          {(report && !busy ? report.lines : []).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      <KeyMoments
        moments={moments}
        originMs={activityStartMs(host.trace) ?? 0}
        current={report && !busy ? { fromMs: report.startMs, toMs: report.endMs } : null}
        title="Key moments of this demo"
      />
      {size === 'normal' ? (
        <ol className="demo-steps" aria-label="Steps">
          {script.steps.map((s, i) => (
            <li
              key={s.title}
              className={i < next ? 'done' : i === next ? 'current' : ''}
              aria-current={i === next ? 'step' : undefined}
            >
              {s.title}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
