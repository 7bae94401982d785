import type { ReactNode } from 'react';
import type { LabBlock } from '../../lessons/blocks';
import { Markdown } from './SafeHtml';

export type VizBlock = Extract<LabBlock, { kind: 'viz' }>;

interface VizEmbedProps {
  readonly block: VizBlock;
  /** The visualizer, mounted by the lead; a placeholder shows until then. */
  readonly children?: ReactNode;
}

export function VizEmbed({ block, children }: VizEmbedProps) {
  return (
    <figure className="course-viz" data-viz={block.viz}>
      <div className="course-viz-slot" data-testid="viz.slot">
        {children ?? <p className="muted">The {block.viz} visualizer appears here.</p>}
      </div>
      {block.caption.trim() !== '' && (
        <figcaption>
          <Markdown text={block.caption} />
        </figcaption>
      )}
    </figure>
  );
}
