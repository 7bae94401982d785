/**
 * Lazily loaded components, for the app shell: each view becomes its own chunk, fetched when first shown
 * (wrap in <Suspense>). The models are small and can be imported eagerly from './index'.
 */
import { lazy } from 'react';

export const LazyColdStartTimeline = lazy(() =>
  import('./coldStart/ColdStartTimeline').then((m) => ({ default: m.ColdStartTimeline })),
);
export const LazyFlowDiagram = lazy(() =>
  import('./flow/FlowDiagram').then((m) => ({ default: m.FlowDiagram })),
);
export const LazyPushPollLanes = lazy(() =>
  import('./pushPoll/PushPollLanes').then((m) => ({ default: m.PushPollLanes })),
);
export const LazyPowerTuningChart = lazy(() =>
  import('./powerTuning/PowerTuningChart').then((m) => ({ default: m.PowerTuningChart })),
);
export const LazyWhatIfTimelines = lazy(() =>
  import('./whatIf/WhatIfTimelines').then((m) => ({ default: m.WhatIfTimelines })),
);
