/** The course UI, for the lesson pane. Components take plain props and callbacks (see the README). */
export { CompletionSummary, downloadFile, printSummary } from './CompletionSummary';
export { CourseNav } from './CourseNav';
export { courseStats, lessonStats } from './courseStats';
export { DiffView } from './DiffView';
export { ExercisePanel } from './ExercisePanel';
export { FaqList } from './FaqList';
export { LessonView } from './LessonView';
export { OpenInLab } from './OpenInLab';
export type { PredictQuestionData, PredictReveal } from './QuestionView';
export { QuizCard } from './QuizCard';
export { RunSnippet } from './RunSnippet';
export { buildSummary, summaryToJson, summaryToMarkdown } from './summary';
export { VizEmbed } from './VizEmbed';
