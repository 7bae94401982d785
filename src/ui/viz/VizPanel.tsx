/**
 * The visualizers, as one panel of tabs: the cold-start timeline, the event flow, push against poll,
 * what-if and power tuning. Each tab is its own lazy chunk; the time-based ones draw the learner's world
 * (re-read when it changes) or a demo, with playback and an event table as their text alternative.
 */
import './vizPanel.css';
import { Component, lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { Tabs } from '../layout/Tabs';
import type { TraceSource } from './traceSource';

const TimelineView = lazy(() => import('./TimelineView'));
const FlowView = lazy(() => import('./FlowView'));
const PushPollView = lazy(() => import('./PushPollView'));
const WhatIfView = lazy(() => import('./WhatIfView'));
const PowerTuningView = lazy(() => import('./PowerTuningView'));

export type VizTab = 'timeline' | 'flow' | 'pushpoll' | 'whatif' | 'power';

/** A view that throws says so in place, instead of taking the output column down with it. */
class ViewBoundary extends Component<{ readonly children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    if (this.state.error)
      return (
        <p className="inline-error" role="alert" data-testid="viz.failed">
          This view failed: {this.state.error}
        </p>
      );
    return this.props.children;
  }
}

const wrap = (what: string, view: ReactNode) => (
  <ViewBoundary>
    <Suspense fallback={<p className="muted">Loading {what}…</p>}>{view}</Suspense>
  </ViewBoundary>
);

// Remembered while the panel is closed (the output column unmounts it), for the page's lifetime.
let remembered: { tab: VizTab; source: TraceSource } = { tab: 'timeline', source: 'world' };

export interface VizPanelProps {
  /** Present mode: always the large view, drawn for the projector, with no way back to a column. */
  readonly presenting?: boolean;
}

export function VizPanel({ presenting = false }: VizPanelProps) {
  const [tab, setTabState] = useState<VizTab>(remembered.tab);
  const [source, setSourceState] = useState<TraceSource>(remembered.source);
  const setTab = (next: VizTab) => {
    remembered = { ...remembered, tab: next };
    setTabState(next);
  };
  const setSource = (next: TraceSource) => {
    remembered = { ...remembered, source: next };
    setSourceState(next);
  };
  const sourceProps = { source, onSource: setSource };
  // The large view: the visualizers take the whole window below the header; Escape brings them back.
  const [largeChosen, setLarge] = useState(false);
  const large = largeChosen || presenting;
  useEffect(() => {
    // The presenter owns Escape (it leaves Present mode).
    if (!largeChosen || presenting) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setLarge(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [largeChosen, presenting]);
  return (
    <section
      className={presenting ? 'viz-panel viz-present' : large ? 'viz-panel viz-large' : 'viz-panel'}
      data-testid="viz.panel"
      data-large={large}
      aria-label="Visualizers"
    >
      {presenting ? null : (
        <button
          type="button"
          className="viz-large-toggle"
          aria-pressed={large}
          onClick={() => setLarge(!large)}
          data-testid="viz.large"
          title={
            large ? 'Back to the output column (Escape)' : 'Show the visualizers across the whole window'
          }
        >
          {large ? 'Back to the column' : 'Large view'}
        </button>
      )}
      <Tabs<VizTab>
        label="Visualizers"
        testId="viz.tab"
        selected={tab}
        onSelect={setTab}
        className="viz-tabs"
        tabs={[
          {
            key: 'timeline',
            label: 'Timeline',
            render: () => wrap('the timeline', <TimelineView {...sourceProps} />),
          },
          {
            key: 'flow',
            label: 'Event flow',
            render: () => wrap('the event flow', <FlowView {...sourceProps} />),
          },
          {
            key: 'pushpoll',
            label: 'Push vs poll',
            render: () => wrap('push against poll', <PushPollView />),
          },
          { key: 'whatif', label: 'What-if', render: () => wrap('what-if', <WhatIfView />) },
          { key: 'power', label: 'Power tuning', render: () => wrap('power tuning', <PowerTuningView />) },
        ]}
      />
    </section>
  );
}

export default VizPanel;
