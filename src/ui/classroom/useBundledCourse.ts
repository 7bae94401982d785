/** The course for the instructor's question picker and the replay, loaded and validated once per page. */
import { useEffect, useState } from 'react';
import { loadBundledCourse } from '../../lessons/bundle';
import type { Course } from '../../lessons/course';

let loading: Promise<Course> | null = null;

function load(): Promise<Course> {
  loading ??= loadBundledCourse().then((r) => {
    if (r.course) return r.course;
    throw new Error(`the course content has ${r.errors.length} error(s)`);
  });
  return loading;
}

export function useBundledCourse(): { course: Course | null; error: string | null } {
  const [state, setState] = useState<{ course: Course | null; error: string | null }>({
    course: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    load().then(
      (course) => live && setState({ course, error: null }),
      (e: unknown) => live && setState({ course: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
