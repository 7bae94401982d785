/**
 * Bytes -> a client message, in bounded steps: size, then nesting depth (a linear scan, no recursion),
 * then JSON, then the envelope (`type`, `v`). Only then may the recursive zod schema run, so no input
 * can exhaust the stack. Every refusal names the message it refuses (`about`).
 */
import {
  CLASSROOM_PROTOCOL_VERSION,
  CLIENT_MESSAGE_TYPES,
  ClientMessage,
  type ClientMessageType,
  type ErrorCode,
  JoinCode,
  LIMITS,
  Secret,
} from '../protocol';

/** The `about` of a refusal whose message has no known type. */
export const ABOUT_UNKNOWN = 'message';

export interface Refusal {
  readonly ok: false;
  readonly code: ErrorCode;
  readonly message: string;
  readonly about: string;
}
export interface Envelope {
  readonly ok: true;
  readonly type: ClientMessageType;
  readonly value: Readonly<Record<string, unknown>>;
}

const refusal = (code: ErrorCode, message: string, about = ABOUT_UNKNOWN): Refusal => ({
  ok: false,
  code,
  message,
  about,
});

/** The deepest nesting of arrays and objects in JSON text (strings skipped); linear, no recursion. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) max = Math.max(max, ++depth);
    else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return max;
}

/** Size, depth, JSON, object, known type, version: everything before the schema. */
export function parseEnvelope(data: Buffer | string, isBinary: boolean): Envelope | Refusal {
  const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  if (size > LIMITS.maxMessageBytes)
    return refusal(
      'too-large',
      `Messages are limited to ${LIMITS.maxMessageBytes} bytes; this one has ${size}.`,
    );
  if (isBinary) return refusal('bad-json', 'Messages are JSON text, not binary frames.');
  const text = data.toString();
  if (jsonDepth(text) > LIMITS.maxDepth)
    return refusal('too-large', `Messages may nest at most ${LIMITS.maxDepth} levels deep.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refusal('bad-json', 'The message is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return refusal('bad-message', 'A message is a JSON object with a "type".');
  const { type, v } = value as { type?: unknown; v?: unknown };
  if (typeof type !== 'string' || !CLIENT_MESSAGE_TYPES.includes(type as ClientMessageType))
    return refusal(
      'unknown-type',
      `Unknown message type ${JSON.stringify(type)?.slice(0, 40) ?? 'undefined'}.`,
    );
  if (v !== CLASSROOM_PROTOCOL_VERSION)
    return refusal(
      'version-mismatch',
      `This server speaks protocol ${CLASSROOM_PROTOCOL_VERSION}; reload the page.`,
      type,
    );
  return { ok: true, type: type as ClientMessageType, value: value as Record<string, unknown> };
}

/** The instructor's code and token, checked on their own so a wrong token is refused before the payload. */
export function credentials(env: Envelope): { ok: true; code: string; token: string } | Refusal {
  const code = JoinCode.safeParse(env.value.code);
  const token = Secret.safeParse(env.value.token);
  if (code.success && token.success) return { ok: true, code: code.data, token: token.data };
  const where = code.success ? 'token' : 'code';
  return refusal('bad-message', `The ${env.type} message is malformed at ${where}.`, env.type);
}

/** The full schema (strict: unknown fields are refused). */
export function checkMessage(env: Envelope): { ok: true; msg: ClientMessage } | Refusal {
  const r = ClientMessage.safeParse(env.value);
  if (r.success) return { ok: true, msg: r.data };
  const issue = r.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return refusal(
    'bad-message',
    `The ${env.type} message is malformed${where}: ${issue?.message ?? 'invalid'}.`,
    env.type,
  );
}

export function parseClientMessage(data: Buffer | string, isBinary: boolean) {
  const env = parseEnvelope(data, isBinary);
  return env.ok ? checkMessage(env) : env;
}
