/** The test event editor and the Test button, disabled with its reason while the event or Python is not ready. */
import { Suspense } from 'react';
import { runTest } from '../controller/lab/lab';
import { validateEventJson } from '../lib/validateJson';
import { useLabStore } from '../store/labStore';
import { selectActiveFunction } from '../store/workspaceSlice';
import { LazyCodeEditor } from './editor/lazyEditor';
import { EventBar } from './events/EventBar';
import { useResolvedTheme } from './ThemePicker';

export function testBlocker(eventError: string | null, pythonState: string, running: boolean): string | null {
  if (eventError) return `Fix the test event first. ${eventError}`;
  if (pythonState === 'booting') return 'Python is still starting.';
  if (pythonState === 'failed') return 'Python could not start: press Retry above.';
  if (running) return 'A test is running.';
  return null;
}

export function TestPanel() {
  const eventName = useLabStore((s) => selectActiveFunction(s).activeEvent);
  const eventJson = useLabStore((s) => selectActiveFunction(s).events[eventName] ?? '');
  const setEventText = useLabStore((s) => s.setEventText);
  const pythonState = useLabStore((s) => s.python.state);
  const running = useLabStore((s) => s.running);
  const check = validateEventJson(eventJson);
  const eventError = check.ok ? null : check.message;
  const blocker = testBlocker(eventError, pythonState, running);

  return (
    <section className="panel test-panel" aria-labelledby="event-heading" id="test-event" tabIndex={-1}>
      <div className="panel-header">
        <h2 id="event-heading">Test event</h2>
        <button
          type="button"
          className="primary"
          data-testid="test.run"
          disabled={blocker !== null}
          title={blocker ?? 'Run the handler with this event (Ctrl/Cmd+Enter)'}
          aria-describedby={blocker ? 'test-blocker' : undefined}
          onClick={() => void runTest()}
        >
          {running ? 'Running…' : 'Test'}
        </button>
      </div>
      <EventBar />
      <Suspense fallback={<pre className="editor-fallback">{eventJson}</pre>}>
        <LazyCodeEditor
          language="json"
          value={eventJson}
          onChange={(text) => setEventText(eventName, text)}
          onRun={() => void runTest()}
          ariaLabel="Test event JSON"
          testId="editor.event"
          dark={useResolvedTheme() === 'dark'}
        />
      </Suspense>
      {eventError ? (
        <p className="inline-error" role="alert" data-testid="event.error">
          {eventError}
        </p>
      ) : null}
      {blocker && !running ? (
        <p id="test-blocker" className="hint" data-testid="test.blocker">
          {blocker}
        </p>
      ) : null}
    </section>
  );
}
