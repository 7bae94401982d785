/**
 * URL switches for the live classroom, small enough for the app's first chunk: `?join=CODE` opens the
 * student's join screen, `?classroom=instructor` (with `#key=…` from the server's printed link) the
 * instructor's screen.
 */
import { isJoinCode, normalizeCode } from '../../classroom/joinCode';

export type ClassroomRoute =
  | { readonly role: 'student'; readonly code: string | null }
  | { readonly role: 'instructor'; readonly hostKey: string | null }
  | null;

export function classroomFromUrl(loc: Pick<Location, 'search' | 'hash'> = location): ClassroomRoute {
  const params = new URLSearchParams(loc.search);
  const join = params.get('join');
  if (join !== null) {
    const code = normalizeCode(join);
    return { role: 'student', code: isJoinCode(code) ? code : null };
  }
  if (params.get('classroom') === 'instructor') {
    // The key rides in the fragment, which browsers never send to a server or put in its logs.
    const key = new URLSearchParams(loc.hash.replace(/^#/, '')).get('key');
    return { role: 'instructor', hostKey: key === null || key === '' ? null : key };
  }
  return null;
}

/** The link a student opens: the server's network address with the code filled in. */
export function joinUrl(base: string, code: string): string {
  const url = new URL(base);
  url.search = `?join=${code}`;
  url.hash = '';
  return url.toString();
}
