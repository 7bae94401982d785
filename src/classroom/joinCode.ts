/** Join codes without dependencies, so the URL check stays in the app's first chunk at no cost. */

/** No 0/O, 1/I/L: codes are read off a projector and typed on phones. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 6;

export const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** Upper-case, without spaces or dashes: what a student types becomes a code if it can be one. */
export function normalizeCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

export const isJoinCode = (text: string): boolean => CODE_PATTERN.test(text);
