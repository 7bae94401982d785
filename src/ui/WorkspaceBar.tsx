/**
 * Above the editor: which function is open, the file tree toggle, Deploy (Ctrl/Cmd+S) with what it did,
 * and Undo after the workspace was replaced wholesale.
 */
import { useShallow } from 'zustand/react/shallow';
import { useLabStore } from '../store/labStore';
import { selectActiveFunction } from '../store/workspaceSlice';
import { runDeploy, useDeployShortcut, useDeployStatus } from './editor/deployStatus';
import { setEditorPrefs, treeHidden, useEditorPrefs } from './editor/editorPrefs';
import './editor/editor.css';

export function WorkspaceBar() {
  // useShallow: a fresh array of the same names must not count as a change (it would re-render forever).
  const names = useLabStore(useShallow((s) => Object.keys(s.workspace.functions)));
  const active = useLabStore((s) => s.workspace.activeFunction);
  const canUndo = useLabStore((s) => s.previousWorkspace !== null);
  const pythonReady = useLabStore((s) => s.python.state === 'ready');
  const files = useLabStore(useShallow((s) => Object.keys(selectActiveFunction(s).files)));
  const activeFile = useLabStore((s) => selectActiveFunction(s).activeFile);
  const { setActiveFunction, setActiveFile, undoReplace } = useLabStore.getState();
  const filesHidden = treeHidden(useEditorPrefs(), files.length);
  const deploy = useDeployStatus();
  useDeployShortcut();
  const deployText = deploy.functionName === null || deploy.functionName === active ? deploy.text : '';
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
      <button
        type="button"
        aria-pressed={!filesHidden}
        onClick={() => setEditorPrefs({ filesHidden: !filesHidden })}
        data-testid="workspace.files-toggle"
        title="Show or hide the /var/task file tree"
      >
        Files
      </button>
      {filesHidden ? (
        <label>
          File{' '}
          <select
            value={activeFile}
            onChange={(e) => setActiveFile(e.target.value)}
            data-testid="workspace.file"
          >
            {files.map((path) => (
              <option key={path} value={path}>
                {path}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button
        type="button"
        className="deploy-button"
        onClick={() => void runDeploy()}
        disabled={!pythonReady || deploy.state === 'deploying'}
        title="Publish the code now: the next invoke is a cold start (Ctrl/Cmd+S)"
        data-testid="workspace.deploy"
      >
        Deploy
      </button>
      <span
        className={deploy.state === 'failed' ? 'deploy-status bad' : 'deploy-status'}
        role="status"
        data-testid="workspace.deploy-status"
        data-state={deploy.state}
      >
        {deployText}
      </span>
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
