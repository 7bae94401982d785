/** The editor chunk's entry: Python is the handler editor, JSON (the test event) the plain editor. */
import CodeEditor, { type CodeEditorProps } from './CodeEditor';
import HandlerEditor from './HandlerEditor';

export default function EditorByLanguage(props: CodeEditorProps) {
  return props.language === 'python' ? <HandlerEditor {...props} /> : <CodeEditor {...props} />;
}
