/**
 * Cross-references of the instructor content: every lesson, demo, FAQ entry and pause point the plan
 * and the instructor notes name exists, and the plan covers every lesson, demo and pause point once.
 */
import type { Course } from '../lessons/course';
import type { DemoContent } from './demoFiles';
import { type InstructorFile, pausePointQuiz } from './lessonNotes';
import type { Plan } from './plan';

export function checkInstructorContent(
  course: Course,
  plan: Plan,
  demos: readonly DemoContent[],
  byLesson: ReadonlyMap<string, InstructorFile>,
): string[] {
  const out: string[] = [];
  const lessons = new Set(course.lessons.map((l) => l.id));
  const demoIds = new Set(demos.map((d) => d.script.id));
  const faq = new Set(course.faq.entries.map((e) => e.id));
  const taught = new Set<string>();
  const shown = new Set<string>();
  const asked = new Set<number>();
  for (const s of plan.segments) {
    const where = `plan segment ${s.id}`;
    for (const l of s.lessons) {
      if (!lessons.has(l)) out.push(`${where}: no lesson ${l}`);
      taught.add(l);
    }
    for (const d of s.demos ?? []) {
      if (!demoIds.has(d)) out.push(`${where}: no demo ${d}`);
      shown.add(d);
    }
    for (const f of s.faq ?? []) if (!faq.has(f)) out.push(`${where}: no FAQ entry ${f}`);
    if (s.pausePoint !== undefined) {
      if (!pausePointQuiz(course, s.pausePoint)) out.push(`${where}: no quiz has pausePoint ${s.pausePoint}`);
      asked.add(s.pausePoint);
    }
  }
  for (const l of lessons) if (!taught.has(l)) out.push(`plan: lesson ${l} is in no segment`);
  for (const d of demoIds) if (!shown.has(d)) out.push(`plan: demo ${d} is in no segment`);
  for (const n of [1, 2, 3, 4]) if (!asked.has(n)) out.push(`plan: pause point ${n} is never asked`);
  for (const d of demos)
    if (!lessons.has(d.script.lesson)) out.push(`${d.file}: no lesson ${d.script.lesson}`);
  for (const l of lessons) if (!byLesson.has(l)) out.push(`lessons/${l}/instructor.yaml is missing`);
  for (const [l, file] of byLesson)
    for (const d of file.demos ?? [])
      if (!demoIds.has(d)) out.push(`lessons/${l}/instructor.yaml: no demo ${d}`);
  return out;
}
