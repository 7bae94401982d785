/**
 * The live-classroom wire protocol, shared by the Node relay and the browser client so they cannot drift:
 * one version constant, the limits both sides enforce, and one zod union per direction.
 */
import { z } from 'zod';
import { seededShuffle } from '../lessons/grade';
import { Question } from '../lessons/quiz';
import { CODE_LENGTH, CODE_PATTERN } from './joinCode';

export { CODE_ALPHABET, CODE_LENGTH, displayCode, isJoinCode, normalizeCode } from './joinCode';

export const CLASSROOM_PROTOCOL_VERSION = 1;
export const CLASSROOM_WS_PATH = '/classroom/ws';
export const CLASSROOM_INFO_PATH = '/classroom/info';
/** The server's answer on the info path, so the app can tell it is there (static hosts give a 404). */
export const CLASSROOM_SERVER_NAME = 'lambda-lab-classroom';

export const LIMITS = {
  /** Larger messages are refused with `too-large`; a question with its world actions fits easily. */
  maxMessageBytes: 16_384,
  maxNameLength: 40,
  /** Choice ids, ordered items or sorted items in one answer. */
  maxAnswerItems: 32,
  maxIdLength: 64,
  /** Arrays and objects nested deeper are refused before any schema check (`too-large`). */
  maxDepth: 32,
} as const;

export const JoinCode = z.string().regex(CODE_PATTERN, `a ${CODE_LENGTH}-character join code`);
/** 32 random bytes, base64url: instructor tokens and student resume secrets. */
export const Secret = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a 43-character token');
export const StudentId = z.string().regex(/^[A-Za-z0-9_-]{16}$/, 'a 16-character student id');
const ShortId = z.string().min(1).max(LIMITS.maxIdLength);
// Control characters in a display name would garble the roster and the CSV.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse them
const controlChars = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
export const DisplayName = z
  .string()
  .max(LIMITS.maxNameLength)
  .refine((s) => !controlChars.test(s), 'a display name without control characters');

