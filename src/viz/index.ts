/**
 * The visualizers: pure `trace -> model` projections with cheap per-frame reads, the sweeps that run
 * worlds through a factory, virtual-clock playback, and the thin components that draw them.
 */

export { ColdStartTimeline, type ColdStartTimelineProps } from './coldStart/ColdStartTimeline';
export { DEFAULT_MIN_GAP_MS, type IdleGap, idleGaps } from './coldStart/timeAxis';
export type * from './coldStart/timelineTypes';
export type { EnvStateAt, TimelineOptions } from './coldStart/toTimelineModel';
export {
  rowStateAt,
  spanRange,
  spansInWindow,
  timelineFrameAt,
  toTimelineModel,
} from './coldStart/toTimelineModel';
export { EventTable, type EventTableProps } from './EventTable';
export { createEventIndex, describeEvent, type EventRow, eventRowsAt } from './eventRows';
export { FlowDiagram, type FlowDiagramProps } from './flow/FlowDiagram';
export type * from './flow/flowTypes';
export { type InvocationSummary, inspectToken, type TokenDetails } from './flow/inspectToken';
export { type FlowOptions, flowFrameAt, toFlowModel } from './flow/toFlowModel';
export { command, type SimLab, type SimLabFactory } from './lab/simLab';
export { KeyMoments, type KeyMomentsProps } from './moments/KeyMoments';
export { type KeyMoment, type MomentKind, toKeyMoments } from './moments/keyMoments';
export * from './playback/createPlayback';
export { PlaybackControls, type PlaybackControlsProps } from './playback/PlaybackControls';
export { usePlayback, usePrefersReducedMotion } from './playback/usePlayback';
export { PowerTuningChart, type PowerTuningChartProps } from './powerTuning/PowerTuningChart';
export {
  DEFAULT_MEMORY_SIZES,
  type PowerTuningInput,
  type PowerTuningPoint,
  type PowerTuningResult,
  runPowerTuning,
} from './powerTuning/powerTuning';
export { KNOBS, type KnobName, type KnobSpec, type KnobValues } from './pushPoll/knobs';
export { PushPollLanes, type PushPollLanesProps } from './pushPoll/PushPollLanes';
export * from './pushPoll/toPushPollModel';
export { activityStartMs, isSetupEvent } from './trace/activity';
export type { TraceLike } from './trace/looseEvents';
export { SERVICE_EVENT_NAMES } from './trace/serviceEvents';
export { WhatIfTimelines, type WhatIfTimelinesProps } from './whatIf/WhatIfTimelines';
export {
  runWhatIf,
  type TrafficScript,
  type WhatIfConfig,
  type WhatIfInput,
  type WhatIfResult,
  type WhatIfSide,
} from './whatIf/whatIf';
