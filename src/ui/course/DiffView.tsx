import { useMemo } from 'react';
import { diffLines, diffStats } from './lineDiff';

export interface DiffFile {
  readonly path: string;
  readonly learner: string;
  readonly solution: string;
}

/** The learner's files against the solution, one unified line diff per file. */
export function DiffView({ files }: { readonly files: readonly DiffFile[] }) {
  return (
    <section
      className="course-diff"
      aria-label="Your files compared with the solution"
      data-testid="diff.view"
    >
      <h4>Your solution compared with ours</h4>
      {files.map((f) => (
        <FileDiff key={f.path} file={f} />
      ))}
    </section>
  );
}

function FileDiff({ file }: { readonly file: DiffFile }) {
  const lines = useMemo(() => diffLines(file.learner, file.solution), [file.learner, file.solution]);
  const { added, removed } = diffStats(lines);
  return (
    <figure>
      <figcaption>
        <code>{file.path}</code>{' '}
        <span className="muted" data-testid="diff.stats">
          {added === 0 && removed === 0
            ? 'identical to the solution'
            : `${removed} line${removed === 1 ? '' : 's'} only in yours, ${added} only in the solution`}
        </span>
      </figcaption>
      <pre className="course-diff-lines">
        {lines.map((l, i) => {
          const key = `${i}:${l.op}`;
          if (l.op === 'same') return <span key={key}>{`  ${l.text}\n`}</span>;
          const Tag = l.op === 'add' ? 'ins' : 'del';
          return (
            <Tag key={key} className={`course-diff-${l.op}`} data-testid={`diff.${l.op}`}>
              <span aria-hidden="true">{l.op === 'add' ? '+ ' : '- '}</span>
              {`${l.text}\n`}
            </Tag>
          );
        })}
      </pre>
    </figure>
  );
}
