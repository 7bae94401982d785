/**
 * The output column: the console's execution result first, then the views that read the whole world
 * (logs, metrics, bill, resources, visualizers). Each view is its own lazy chunk, loaded when opened.
 */
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { Tabs } from './layout/Tabs';
import { OutputPanel } from './OutputPanel';

const TimelinePanel = lazy(() => import('./TimelinePanel'));

type OutputTab = 'result' | 'viz';

const loading = (what: string) => <p className="muted">Loading {what}…</p>;
const lazyView = (what: string, view: ReactNode) => <Suspense fallback={loading(what)}>{view}</Suspense>;

export function OutputTabs() {
  const [tab, setTab] = useState<OutputTab>('result');
  return (
    <section className="panel output-panel" aria-label="Output">
      <Tabs<OutputTab>
        label="Output"
        testId="output"
        selected={tab}
        onSelect={setTab}
        tabs={[
          { key: 'result', label: 'Execution result', render: () => <OutputPanel /> },
          { key: 'viz', label: 'Visualizers', render: () => lazyView('the visualizers', <TimelinePanel />) },
        ]}
      />
    </section>
  );
}
