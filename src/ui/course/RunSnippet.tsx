import type { LabBlock } from '../../lessons/blocks';

export type RunBlock = Extract<LabBlock, { kind: 'run' }>;

interface RunSnippetProps {
  readonly block: RunBlock;
  /** Runs the snippet (the lead wires it to the lab); without it the button is disabled. */
  readonly onRun?: (block: RunBlock) => void;
  readonly running?: boolean;
}

export function RunSnippet({ block, onRun, running = false }: RunSnippetProps) {
  const codeId = `snippet-${block.id}`;
  return (
    <figure className="course-snippet">
      <pre id={codeId}>
        <code className="language-python">{block.code}</code>
      </pre>
      <figcaption className="course-row">
        <button
          type="button"
          className="primary"
          onClick={() => onRun?.(block)}
          disabled={onRun === undefined || running}
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
    </figure>
  );
}
