import { useId, useState } from 'react';
import type { LabBlock } from '../../lessons/blocks';

export type RunBlock = Extract<LabBlock, { kind: 'run' }>;

interface RunSnippetProps {
  readonly block: RunBlock;
  /** Runs the snippet (the lead wires it to the lab); without it the button is disabled. */
  readonly onRun?: (block: RunBlock, eventJson: string) => void;
  readonly running?: boolean;
  /** The event the lesson gives the snippet, which the learner may change before running it. */
  readonly initialEvent?: string;
}

function jsonError(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function RunSnippet({ block, onRun, running = false, initialEvent = '{}' }: RunSnippetProps) {
  const codeId = `snippet-${block.id}`;
  const eventId = useId();
  const [eventJson, setEventJson] = useState(initialEvent);
  const error = jsonError(eventJson);
  return (
    <figure className="course-snippet">
      <pre id={codeId}>
        <code className="language-python">{block.code}</code>
      </pre>
      <figcaption className="course-row">
        <button
          type="button"
          className="primary"
          onClick={() => onRun?.(block, eventJson)}
          disabled={onRun === undefined || running || error !== null}
          aria-describedby={codeId}
          data-testid="snippet.run"
        >
          {running ? 'Running…' : 'Run'}
        </button>
        <span className="muted">
          {block.event === null ? 'with an empty event' : `with the event ${block.event}`}, handler{' '}
          <code>{block.handler}</code>
        </span>
      </figcaption>
      <details className="course-snippet-event">
        <summary>Change the event</summary>
        <label htmlFor={eventId} className="visually-hidden">
          Event for this snippet (JSON)
        </label>
        <textarea
          id={eventId}
          value={eventJson}
          onChange={(e) => setEventJson(e.currentTarget.value)}
          spellCheck={false}
          rows={Math.min(12, Math.max(3, eventJson.split('\n').length))}
          aria-invalid={error !== null}
          data-testid="snippet.event"
        />
        {error !== null ? <p className="inline-error">The event is not JSON: {error}</p> : null}
      </details>
    </figure>
  );
}
