/**
 * A lesson: its pre-rendered Markdown segments and its interactive blocks. `renderBlock` lets the lead
 * take over any block; otherwise the built-in components render it with the callbacks given here.
 */
import { type ReactNode, useEffect } from 'react';
import type { LabBlock } from '../../lessons/blocks';
import type { ExerciseContent, LessonContent } from '../../lessons/course';
import type { Quiz } from '../../lessons/quiz';
import {
  type ExerciseCheckResult,
  exerciseKey,
  type ProgressActions,
  type ProgressDoc,
} from '../../store/progressSlice';
import { lessonStats } from './courseStats';
import { ExercisePanel } from './ExercisePanel';
import { LessonDemo } from './LessonDemo';
import { OpenInLab } from './OpenInLab';
import { ProgressBar } from './ProgressBar';
import type { PredictQuestionData, PredictReveal } from './QuestionView';
import { QuizCard } from './QuizCard';
import { type RunBlock, RunSnippet } from './RunSnippet';
import { SafeHtml } from './SafeHtml';
import { type VizBlock, VizEmbed } from './VizEmbed';
import './course.css';

export interface LessonViewProps {
  readonly lesson: LessonContent;
  readonly progress: ProgressDoc;
  /** The progress slice's actions (the store's state object satisfies this). */
  readonly actions: ProgressActions;
  /** Return a node to replace a block's built-in rendering, or undefined to keep it. */
  readonly renderBlock?: (block: LabBlock, lesson: LessonContent) => ReactNode | undefined;
  readonly onRunSnippet?: (block: RunBlock, lesson: LessonContent, eventJson: string) => void;
  /** The JSON of the event file a snippet names (`{}` when it names none). */
  readonly snippetEvent?: (block: RunBlock, lesson: LessonContent) => string;
  /** The id of the snippet that is running, for its pending state. */
  readonly runningSnippet?: string | null;
  readonly onOpenWorld?: (world: string, lesson: LessonContent) => void;
  /** The visualizer for a `lab-viz` block, mounted in the embed's slot. */
  readonly renderViz?: (block: VizBlock, lesson: LessonContent) => ReactNode;
  /** A predict question's scenario replayed in the timeline, after its reveal. */
  readonly renderPredictReplay?: (question: PredictQuestionData, lesson: LessonContent) => ReactNode;
  readonly onRevealPredict?: (
    question: PredictQuestionData,
    quiz: Quiz,
    lesson: LessonContent,
  ) => Promise<PredictReveal>;
  readonly onLoadStarter: (exercise: ExerciseContent) => void;
  readonly onCheckExercise: (exercise: ExerciseContent) => Promise<readonly ExerciseCheckResult[]>;
  /** The learner's current files for an exercise (workspace path -> text), for the diff. */
  readonly learnerFiles?: (exercise: ExerciseContent) => Readonly<Record<string, string>> | undefined;
  /** Shows the lesson's teaching tips. */
  readonly instructorMode?: boolean;
}

export function LessonView(props: LessonViewProps) {
  const { lesson, progress, actions, instructorMode = false } = props;
  const openLesson = actions.openLesson;
  useEffect(() => {
    // Viewing a lesson makes it current (and records the first visit).
    if (progress.currentLesson !== lesson.id) openLesson(lesson.id);
  }, [lesson.id, progress.currentLesson, openLesson]);
  const stats = lessonStats(lesson, progress);
  const completedAt = progress.lessons[lesson.id]?.completedAt ?? null;
  return (
    <article className="course-lesson" aria-labelledby={`lesson-${lesson.id}`} data-testid="lesson.view">
      <header>
        <h2 id={`lesson-${lesson.id}`}>{lesson.meta.title}</h2>
        <p className="muted">
          {lesson.meta.summary} · about {lesson.meta.minutes} min
        </p>
        <ProgressBar label={`${lesson.meta.title} progress`} done={stats.done} total={stats.total} />
      </header>
      {instructorMode && (lesson.meta.teachingTips?.length ?? 0) > 0 && (
        <aside className="course-tip" aria-label="Teaching tips" data-testid="lesson.tips">
          <strong>Teaching tips</strong>
          <ul>
            {lesson.meta.teachingTips?.map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ul>
        </aside>
      )}
      {lesson.rendered.segments.map((segment, i) =>
        segment.kind === 'html' ? (
          // Segments never reorder within a lesson, so the index is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: a lesson's segments are fixed
          <SafeHtml key={i} html={segment.html} className="course-prose" />
        ) : (
          <div key={`${segment.block.kind}-${segment.block.line}`} className="course-block">
            {props.renderBlock?.(segment.block, lesson) ?? <BuiltInBlock {...props} block={segment.block} />}
          </div>
        ),
      )}
      <footer className="course-row">
        {completedAt === null ? (
          <button type="button" onClick={() => actions.completeLesson(lesson.id)} data-testid="lesson.done">
            Mark this lesson as done
          </button>
        ) : (
          <p className="ok">Done on {new Date(completedAt).toLocaleDateString()}.</p>
        )}
      </footer>
    </article>
  );
}

function BuiltInBlock({ block, ...p }: LessonViewProps & { readonly block: LabBlock }) {
  const { lesson } = p;
  switch (block.kind) {
    case 'run':
      return (
        <RunSnippet
          block={block}
          onRun={p.onRunSnippet && ((b, eventJson) => p.onRunSnippet?.(b, lesson, eventJson))}
          running={p.runningSnippet === block.id}
          initialEvent={p.snippetEvent?.(block, lesson)}
        />
      );
    case 'open':
      return (
        <OpenInLab
          world={block.world}
          label={block.label}
          onOpen={p.onOpenWorld && ((w) => p.onOpenWorld?.(w, lesson))}
        />
      );
    case 'viz':
      return (
        <VizEmbed block={block} lesson={lesson}>
          {p.renderViz?.(block, lesson)}
        </VizEmbed>
      );
    case 'quiz': {
      const quiz = lesson.quizzes.find((q) => q.id === block.id);
      if (quiz === undefined) return <p className="bad">Quiz "{block.id}" is missing.</p>;
      const reveal = p.onRevealPredict;
      return (
        <QuizCard
          lessonId={lesson.id}
          quiz={quiz}
          answers={p.progress.answers}
          onAnswer={p.actions.answerQuestion}
          onReveal={reveal && ((question, q) => reveal(question, q, lesson))}
          renderReplay={p.renderPredictReplay && ((question) => p.renderPredictReplay?.(question, lesson))}
        />
      );
    }
    case 'demo':
      return <LessonDemo id={block.id} label={block.label} />;
    case 'exercise': {
      const exercise = lesson.exercises.find((e) => e.id === block.id);
      if (exercise === undefined) return <p className="bad">Exercise "{block.id}" is missing.</p>;
      return (
        <ExercisePanel
          exercise={exercise}
          progress={p.progress.exercises[exerciseKey(lesson.id, exercise.id)]}
          actions={p.actions}
          onLoadStarter={p.onLoadStarter}
          onCheck={p.onCheckExercise}
          learnerFiles={p.learnerFiles?.(exercise)}
        />
      );
    }
    default: {
      const never: never = block;
      return never;
    }
  }
}
