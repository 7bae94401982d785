import { lazy, Suspense, useEffect, useState } from 'react';
import { runTest } from '../controller/lab/lab';
import { useLabStore } from '../store/labStore';
import { selectActiveFunction } from '../store/workspaceSlice';
import { LazyCodeEditor } from './editor/lazyEditor';
import { HeaderTools } from './HeaderTools';
import { DemoPlayer, InstructorBar, InstructorNotes, PresenterView } from './instructor';
import {
  clamp,
  fitColumns,
  type LayoutPrefs,
  MIN_WIDTH,
  readLayout,
  STACK_BELOW_PX,
  writeLayout,
} from './layout/layoutPrefs';
import { Splitter } from './layout/Splitter';
import { Tabs } from './layout/Tabs';
import { useWindowWidth } from './layout/useWindowWidth';
import { NoticeBar } from './NoticeBar';
import { OutputTabs } from './OutputTabs';
import { TestPanel } from './TestPanel';
import { useResolvedTheme } from './ThemePicker';
import { WorkspaceBar } from './WorkspaceBar';

/** The course (content, Markdown and YAML parsing, quizzes) loads after the first paint. */
const CoursePane = lazy(() => import('./CoursePane').then((m) => ({ default: m.CoursePane })));
const ConfigPanel = lazy(() => import('./config/ConfigPanel').then((m) => ({ default: m.ConfigPanel })));

const storage = typeof localStorage === 'undefined' ? undefined : localStorage;

function useLayout(): [LayoutPrefs, (patch: Partial<LayoutPrefs>) => void] {
  const [layout, setLayout] = useState(() => readLayout(storage));
  useEffect(() => writeLayout(storage, layout), [layout]);
  return [layout, (patch) => setLayout((l) => ({ ...l, ...patch }))];
}

function CodeView() {
  const fileName = useLabStore((s) => selectActiveFunction(s).activeFile);
  const code = useLabStore((s) => selectActiveFunction(s).files[fileName] ?? '');
  const setFileText = useLabStore((s) => s.setFileText);
  const dark = useResolvedTheme() === 'dark';
  return (
    <>
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
    </>
  );
}

type WorkTab = 'code' | 'config' | 'demo';

export function App() {
  const [layout, patchLayout] = useLayout();
  const [workTab, setWorkTab] = useState<WorkTab>('code');
  const instructor = useLabStore((s) => s.instructorMode);
  const windowWidth = useWindowWidth();
  const stacked = windowWidth < STACK_BELOW_PX;
  const columns = fitColumns(layout, windowWidth);
  const lessonWidth = columns.lesson;
  const sideWidth = columns.side;
  return (
    <div className={stacked ? 'app stacked' : 'app'}>
      <nav className="skip-links" aria-label="Skip links">
        <a href="#test-event">Skip to the test event</a>
        <a href="#output">Skip to the output</a>
      </nav>
      <header className="app-header">
        <h1>
          λ Lambda Lab <span className="muted">Module 09: Serverless with AWS Lambda</span>
        </h1>
        <HeaderTools />
      </header>
      <InstructorBar />
      <NoticeBar />
      <PresenterView />
      <main
        className="layout"
        data-testid="layout"
        data-stacked={stacked}
        style={
          stacked
            ? undefined
            : { gridTemplateColumns: `${lessonWidth}px 8px minmax(0, 1fr) 8px ${sideWidth}px` }
        }
      >
        <aside
          className="panel lesson"
          aria-label="Lesson"
          data-testid="lesson"
          hidden={layout.lessonCollapsed && !stacked}
        >
          <InstructorNotes />
          <Suspense fallback={<p className="muted">Loading the course…</p>}>
            <CoursePane />
          </Suspense>
        </aside>
        <Splitter
          label="Lesson width"
          orientation="vertical"
          value={lessonWidth}
          min={MIN_WIDTH.lesson}
          max={columns.lessonMax}
          step={40}
          fromDrag={(start, dx) => start + dx}
          onChange={(w) => patchLayout({ lessonWidth: w, lessonCollapsed: false })}
          onToggle={() => patchLayout({ lessonCollapsed: !layout.lessonCollapsed })}
          testId="layout.lesson-splitter"
        />
        <section className="panel code-panel" aria-label="Function">
          <div className="panel-toggles">
            <button
              type="button"
              className="link-button"
              aria-expanded={!layout.lessonCollapsed}
              onClick={() => patchLayout({ lessonCollapsed: !layout.lessonCollapsed })}
              data-testid="layout.lesson-toggle"
            >
              {layout.lessonCollapsed ? '» Show lesson' : '« Hide lesson'}
            </button>
            <button
              type="button"
              className="link-button"
              aria-expanded={!layout.sideCollapsed}
              onClick={() => patchLayout({ sideCollapsed: !layout.sideCollapsed })}
              data-testid="layout.side-toggle"
            >
              {layout.sideCollapsed ? 'Show test and output «' : 'Hide test and output »'}
            </button>
          </div>
          <Tabs<WorkTab>
            label="Function"
            testId="work"
            selected={workTab}
            onSelect={setWorkTab}
            className="work-tabs"
            tabs={[
              { key: 'code', label: 'Code', render: () => <CodeView /> },
              {
                key: 'config',
                label: 'Configuration',
                render: () => (
                  <Suspense fallback={<p className="muted">Loading the configuration…</p>}>
                    <ConfigPanel />
                  </Suspense>
                ),
              },
              ...(instructor ? [{ key: 'demo' as const, label: 'Demos', render: () => <DemoPlayer /> }] : []),
            ]}
          />
        </section>
        <Splitter
          label="Test and output width"
          orientation="vertical"
          value={sideWidth}
          min={MIN_WIDTH.side}
          max={columns.sideMax}
          step={40}
          inverted
          fromDrag={(start, dx) => start - dx}
          onChange={(w) => patchLayout({ sideWidth: w, sideCollapsed: false })}
          onToggle={() => patchLayout({ sideCollapsed: !layout.sideCollapsed })}
          testId="layout.side-splitter"
        />
        <div
          className="side"
          hidden={layout.sideCollapsed && !stacked}
          style={
            stacked ? undefined : { gridTemplateRows: `${layout.testShare}fr 8px ${1 - layout.testShare}fr` }
          }
        >
          <TestPanel />
          <Splitter
            label="Test event height"
            orientation="horizontal"
            value={layout.testShare}
            min={0.15}
            max={0.85}
            step={0.05}
            fromDrag={(start, dy) => clamp(start + dy / Math.max(window.innerHeight - 120, 200), 0.15, 0.85)}
            onChange={(testShare) => patchLayout({ testShare })}
            testId="layout.test-splitter"
          />
          <OutputTabs />
        </div>
      </main>
    </div>
  );
}
