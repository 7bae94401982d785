/**
 * The instructor's strip under the header (instructor mode only): the current segment with previous
 * and next, the pacing timer, and the ways into the projector layout and the notes window.
 */
import './instructor.css';
import { notesWindowUrl } from '../../instructor/url';
import { useLabStore } from '../../store/labStore';
import { PacingTimer } from './PacingTimer';
import { SegmentNav } from './SegmentNav';
import { useInstructorContent } from './useInstructorContent';
import { usePresenterSync } from './usePresenterSync';

export function openNotesWindow(): void {
  // A named window: a second click brings the same window back instead of opening another.
  window.open(notesWindowUrl(), 'lambda-lab-notes', 'popup,width=1100,height=800');
}

export default function InstructorBarBody() {
  const content = useInstructorContent();
  usePresenterSync('lab');
  const state = useLabStore.getState();
  if (content.status === 'loading')
    return (
      <section className="instructor-bar" aria-label="Instructor" data-testid="instructor.bar">
        <span className="muted">Loading the lecture plan…</span>
      </section>
    );
  if (content.status === 'failed' || !content.content.plan)
    return (
      <section className="instructor-bar" aria-label="Instructor" data-testid="instructor.bar">
        <p className="inline-error" role="alert">
          The lecture plan could not be loaded:{' '}
          {content.status === 'failed' ? content.message : content.content.errors.join('; ')}
        </p>
      </section>
    );
  const { plan } = content.content;
  return (
    <section className="instructor-bar" aria-label="Instructor" data-testid="instructor.bar">
      <strong className="instructor-badge">Instructor</strong>
      <SegmentNav plan={plan} />
      <PacingTimer plan={plan} />
      <span className="instructor-actions">
        <button
          type="button"
          className="primary"
          onClick={() => state.setPresenting(true)}
          data-testid="instructor.present"
        >
          Present
        </button>
        <button type="button" onClick={openNotesWindow} data-testid="instructor.notes-window">
          Notes window
        </button>
        <button
          type="button"
          className="link-button"
          aria-label="Leave instructor mode"
          onClick={() => state.setInstructorMode(false)}
          data-testid="instructor.off"
        >
          Leave
        </button>
      </span>
    </section>
  );
}
