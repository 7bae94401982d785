/**
 * The frame-time bench page: the app's timeline and event-flow drawings (the same components as the
 * Visualizers tab) on the 1,000-environment demo made by the simulation with the scripted runtime.
 * bench/vizFrames.mjs plays them and samples frames; `window.vizBench` says what was loaded.
 */
import '../src/ui/app.css';
import { createRoot } from 'react-dom/client';
import { runBurstDemo } from '../src/controller/scenarios/vizLabScenarios';
import { FlowDrawing } from '../src/ui/viz/FlowDrawing';
import { TimelineDrawing } from '../src/ui/viz/TimelineDrawing';
import '../src/ui/viz/vizPanel.css';

declare global {
  interface Window {
    vizBench?: { readonly events: number; readonly environments: number; readonly simMs: number };
  }
}

const started = performance.now();
const events = runBurstDemo(1000);
const simMs = performance.now() - started;
const environments = events.filter((e) => e.name === 'lambda.env.created').length;

// `?views=timeline` or `?views=flow` draws one of them, to tell their costs apart.
const views = new URLSearchParams(location.search).get('views') ?? 'timeline,flow';
createRoot(document.getElementById('root')!).render(
  <div className="viz-panel">
    {views.includes('timeline') ? (
      <TimelineDrawing events={events} label="Timeline: 1,000 environments" viewportRows={24} />
    ) : null}
    {views.includes('flow') ? <FlowDrawing events={events} label="Event flow: 3,000 requests" /> : null}
  </div>,
);
window.vizBench = { events: events.length, environments, simMs };
