/**
 * The output column: the console's execution result first, then the views that read the whole world
 * (logs, metrics, bill, resources, visualizers). Each view is its own lazy chunk, loaded when opened.
 */
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { Tabs } from './layout/Tabs';
import { OutputPanel } from './OutputPanel';

const LogsPanel = lazy(() => import('./output/LogsPanel'));
const MetricsPanel = lazy(() => import('./output/MetricsPanel'));
const BillPanel = lazy(() => import('./output/BillPanel'));
const ResourcesPanel = lazy(() => import('./resources/ResourcesPanel'));
const VizPanel = lazy(() => import('./viz/VizPanel'));

type OutputTab = 'result' | 'logs' | 'metrics' | 'bill' | 'resources' | 'viz';

const lazyView = (what: string, view: ReactNode) => (
  <Suspense fallback={<p className="muted">Loading {what}…</p>}>{view}</Suspense>
);

export function OutputTabs() {
  const [tab, setTab] = useState<OutputTab>('result');
  return (
    <section className="panel output-panel" aria-label="Output" id="output" tabIndex={-1}>
      <Tabs<OutputTab>
        label="Output"
        testId="output"
        selected={tab}
        onSelect={setTab}
        tabs={[
          { key: 'result', label: 'Result', render: () => <OutputPanel /> },
          { key: 'logs', label: 'Logs', render: () => lazyView('the logs', <LogsPanel />) },
          { key: 'metrics', label: 'Metrics', render: () => lazyView('the metrics', <MetricsPanel />) },
          { key: 'bill', label: 'Bill', render: () => lazyView('the bill', <BillPanel />) },
          {
            key: 'resources',
            label: 'Resources',
            render: () => lazyView('the resources', <ResourcesPanel />),
          },
          { key: 'viz', label: 'Visualizers', render: () => lazyView('the visualizers', <VizPanel />) },
        ]}
      />
    </section>
  );
}
