/**
 * A thin React wrapper over Monaco: the store owns the text; the editor reports edits, Ctrl/Cmd+Enter
 * (run) and Ctrl/Cmd+S (save). Given a `modelPath`, it keeps one model per path (undo history, cursor and
 * markers stay with each file) and switches between them; otherwise it has a single model.
 */
import { useEffect, useRef } from 'react';
import { useEditorPrefs } from './editorPrefs';
import { monaco } from './monacoSetup';

export interface CodeEditorProps {
  readonly value: string;
  readonly language: 'python' | 'json';
  readonly ariaLabel: string;
  readonly testId: string;
  readonly onChange: (value: string) => void;
  readonly onRun?: () => void;
  readonly dark?: boolean;
  /** A unique name for the file shown (`my-fn/var/task/app.py`): one model per name. */
  readonly modelPath?: string;
  /** The model names still in use; models of other names are disposed (a file deleted or renamed). */
  readonly livePaths?: readonly string[];
  /** Ctrl/Cmd+S; when absent the browser's own shortcut is left alone. */
  readonly onSave?: () => void;
  /** Called once with the created editor; the returned function runs when it is disposed. */
  readonly onEditor?: (editor: monaco.editor.IStandaloneCodeEditor) => (() => void) | undefined;
}

const uriFor = (path: string) => monaco.Uri.from({ scheme: 'lambda-lab', path: `/${path}` });

export default function CodeEditor({
  value,
  language,
  ariaLabel,
  testId,
  onChange,
  onRun,
  dark,
  modelPath,
  livePaths,
  onSave,
  onEditor,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef({ onChange, onRun, onSave });
  latest.current = { onChange, onRun, onSave };
  const { screenReader } = useEditorPrefs();
  // The editor is created once per mount from the first props; later changes flow through the effects below.
  const initial = useRef({ value, language, ariaLabel, dark, modelPath, onEditor, screenReader });
  const owned = useRef(new Map<string, monaco.editor.ITextModel>());

  useEffect(() => {
    if (!host.current) return;
    const first = initial.current;
    const models = owned.current;
    const model = first.modelPath
      ? monaco.editor.createModel(first.value, first.language, uriFor(first.modelPath))
      : monaco.editor.createModel(first.value, first.language);
    if (first.modelPath) models.set(first.modelPath, model);
    const created = monaco.editor.create(host.current, {
      model,
      ariaLabel: first.ariaLabel,
      automaticLayout: true,
      minimap: { enabled: false },
      // 13 px and a three-digit gutter: 80 columns fit a 1366 px laptop with the lesson open.
      fontSize: 13,
      lineNumbersMinChars: 3,
      scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
      scrollBeyondLastLine: false,
      tabSize: first.language === 'python' ? 4 : 2,
      theme: first.dark ? 'vs-dark' : 'vs',
      accessibilitySupport: first.screenReader ? 'on' : 'auto',
    });
    editor.current = created;
    const subscription = created.onDidChangeModelContent(() => latest.current.onChange(created.getValue()));
    created.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onRun?.());
    // Only editors that save claim Ctrl/Cmd+S; elsewhere it reaches the page's own handler.
    if (latest.current.onSave)
      created.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => latest.current.onSave?.());
    const detach = first.onEditor?.(created);
    return () => {
      detach?.();
      subscription.dispose();
      created.dispose();
      model.dispose();
      for (const m of models.values()) if (!m.isDisposed()) m.dispose();
      models.clear();
      editor.current = null;
    };
  }, []);

  useEffect(() => {
    const current = editor.current;
    if (!current || !modelPath) return;
    let model = owned.current.get(modelPath);
    if (!model || model.isDisposed()) {
      model = monaco.editor.createModel(value, language, uriFor(modelPath));
      owned.current.set(modelPath, model);
    }
    if (current.getModel() !== model) {
      current.setModel(model);
      current.updateOptions({ ariaLabel });
    }
    // The store may have changed the file while another one was shown (an exercise loaded, an undo).
    if (model.getValue() !== value) model.setValue(value);
  }, [modelPath, value, language, ariaLabel]);

  useEffect(() => {
    if (!livePaths) return;
    const keep = new Set(livePaths);
    for (const [path, model] of owned.current) {
      if (keep.has(path) || editor.current?.getModel() === model) continue;
      model.dispose();
      owned.current.delete(path);
    }
  }, [livePaths]);

  useEffect(() => {
    const current = editor.current;
    if (!modelPath && current && current.getValue() !== value) current.setValue(value);
  }, [value, modelPath]);

  useEffect(() => {
    monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }, [dark]);

  useEffect(() => {
    editor.current?.updateOptions({ accessibilitySupport: screenReader ? 'on' : 'auto', ariaLabel });
  }, [screenReader, ariaLabel]);

  return <div className="code-editor" data-testid={testId} ref={host} />;
}
