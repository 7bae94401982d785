/**
 * Which trace the timeline and the flow draw: the learner's world, or the demo (three waves of 1,000
 * concurrent requests through the scripted runtime) that shows what the views do at scale.
 */
import { use, useId } from 'react';
import type { TraceEvent } from '../../sim';
import { useLearnerTrace, type VizLab } from './vizLabModule';

export type TraceSource = 'world' | 'demo';

export interface SourceProps {
  readonly source: TraceSource;
  readonly onSource: (source: TraceSource) => void;
}

let demo: Promise<readonly TraceEvent[]> | null = null;
/** Made once per page, after a frame, so the "preparing" fallback paints first. */
function demoTrace(lab: VizLab): Promise<readonly TraceEvent[]> {
  demo ??= new Promise((resolve) => setTimeout(() => resolve(lab.runBurstDemo(1000)), 30));
  return demo;
}

export function useSourceTrace(lab: VizLab, source: TraceSource): readonly TraceEvent[] {
  const learner = useLearnerTrace(lab);
  return source === 'demo' ? use(demoTrace(lab)) : learner;
}

export function SourcePicker({ source, onSource }: SourceProps) {
  const id = useId();
  return (
    <p className="viz-source">
      <label htmlFor={id}>Trace</label>{' '}
      <select
        id={id}
        data-testid="viz.source"
        value={source}
        onChange={(e) => onSource(e.currentTarget.value as TraceSource)}
      >
        <option value="world">Your world</option>
        <option value="demo">Demo: 1,000 environments</option>
      </select>
      {source === 'demo' ? (
        <span className="viz-modeled-tag">3,000 requests, scripted handlers: modeled</span>
      ) : null}
    </p>
  );
}
