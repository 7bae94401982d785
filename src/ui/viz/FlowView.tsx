/** The event-flow tab: the world's resources laid out, each request or message a token on its edge. */
import { use } from 'react';
import { FlowDrawing } from './FlowDrawing';
import { SourcePicker, type SourceProps, useSourceTrace } from './traceSource';
import { loadVizLab } from './vizLabModule';

export default function FlowView(props: SourceProps) {
  const lab = use(loadVizLab());
  const events = useSourceTrace(lab, props.source);
  return (
    <FlowDrawing
      events={events}
      tools={<SourcePicker {...props} />}
      empty={
        <p>
          Nothing has travelled yet. Run a Test to send a request from the console to your function, or add a
          trigger (an S3 notification, an SQS event source) and send something through it: each request or
          message becomes a token on its way. Or pick the demo trace above.
        </p>
      }
    />
  );
}