/** Choice ids (single, multiple, predict), item ids in order (order), item id -> bucket id (sort). */
export const AnswerValue = z.union([
  z.array(ShortId).max(LIMITS.maxAnswerItems),
  z
    .record(ShortId, ShortId)
    .refine((r) => Object.keys(r).length <= LIMITS.maxAnswerItems, 'too many sorted items'),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;

/** Where a question lives in the course, and what the instructor's screen calls it. */
export const QuestionRef = z.strictObject({
  lessonId: ShortId,
  quizId: ShortId,
  questionId: ShortId,
  /** "Lesson 7 · With provisioned concurrency · Q1", for people and the CSV. */
  label: z.string().min(1).max(200),
});
export type QuestionRef = z.infer<typeof QuestionRef>;

const v = z.literal(CLASSROOM_PROTOCOL_VERSION);
const instructor = { v, code: JoinCode, token: Secret };

export const ClientMessage = z.discriminatedUnion('type', [
  /** Open a session. From another machine than the server's, the printed host key is required. */
  z.strictObject({ type: z.literal('create'), v, hostKey: z.string().max(100).optional() }),
  /** The instructor's page reconnecting to its session. */
  z.strictObject({ type: z.literal('resume'), ...instructor }),
  /** Open a question for answers (and close the previous one). */
  z.strictObject({ type: z.literal('ask'), ...instructor, ref: QuestionRef, question: Question }),
  z.strictObject({ type: z.literal('reveal'), ...instructor }),
  z.strictObject({ type: z.literal('export'), ...instructor }),
  z.strictObject({ type: z.literal('end'), ...instructor }),
  z.strictObject({ type: z.literal('join'), v, code: JoinCode, name: DisplayName.optional() }),
  /** A student's page reconnecting: the id and secret it was given at join, kept in sessionStorage. */
  z.strictObject({ type: z.literal('rejoin'), v, code: JoinCode, studentId: StudentId, resume: Secret }),
  /** `seq` names the question being answered, so a late answer cannot land on the next one. */
  z.strictObject({ type: z.literal('answer'), v, seq: z.int().min(1), answer: AnswerValue }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;
export type ClientMessageType = ClientMessage['type'];
export const CLIENT_MESSAGE_TYPES: readonly ClientMessageType[] = ClientMessage.options.map(
  (o) => o.shape.type.value,
);

export const ErrorCode = z.enum([
  'bad-json',
  'too-large',
  'version-mismatch',
  'unknown-type',
  'bad-message',
  'rate-limited',
  'forbidden',
  'not-instructor',
  'code-unknown',
  'code-expired',
  'session-ended',
  'session-full',
  'server-full',
  'not-joined',
  'no-question',
  'wrong-question',
  'question-closed',
  'bad-answer',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const HistogramBucket = z.strictObject({
  id: z.string(),
  label: z.string(),
  count: z.int().min(0),
  /** Known only after the reveal. */
  correct: z.boolean().optional(),
});
export const Histogram = z.strictObject({
  seq: z.int().min(0),
  buckets: z.array(HistogramBucket),
  /** Students who answered this question (a multiple-choice answer counts once here, once per pick above). */
  answered: z.int().min(0),
  joined: z.int().min(0),
  connected: z.int().min(0),
  /** How many answers were right; null until the reveal. */
  correctCount: z.int().min(0).nullable(),
});
export type Histogram = z.infer<typeof Histogram>;

/** A question as students see it before the reveal: no correct flags, no explanation, no measured values. */
export const PublicQuestion = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.enum(['single', 'multiple', 'predict']),
    id: z.string(),
    prompt: z.string(),
    choices: z.array(z.strictObject({ id: z.string(), text: z.string() })),
  }),
  z.strictObject({
    type: z.literal('order'),
    id: z.string(),
    prompt: z.string(),
    firstLabel: z.string().optional(),
    lastLabel: z.string().optional(),
    items: z.array(z.strictObject({ id: z.string(), text: z.string() })),
  }),
  z.strictObject({
    type: z.literal('sort'),
    id: z.string(),
    prompt: z.string(),
    buckets: z.array(z.strictObject({ id: z.string(), label: z.string() })),
    items: z.array(z.strictObject({ id: z.string(), text: z.string() })),
  }),
]);
export type PublicQuestion = z.infer<typeof PublicQuestion>;

const Round = z.strictObject({ seq: z.int().min(1), ref: QuestionRef });

export const ServerMessage = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('error'),
    code: ErrorCode,
    message: z.string(),
    /** The refused message's type, or `message` when it had no known type (not JSON, no type...). */
    about: z.string(),
  }),
  /** To the instructor after create or resume: everything needed to redraw the screen. */
  z.strictObject({
    type: z.literal('session'),
    code: JoinCode,
    token: Secret,
    codeExpiresAt: z.number(),
    ended: z.boolean(),
    round: Round.extend({ question: Question, revealed: z.boolean() }).nullable(),
    histogram: Histogram,
  }),
  z.strictObject({ type: z.literal('histogram'), histogram: Histogram }),
  /** To a student after join or rejoin. */
  z.strictObject({
    type: z.literal('joined'),
    code: JoinCode,
    studentId: StudentId,
    resume: Secret,
    name: z.string(),
  }),
  /** The current question (null while the instructor has not asked one) and this student's answer to it. */
  z.strictObject({
    type: z.literal('question'),
    round: Round.extend({ question: PublicQuestion }).nullable(),
    yourAnswer: AnswerValue.nullable(),
  }),
  z.strictObject({ type: z.literal('answered'), seq: z.int().min(1), answer: AnswerValue }),
  /** The answer, to everyone: the full question, the final counts, and (to a student) whether they were right. */
  z.strictObject({
    type: z.literal('reveal'),
    round: Round.extend({ question: Question }),
    histogram: Histogram,
    yourAnswer: AnswerValue.nullable(),
    yourCorrect: z.boolean().nullable(),
  }),
  z.strictObject({ type: z.literal('csv'), filename: z.string(), text: z.string() }),
  z.strictObject({ type: z.literal('ended') }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
export type ServerMessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

/** What GET /classroom/info answers. */
export const ServerInfo = z.strictObject({
  name: z.literal(CLASSROOM_SERVER_NAME),
  v: z.int(),
  /** http://<lan-address>:<port>/ for each network interface, for the join link on the projector. */
  lanUrls: z.array(z.string()),
  /** True when this page's connection comes from the server's own machine (no host key needed). */
  local: z.boolean(),
});
export type ServerInfo = z.infer<typeof ServerInfo>;

/** Strips what would give the answer away before the reveal. */
export function publicQuestion(q: Question): PublicQuestion {
  switch (q.type) {
    case 'single':
    case 'multiple':
    case 'predict':
      return {
        type: q.type,
        id: q.id,
        prompt: q.prompt,
        choices: q.choices.map((c) => ({ id: c.id, text: c.text })),
      };
    case 'order': {
      // Items are authored in the right order: students get them shuffled.
      const { explanation: _e, items, ...rest } = q;
      return { ...rest, items: seededShuffle(items, q.id) };
    }
    case 'sort':
      return {
        type: 'sort',
        id: q.id,
        prompt: q.prompt,
        buckets: q.buckets,
        items: q.items.map((i) => ({ id: i.id, text: i.text })),
      };
    default: {
      const never: never = q;
      return never;
    }
  }
}
