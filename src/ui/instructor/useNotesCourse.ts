/** The course for the notes (tips, FAQ, answers), loaded once per page after the plan. */
import { useEffect, useState } from 'react';
import type { Course } from '../../lessons/course';

let cached: Course | null = null;

export function useNotesCourse(): Course | null {
  const [course, setCourse] = useState(cached);
  useEffect(() => {
    if (cached) return;
    let live = true;
    void import('../../instructor/bundle')
      .then((m) => m.loadNotesCourse())
      .then((r) => {
        cached = r.course;
        if (live) setCourse(r.course);
      });
    return () => {
      live = false;
    };
  }, []);
  return course;
}
