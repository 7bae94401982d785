/**
 * Export, import and reset of the whole workspace. An import is validated (with migrations) before it
 * replaces anything; a refused file leaves the workspace as it was and says why. Import and reset are
 * undoable (the "Undo replace" button), and reset asks first.
 */
import { useRef, useState } from 'react';
import { useLabStore } from '../store/labStore';
import { defaultWorkspace, exportWorkspace, importWorkspace } from '../store/workspaceDoc';
import { SamAppMenu } from './sam/SamAppMenu';

/** A file name for today's export, e.g. lambda-lab-workspace-2026-11-27.json. */
export function exportFileName(now: Date): string {
  return `lambda-lab-workspace-${now.toISOString().slice(0, 10)}.json`;
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export function WorkspaceMenu() {
  const fileInput = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);

  const onImport = async (file: File) => {
    setError(null);
    const parsed = importWorkspace(await file.text());
    if (!parsed.ok) {
      setError(`"${file.name}" was not imported: ${parsed.reason}. Your workspace is unchanged.`);
      return;
    }
    const state = useLabStore.getState();
    state.replaceWorkspace(parsed.workspace);
    state.addNotice(
      'info',
      `Imported "${file.name}" (${Object.keys(parsed.workspace.functions).length} function(s)). Undo replace brings back what you had.`,
    );
  };

  return (
    <div className="workspace-menu">
      <details>
        <summary data-testid="workspace.menu">Workspace</summary>
        <div className="menu-body">
          <button
            type="button"
            data-testid="workspace.export"
            onClick={() =>
              download(exportFileName(new Date()), exportWorkspace(useLabStore.getState().workspace))
            }
          >
            Export to a file
          </button>
          <button type="button" data-testid="workspace.import" onClick={() => fileInput.current?.click()}>
            Import from a file…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            hidden
            data-testid="workspace.import-file"
            aria-label="Workspace file to import"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void onImport(file);
            }}
          />
          <button type="button" data-testid="workspace.reset" onClick={() => dialog.current?.showModal()}>
            Reset to the starter…
          </button>
          <SamAppMenu />
        </div>
      </details>
      {error ? (
        <p className="inline-error menu-error" role="alert" data-testid="workspace.import-error">
          {error}{' '}
          <button type="button" className="link-button" onClick={() => setError(null)}>
            Dismiss
          </button>
        </p>
      ) : null}
      <dialog ref={dialog} aria-labelledby="reset-title" data-testid="workspace.reset-dialog">
        <h2 id="reset-title">Reset the workspace?</h2>
        <p>
          Every function goes back to the starter code and configuration. You can bring your work back with{' '}
          <strong>Undo replace</strong> until the next replacement.
        </p>
        <form method="dialog" className="dialog-actions">
          <button value="cancel" type="submit">
            Keep my work
          </button>
          <button
            value="reset"
            type="submit"
            className="danger"
            data-testid="workspace.reset-confirm"
            onClick={() => {
              const state = useLabStore.getState();
              state.replaceWorkspace(defaultWorkspace());
              state.addNotice(
                'info',
                'The workspace was reset to the starter. Undo replace brings your work back.',
              );
            }}
          >
            Reset
          </button>
        </form>
      </dialog>
    </div>
  );
}
