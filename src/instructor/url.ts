/**
 * The URL switches: `?instructor=1` (or `0`) turns instructor mode on (or off) and saves the setting;
 * `?presenter=notes` makes this window the presenter's notes window instead of the lab.
 */

export interface InstructorUrlView {
  /** What the URL asks of the instructor-mode setting; null when it says nothing. */
  readonly instructor: boolean | null;
  /** `notes`: render NotesWindow only (no Python, no workspace). */
  readonly view: 'lab' | 'notes';
}

const ON = new Set(['1', 'true', 'on', 'yes', '']);
const OFF = new Set(['0', 'false', 'off', 'no']);

export function instructorViewFromUrl(search: string = globalThis.location?.search ?? ''): InstructorUrlView {
  const params = new URLSearchParams(search);
  const raw = params.get('instructor');
  const value = raw === null ? null : raw.toLowerCase();
  const instructor = value === null ? null : ON.has(value) ? true : OFF.has(value) ? false : null;
  const view = params.get('presenter') === 'notes' ? 'notes' : 'lab';
  return { instructor: view === 'notes' ? true : instructor, view };
}

/** The notes window's address: this page with `?presenter=notes` (other switches kept). */
export function notesWindowUrl(href: string = globalThis.location?.href ?? 'http://localhost/'): string {
  const url = new URL(href);
  url.searchParams.delete('instructor');
  url.searchParams.set('presenter', 'notes');
  url.hash = '';
  return url.toString();
}
