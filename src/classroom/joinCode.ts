/** Join codes without dependencies, so the URL check stays in the app's first chunk at no cost. */

/** No 0/O, 1/I/L: codes are read off a projector and typed on phones. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 31^8 ≈ 8.5e11 codes: guessing one within its life is hopeless (src/classroom/README.md, Limits). */
export const CODE_LENGTH = 8;

export const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** Upper-case, without spaces or dashes: what a student types becomes a code if it can be one. */
export function normalizeCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

export const isJoinCode = (text: string): boolean => CODE_PATTERN.test(text);

/** "K7M2QXPA" -> "K7M2-QXPA": two groups of four are easier to read aloud; the dash is optional to type. */
export const displayCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;
