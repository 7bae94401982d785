import { lazy, Suspense } from 'react';
import { runTest } from '../controller/lab';
import { useLabStore } from '../store/labStore';
import { selectActiveFunction } from '../store/workspaceSlice';
import { LazyCodeEditor } from './editor/lazyEditor';
import { NoticeBar } from './NoticeBar';
import { OutputPanel } from './OutputPanel';
import { PythonStatus } from './PythonStatus';
import { TestPanel } from './TestPanel';
import { ThemePicker, useResolvedTheme } from './ThemePicker';
import { WorkspaceBar } from './WorkspaceBar';

/** The course (content, Markdown and YAML parsing, quizzes) loads after the first paint. */
const CoursePane = lazy(() => import('./CoursePane').then((m) => ({ default: m.CoursePane })));

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
        <aside className="panel lesson" aria-label="Lesson" data-testid="lesson">
          <Suspense fallback={<p className="muted">Loading the course…</p>}>
            <CoursePane />
          </Suspense>
        </aside>
        <section className="panel code-panel" aria-labelledby="code-heading">
          <div className="panel-header">
            <h2 id="code-heading">{fileName}</h2>
          </div>
          <WorkspaceBar />
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
