/** A thin React wrapper over Monaco: the store owns the text; the editor reports edits and Ctrl/Cmd+Enter. */
import { useEffect, useRef } from 'react';
import { monaco } from './monacoSetup';

export interface CodeEditorProps {
  readonly value: string;
  readonly language: 'python' | 'json';
  readonly ariaLabel: string;
  readonly testId: string;
  readonly onChange: (value: string) => void;
  readonly onRun?: () => void;
  readonly dark?: boolean;
}

export default function CodeEditor({
  value,
  language,
  ariaLabel,
  testId,
  onChange,
  onRun,
  dark,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef({ onChange, onRun });
  latest.current = { onChange, onRun };
  // The editor is created once per mount from the first props; later changes flow through the effects below.
  const initial = useRef({ value, language, ariaLabel, dark });

  useEffect(() => {
    if (!host.current) return;
    const { value, language, ariaLabel, dark } = initial.current;
    const created = monaco.editor.create(host.current, {
      value,
      language,
      ariaLabel,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      scrollBeyondLastLine: false,
      tabSize: language === 'python' ? 4 : 2,
      theme: dark ? 'vs-dark' : 'vs',
    });
    editor.current = created;
    const subscription = created.onDidChangeModelContent(() => latest.current.onChange(created.getValue()));
    created.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onRun?.());
    return () => {
      subscription.dispose();
      created.getModel()?.dispose();
      created.dispose();
      editor.current = null;
    };
  }, []);

  useEffect(() => {
    const current = editor.current;
    if (current && current.getValue() !== value) current.setValue(value);
  }, [value]);

  useEffect(() => {
    monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }, [dark]);

  return <div className="code-editor" data-testid={testId} ref={host} />;
}
