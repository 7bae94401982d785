/** Which function and file the editor shows, and Undo after the workspace was replaced wholesale. */
import { useShallow } from 'zustand/react/shallow';
import { useLabStore } from '../store/labStore';
import { selectActiveFunction } from '../store/workspaceSlice';

export function WorkspaceBar() {
  // useShallow: a fresh array of the same names must not count as a change (it would re-render forever).
  const names = useLabStore(useShallow((s) => Object.keys(s.workspace.functions)));
  const active = useLabStore((s) => s.workspace.activeFunction);
  const files = useLabStore(useShallow((s) => Object.keys(selectActiveFunction(s).files)));
  const activeFile = useLabStore((s) => selectActiveFunction(s).activeFile);
  const canUndo = useLabStore((s) => s.previousWorkspace !== null);
  const { setActiveFunction, setActiveFile, undoReplace } = useLabStore.getState();
  return (
    <div className="workspace-bar">
      <label>
        Function{' '}
        <select
          value={active}
          onChange={(e) => setActiveFunction(e.target.value)}
          data-testid="workspace.function"
        >
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <div role="tablist" aria-label="Files" className="file-tabs">
        {files.map((path) => (
          <button
            key={path}
            type="button"
            role="tab"
            aria-selected={path === activeFile}
            className={path === activeFile ? 'tab active' : 'tab'}
            onClick={() => setActiveFile(path)}
            data-testid="workspace.file"
          >
            {path}
          </button>
        ))}
      </div>
      {canUndo ? (
        <button
          type="button"
          onClick={undoReplace}
          data-testid="workspace.undo"
          title="Bring back the code you had before"
        >
          Undo replace
        </button>
      ) : null}
    </div>
  );
}
