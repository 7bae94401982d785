import { Suspense } from 'react';
import { runTest } from '../controller/labController';
import { useLabStore } from '../store/labStore';
import { selectActiveFunction } from '../store/workspaceSlice';
import { LazyCodeEditor } from './editor/lazyEditor';
import { NoticeBar } from './NoticeBar';
import { OutputPanel } from './OutputPanel';
import { PythonStatus } from './PythonStatus';
import { TestPanel } from './TestPanel';
import { ThemePicker, useResolvedTheme } from './ThemePicker';

export function App() {
  const fileName = useLabStore((s) => selectActiveFunction(s).activeFile);
  const code = useLabStore((s) => selectActiveFunction(s).files[fileName] ?? '');
  const setFileText = useLabStore((s) => s.setFileText);
  const dark = useResolvedTheme() === 'dark';
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          λ Lambda Lab <span className="muted">Module 09: Serverless with AWS Lambda</span>
        </h1>
        <div className="header-tools">
          <PythonStatus />
          <ThemePicker />
        </div>
      </header>
      <NoticeBar />
      <main className="layout">
        <article className="panel lesson" aria-labelledby="lesson-heading" data-testid="lesson">
          <h2 id="lesson-heading">Your first handler</h2>
          <p>
            A Lambda function is a handler that the service calls once per event. In Python it is a plain
            function, <code>lambda_handler(event, context)</code>: <code>event</code> is the JSON the trigger
            sent, already turned into a dict, and <code>context</code> describes this invocation.
          </p>
          <p>
            Edit the handler, change the test event, then press <kbd>Test</kbd> or <kbd>Ctrl</kbd>+
            <kbd>Enter</kbd>. Whatever the handler returns is the response; whatever it prints lands in the
            function logs.
          </p>
          <p className="muted">
            Everything runs in this browser tab: Python is Pyodide in a Web Worker, and no AWS account is
            needed.
          </p>
        </article>
        <section className="panel code-panel" aria-labelledby="code-heading">
          <div className="panel-header">
            <h2 id="code-heading">{fileName}</h2>
          </div>
          <Suspense fallback={<pre className="editor-fallback">{code}</pre>}>
            <LazyCodeEditor
              language="python"
              value={code}
              onChange={(text) => setFileText(fileName, text)}
              onRun={() => void runTest()}
              ariaLabel={`Handler code, ${fileName}`}
              testId="editor.code"
              dark={dark}
            />
          </Suspense>
        </section>
        <TestPanel />
        <OutputPanel />
      </main>
    </div>
  );
}
