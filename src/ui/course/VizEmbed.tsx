import { lazy, type ReactNode, Suspense } from 'react';
import type { LabBlock } from '../../lessons/blocks';
import type { LessonContent } from '../../lessons/course';
import { Markdown } from './SafeHtml';

export type VizBlock = Extract<LabBlock, { kind: 'viz' }>;

/** The visualizers are a chunk of their own, fetched when a lesson with a block is opened. */
const LessonViz = lazy(() => import('../viz/LessonViz'));

interface VizEmbedProps {
  readonly block: VizBlock;
  /** The lesson the block sits in: its world names resolve there. */
  readonly lesson?: LessonContent;
  /** A host-supplied visualizer replaces the built-in one. */
  readonly children?: ReactNode;
}

export function VizEmbed({ block, lesson, children }: VizEmbedProps) {
  const builtIn =
    lesson && block.world ? (
      <Suspense fallback={<p className="muted">Loading the {block.viz} visualizer…</p>}>
        <LessonViz lessonId={lesson.id} kind={block.viz} world={block.world} />
      </Suspense>
    ) : (
      <p className="muted">The {block.viz} visualizer needs a world to run (world=...).</p>
    );
  return (
    <figure className="course-viz" data-viz={block.viz}>
      <div className="course-viz-slot" data-testid="viz.slot">
        {children ?? builtIn}
      </div>
      {block.caption.trim() !== '' && (
        <figcaption>
          <Markdown text={block.caption} />
        </figcaption>
      )}
    </figure>
  );
}
