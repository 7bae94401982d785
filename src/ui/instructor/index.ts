/**
 * Instructor mode for the app shell. Every component here is tiny until instructor mode is on: the
 * plan, demos, notes and the demo runner load on demand (each wrapper has its own Suspense boundary,
 * so mount them anywhere without one). See README.md for where each goes.
 */
export { instructorViewFromUrl, notesWindowUrl } from '../../instructor/url';
export {
  DemoPlayer,
  InstructorBar,
  InstructorNotes,
  InstructorToggle,
  NotesWindow,
  PresenterView,
} from './mount';
