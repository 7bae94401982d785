/**
 * The lesson pane: the course's table of contents and the current lesson, with its snippets, quizzes and
 * exercises wired to the lab (load the starter into the editor, run a snippet).
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { checkExercise, loadExercise, openWorld, revealPredict, runSnippet } from '../controller/lab/lab';
import { loadBundledCourse } from '../lessons/bundle';
import type { Course, ExerciseContent } from '../lessons/course';
import { useLabStore } from '../store/labStore';
import { CompletionSummary, CourseNav, FaqList, LessonView } from './course';
import { cannotGradeReason, pageAbilities } from './course/gradingEnvironment';
import { whenPythonSettles } from './editor/lazyEditor';

/** The classroom's replay (the question's world played in the timeline), loaded when first revealed. */
const PredictReplay = lazy(() =>
  import('./classroom/PredictReplay').then((m) => ({ default: m.PredictReplay })),
);

let coursePromise: Promise<Awaited<ReturnType<typeof loadBundledCourse>>> | null = null;

/** The course, loaded and validated once per page. */
function useCourse(): { course: Course | null; error: string | null } {
  const [state, setState] = useState<{ course: Course | null; error: string | null }>({
    course: null,
    error: null,
  });
  useEffect(() => {
    // After Python has started (#17): the course's few hundred files and their validation would
    // otherwise compete with the interpreter's start for the CPU.
    coursePromise ??= whenPythonSettles().then(loadBundledCourse);
    let live = true;
    coursePromise.then(
      (result) => {
        if (!live) return;
        const first = result.errors[0];
        setState(
          result.course
            ? { course: result.course, error: null }
            : { course: null, error: first ? String(first.message ?? first) : 'unknown error' },
        );
      },
      (error: unknown) =>
        live && setState({ course: null, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

export function CoursePane() {
  const { course, error } = useCourse();
  const progress = useLabStore((s) => s.progress);
  // Actions are stable functions: read them once instead of subscribing to every store change.
  const state = useLabStore.getState();
  const [panel, setPanel] = useState<'lesson' | 'contents' | 'progress' | 'faq'>('lesson');
  const toggle = (next: typeof panel) => setPanel((current) => (current === next ? 'lesson' : next));
  if (error)
    return (
      <p className="inline-error" role="alert">
        The course could not be loaded: {error}
      </p>
    );
  if (!course) return <p className="muted">Loading the course…</p>;
  const current = course.lessons.find((l) => l.id === progress.currentLesson) ?? course.lessons[0];
  if (!current) return <p className="inline-error">The course has no lessons.</p>;

  const loadStarter = async (exercise: ExerciseContent) => {
    try {
      await loadExercise(course, exercise);
    } catch (error) {
      state.addNotice('warning', error instanceof Error ? error.message : String(error));
      return;
    }
    const edits = exercise.spec.files.flatMap((f) =>
      'rolePolicy' in f
        ? [`${f.path} (Configuration › Permissions)`]
        : 'layer' in f
          ? [`${f.path} (Configuration › Layers)`]
          : [],
    );
    if (edits.length > 0) {
      state.addNotice('info', `This exercise also has you edit ${edits.join(', ')}.`);
    }
  };

  return (
    <div className="course-pane" data-testid="course">
      <div className="course-pane-header">
        <button
          type="button"
          onClick={() => toggle('contents')}
          aria-expanded={panel === 'contents'}
          data-testid="course.contents"
        >
          Contents
        </button>
        <button
          type="button"
          onClick={() => toggle('progress')}
          aria-expanded={panel === 'progress'}
          data-testid="course.progress"
        >
          My progress
        </button>
        <button
          type="button"
          onClick={() => toggle('faq')}
          aria-expanded={panel === 'faq'}
          data-testid="course.faq"
        >
          FAQ
        </button>
      </div>
      {panel === 'contents' ? (
        <CourseNav
          course={course}
          progress={progress}
          currentLessonId={current.id}
          onSelectLesson={(id) => {
            state.openLesson(id);
            setPanel('lesson');
          }}
        />
      ) : null}
      {panel === 'progress' ? <CompletionSummary course={course} progress={progress} /> : null}
      {panel === 'faq' ? <FaqList entries={course.faq.entries} instructorMode={false} /> : null}
      <LessonView
        key={current.id}
        lesson={current}
        progress={progress}
        actions={state}
        onLoadStarter={(exercise) => void loadStarter(exercise)}
        onCheckExercise={(exercise) => {
          const reason = cannotGradeReason(exercise, pageAbilities());
          return reason ? Promise.reject(new Error(reason)) : checkExercise(course, exercise);
        }}
        onRevealPredict={(question, _quiz, lesson) => revealPredict(course, lesson.id, question)}
        renderPredictReplay={(question, lesson) => (
          <Suspense fallback={<p className="muted">Loading the timeline…</p>}>
            <PredictReplay course={course} lessonId={lesson.id} question={question} showMeasured={false} />
          </Suspense>
        )}
        onOpenWorld={(world, lesson) => {
          openWorld(course, lesson.id, world).catch((error: unknown) =>
            state.addNotice('warning', error instanceof Error ? error.message : String(error)),
          );
        }}
        snippetEvent={(block, lesson) =>
          block.event ? (course.files.get(`${lesson.dir}/${block.event}`) ?? '{}') : '{}'
        }
        onRunSnippet={(block, _lesson, eventJson) => void runSnippet(block.code, block.handler, eventJson)}
        learnerFiles={() => {
          const { workspace } = useLabStore.getState();
          return workspace.functions[workspace.activeFunction]?.files;
        }}
      />
    </div>
  );
}
