/**
 * The handler editor: the function's /var/task as a file tree beside Monaco, one model per file, Python's
 * own syntax check as you type, Lambda-aware completions and hovers, Ctrl/Cmd+S to deploy, Alt+F1 for
 * keyboard help and a remembered screen-reader mode.
 */
import { useCallback, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { checkSyntax } from '../../controller/lab/pythonBoot';
import type { SyntaxProblem } from '../../runtime/protocol';
import { useLabStore } from '../../store/labStore';
import { selectActiveFunction } from '../../store/workspaceSlice';
import CodeEditor, { type CodeEditorProps } from './CodeEditor';
import { clearDeployStatus, runDeploy } from './deployStatus';
import { EditorHelp, TAB_TRAP_KEY } from './EditorHelp';
import { setEditorPrefs, treeHidden, useEditorPrefs } from './editorPrefs';
import { FileTree } from './FileTree';
import { registerPythonFeatures } from './monacoPython';
import { monaco } from './monacoSetup';
import { watchSyntax } from './syntaxMarkers';
import { summarize } from './syntaxProblems';

const TASK = '/var/task/';
/** A model's name: the function, then the file's place in its /var/task. */
const modelName = (fn: string, path: string) => `${fn}${TASK}${path}`;
const fileOf = (model: monaco.editor.ITextModel) => {
  const at = model.uri.path.indexOf(TASK);
  return at < 0 ? null : model.uri.path.slice(at + TASK.length);
};

export default function HandlerEditor(props: CodeEditorProps) {
  const fn = useLabStore((s) => s.workspace.activeFunction);
  const file = useLabStore((s) => selectActiveFunction(s).activeFile);
  const livePaths = useLabStore(
    useShallow((s) =>
      Object.entries(s.workspace.functions).flatMap(([name, f]) =>
        Object.keys(f.files).map((p) => modelName(name, p)),
      ),
    ),
  );
  const pythonReady = useLabStore((s) => s.python.state === 'ready');
  const fileCount = useLabStore((s) => Object.keys(selectActiveFunction(s).files).length);
  const prefs = useEditorPrefs();
  const { screenReader } = prefs;
  const filesHidden = treeHidden(prefs, fileCount);
  const [problems, setProblems] = useState<{ file: string; list: readonly SyntaxProblem[] } | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [editor, setEditor] = useState<monaco.editor.IStandaloneCodeEditor | null>(null);

  useEffect(() => registerPythonFeatures(), []);

  const onEditor = useCallback((created: monaco.editor.IStandaloneCodeEditor) => {
    setEditor(created);
    created.addCommand(monaco.KeyMod.Alt | monaco.KeyCode.F1, () => setHelpOpen(true));
    const stop = watchSyntax(created, {
      fileOf,
      check: checkSyntax,
      onProblems: (checked, list) => setProblems({ file: checked, list }),
    });
    return () => {
      stop();
      setEditor(null);
    };
  }, []);

  const { onChange } = props;
  const shown = problems?.file === file ? problems.list : null;
  const errors = shown?.filter((p) => p.severity === 'error').length ?? 0;
  return (
    <div className="handler-editor">
      <div className={filesHidden ? 'handler-grid files-hidden' : 'handler-grid'}>
        {filesHidden ? null : <FileTree />}
        <div className="handler-main">
          <CodeEditor
            {...props}
            ariaLabel={`${props.ariaLabel}. Alt+F1 for keyboard help; ${TAB_TRAP_KEY} then Tab leaves the editor.`}
            modelPath={modelName(fn, file)}
            livePaths={livePaths}
            onChange={(text) => {
              onChange(text);
              clearDeployStatus();
            }}
            onSave={() => void runDeploy()}
            onEditor={onEditor}
          />
          <div className="editor-status">
            <div className="syntax-line">
              <p
                className={errors > 0 ? 'syntax-status bad' : 'syntax-status'}
                role="status"
                data-testid="editor.problems"
                data-count={shown?.length ?? ''}
              >
                {shown !== null
                  ? summarize(shown)
                  : pythonReady
                    ? 'Checking syntax…'
                    : 'Python checks the syntax once it has started.'}
              </p>
              {shown && shown.length > 0 ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    const first = shown[0];
                    if (!editor || !first) return;
                    editor.setPosition({ lineNumber: first.line, column: first.column });
                    editor.revealLineInCenter(first.line);
                    editor.focus();
                  }}
                  data-testid="editor.problems-go"
                >
                  Go to it
                </button>
              ) : null}
            </div>
            <div className="editor-tools">
              <span className="hint">{TAB_TRAP_KEY}, then Tab: leave the editor</span>
              <button
                type="button"
                className="link-button"
                onClick={() => setHelpOpen(true)}
                data-testid="editor.help-open"
              >
                Keyboard help (Alt+F1)
              </button>
              <label className="editor-a11y">
                <input
                  type="checkbox"
                  checked={screenReader}
                  onChange={(e) => setEditorPrefs({ screenReader: e.target.checked })}
                  data-testid="editor.screen-reader"
                />
                Screen reader mode
              </label>
            </div>
          </div>
        </div>
      </div>
      {helpOpen ? (
        <EditorHelp
          onClose={() => {
            setHelpOpen(false);
            editor?.focus();
          }}
        />
      ) : null}
    </div>
  );
}
