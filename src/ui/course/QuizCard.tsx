import type { ReactNode } from 'react';
import type { Quiz } from '../../lessons/quiz';
import type { QuizAnswerValue } from '../../lessons/quizAnswer';
import { answerKey, type QuizAnswer } from '../../store/progressSlice';
import { type PredictQuestionData, type PredictReveal, QuestionView } from './QuestionView';
import { Markdown } from './SafeHtml';
import './course.css';

export interface QuizCardProps {
  readonly lessonId: string;
  readonly quiz: Quiz;
  /** `progress.answers` (keyed `<lesson>/<quiz>/<question>`). */
  readonly answers: Readonly<Record<string, QuizAnswer>>;
  /** `answerQuestion` of the progress slice. */
  readonly onAnswer: (key: string, answer: QuizAnswerValue, correct: boolean) => void;
  /** Runs a predict question's world in the sim and resolves with the measured value. */
  readonly onReveal?: (question: PredictQuestionData, quiz: Quiz) => Promise<PredictReveal>;
  /** The predict question's scenario shown in a visualizer after the reveal. */
  readonly renderReplay?: (question: PredictQuestionData) => ReactNode;
}

const PURPOSE: Record<Quiz['purpose'], string> = {
  'pause-point': 'Pause point',
  practice: 'Practice',
  predict: 'Predict',
  final: 'Final check',
};

export function QuizCard({ lessonId, quiz, answers, onAnswer, onReveal, renderReplay }: QuizCardProps) {
  const keyOf = (questionId: string) => answerKey(lessonId, quiz.id, questionId);
  const correct = quiz.questions.filter((q) => answers[keyOf(q.id)]?.correct === true).length;
  const headingId = `quiz-${lessonId}-${quiz.id}`;
  return (
    <section className="course-card course-quiz" aria-labelledby={headingId} data-testid="quiz.card">
      <header>
        <p className="course-kicker">
          {PURPOSE[quiz.purpose]}
          {quiz.pausePoint !== undefined && ` ${quiz.pausePoint}`}
        </p>
        <h3 id={headingId}>{quiz.title}</h3>
        <p className="muted" data-testid="quiz.score">
          {correct} of {quiz.questions.length} correct
        </p>
      </header>
      {quiz.intro !== undefined && <Markdown text={quiz.intro} />}
      {quiz.questions.map((q, i) => (
        <QuestionView
          key={q.id}
          question={q}
          number={i + 1}
          stored={answers[keyOf(q.id)]}
          onAnswer={(answer, ok) => onAnswer(keyOf(q.id), answer, ok)}
          onReveal={onReveal === undefined ? undefined : (question) => onReveal(question, quiz)}
          renderReplay={renderReplay}
        />
      ))}
    </section>
  );
}
