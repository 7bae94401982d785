import { instructorViewFromUrl } from './instructor/url';
import { classroomFromUrl } from './ui/classroom/classroomUrl';

/** The presenter's notes window and a student's live-quiz screen run no Python (the lab tab boots its own). */
export const pageRunsPython = (): boolean =>
  instructorViewFromUrl().view !== 'notes' && classroomFromUrl()?.role !== 'student';
