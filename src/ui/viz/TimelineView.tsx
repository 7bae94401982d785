/** The cold-start timeline tab: one row per execution environment of the chosen trace, played back. */
import { use } from 'react';
import { TimelineDrawing } from './TimelineDrawing';
import { SourcePicker, type SourceProps, useSourceTrace } from './traceSource';
import { loadVizLab } from './vizLabModule';

export default function TimelineView(props: SourceProps) {
  const lab = use(loadVizLab());
  const events = useSourceTrace(lab, props.source);
  return (
    <TimelineDrawing
      events={events}
      tools={<SourcePicker {...props} />}
      empty={
        <p>
          Run a Test: each execution environment gets a row here, with Init (modeled platform parts and your
          module's measured code), its invocations and idle time. Or pick the demo trace above.
        </p>
      }
    />
  );
}
