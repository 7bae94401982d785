/** The file tree's inline forms: a path to add or rename to (validated as you type), and delete's confirmation. */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { deletePlan, pathAdvice, pathProblem } from '../../store/fileTreeActions';
import type { FunctionDraft } from '../../store/workspaceDoc';

export interface PathFormProps {
  readonly mode: 'add' | 'rename';
  /** The path being renamed, or the folder prefix a new file starts in (`pkg/`). */
  readonly start: string;
  readonly draft: FunctionDraft;
  readonly onSubmit: (path: string) => string | null;
  readonly onCancel: () => void;
}

export function PathForm({ mode, start, draft, onSubmit, onCancel }: PathFormProps) {
  const [path, setPath] = useState(start);
  const [touched, setTouched] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => {
    input.current?.focus();
    // Select the name, not the folder, so typing replaces just the file name.
    const from = start.lastIndexOf('/') + 1;
    const to = mode === 'rename' && start.includes('.') ? start.lastIndexOf('.') : start.length;
    input.current?.setSelectionRange(from, Math.max(from, to));
  }, [mode, start]);
  const leaving = new Set(mode === 'rename' ? deletePlan(draft, start).files : []);
  const problem =
    mode === 'rename' && path === start
      ? null
      : (refusal ?? pathProblem(path, Object.keys(draft.files), leaving));
  const shownProblem = touched ? problem : null;
  const advice = shownProblem ? null : pathAdvice(path);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (mode === 'rename' && path === start) return onCancel();
    if (problem) return;
    setRefusal(onSubmit(path));
  };
  return (
    <form className="file-form" onSubmit={submit} data-testid="files.form">
      <label htmlFor={`${id}-path`}>{mode === 'add' ? 'New file in /var/task' : `Rename ${start} to`}</label>
      <input
        id={`${id}-path`}
        ref={input}
        value={path}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={shownProblem ? true : undefined}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          setPath(e.target.value);
          setTouched(true);
          setRefusal(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          }
        }}
        data-testid="files.path"
      />
      <p
        id={`${id}-help`}
        className={shownProblem ? 'inline-error' : 'hint'}
        aria-live="polite"
        data-testid="files.path-message"
      >
        {shownProblem ?? advice ?? 'Use / for folders: pkg/util.py. Enter saves, Esc cancels.'}
      </p>
      <div className="file-form-actions">
        <button type="submit" className="primary" data-testid="files.save">
          {mode === 'add' ? 'Add' : 'Rename'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export interface DeleteConfirmProps {
  readonly path: string;
  readonly draft: FunctionDraft;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

export function DeleteConfirm({ path, draft, onConfirm, onCancel }: DeleteConfirmProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => cancel.current?.focus(), []);
  const { files, removesHandler } = deletePlan(draft, path);
  const isFolder = draft.files[path] === undefined;
  const what = isFolder
    ? `Delete the folder ${path} and the ${files.length} file${files.length === 1 ? '' : 's'} in it?`
    : `Delete ${path}?`;
  return (
    <fieldset className="file-form" aria-describedby={`${id}-q`} data-testid="files.confirm">
      <legend id={`${id}-q`}>
        <strong>{what}</strong>
      </legend>
      {removesHandler ? (
        <p className="inline-error">
          It holds the handler ({draft.handler}): until you add it back or change the handler, every invoke
          fails with Runtime.ImportModuleError.
        </p>
      ) : null}
      <div className="file-form-actions">
        <button type="button" className="danger" onClick={onConfirm} data-testid="files.confirm-delete">
          Delete
        </button>
        <button
          type="button"
          ref={cancel}
          onClick={onCancel}
          onKeyDown={(e) => e.key === 'Escape' && onCancel()}
        >
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
