/** Join codes, instructor tokens and student ids: random from the OS, compared in constant time. */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from '../protocol';

/** A fresh code from the unambiguous alphabet; `taken` keeps two live sessions from sharing one. */
export function newJoinCode(taken: (code: string) => boolean): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    if (!taken(code)) return code;
  }
}

/** 32 random bytes as 43 base64url characters: instructor tokens, resume secrets, the host key. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** 12 random bytes as 16 base64url characters: a student's id within a session. */
export function newStudentId(): string {
  return randomBytes(12).toString('base64url');
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Compares digests, so neither the content nor the length of the secret leaks through timing. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}
