import type { Course } from '../../lessons/course';
import { Markdown } from './SafeHtml';
import './course.css';

export type FaqEntry = Course['faq']['entries'][number];

interface FaqListProps {
  readonly entries: readonly FaqEntry[];
  /** Teaching tips show only to instructors. */
  readonly instructorMode: boolean;
  /** Only the entries for this lesson. */
  readonly lessonId?: string;
  readonly heading?: string;
}

export function FaqList({ entries, instructorMode, lessonId, heading = 'Common questions' }: FaqListProps) {
  const shown = lessonId === undefined ? entries : entries.filter((e) => e.lessons.includes(lessonId));
  if (shown.length === 0) return null;
  return (
    <section className="course-faq" aria-labelledby="course-faq-heading">
      <h3 id="course-faq-heading">{heading}</h3>
      {shown.map((e) => (
        <details key={e.id} className="course-faq-entry" data-testid="faq.entry">
          <summary>{e.question}</summary>
          <Markdown text={e.answer} />
          {instructorMode && (
            <aside className="course-tip" aria-label="Teaching tip" data-testid="faq.tip">
              <strong>Teaching tip</strong>
              <Markdown text={e.teachingTip} />
            </aside>
          )}
        </details>
      ))}
    </section>
  );
}
