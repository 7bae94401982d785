/**
 * Turns content's event specs into JSON events: literals, files beside the exercise, templates built by
 * the sim's own event builders (the shape a real trigger sends), and seeded generated sets.
 */
import { createRng, type Rng } from '../../sim';
import {
  apiGatewayV1Event,
  apiGatewayV2Event,
  ddbRecord,
  encodeS3Key,
  kinesisEvent,
  s3Record,
  scheduledEvent,
  snsRecord,
  sqsRecord,
} from '../../sim/services/events';
import type { EventSet, EventSpec, EventTemplateName, Generator, Json } from './events';
import { setPath } from './jsonPath';

const DDB_CYCLE = ['INSERT', 'MODIFY', 'REMOVE'] as const;

/** A template's event with `records` records, each with its own ids (drawn from `rng`). */
export function buildTemplateEvent(name: EventTemplateName, records: number, rng: Rng): Json {
  const n = Array.from({ length: records }, (_, i) => i);
  switch (name) {
    case 'apigw-rest':
      return apiGatewayV1Event({ resource: '/{proxy+}' }) as Json;
    case 'apigw-http':
      return apiGatewayV2Event({}) as Json;
    case 's3-put':
    case 's3-delete': {
      const eventName = name === 's3-put' ? 'ObjectCreated:Put' : 'ObjectRemoved:Delete';
      return {
        Records: n.map((i) =>
          s3Record({
            eventName,
            key: records === 1 ? 'test/key' : `test/key-${i + 1}`,
            sequencer: rng.hex(16),
          }),
        ),
      } as Json;
    }
    case 'sqs':
      return { Records: n.map(() => sqsRecord({ messageId: rng.uuid() })) } as Json;
    case 'sns':
      return { Records: n.map(() => snsRecord({ messageId: rng.uuid() })) } as Json;
    case 'dynamodb-stream':
      return {
        Records: n.map((i) =>
          ddbRecord({
            eventID: String(i + 1),
            eventName: DDB_CYCLE[i % 3],
            sequenceNumber: String((i + 1) * 111),
          }),
        ),
      } as Json;
    case 'eventbridge-schedule':
      return scheduledEvent({}) as Json;
    case 'kinesis':
      return kinesisEvent(
        n.map((i) => ({ sequenceNumber: `49590338271490256608559692538361571095921575989136${588898 + i}` })),
      ) as Json;
    default: {
      const never: never = name;
      throw new Error(`unknown template ${String(never)}`);
    }
  }
}

export type ReadFile = (path: string) => string | undefined;

/** One event spec as JSON; `baseDir` is where `file:` is relative to. */
export function resolveEvent(spec: EventSpec, baseDir: string, readFile: ReadFile): Json {
  if ('json' in spec) return structuredClone(spec.json);
  if ('file' in spec) {
    const path = `${baseDir}/${spec.file}`;
    const text = readFile(path);
    if (text === undefined) throw new Error(`event file ${path} not found`);
    return JSON.parse(text) as Json;
  }
  const event = buildTemplateEvent(spec.template, spec.records ?? 1, createRng(1));
  for (const [path, value] of Object.entries(spec.with ?? {})) setPath(event, path, value);
  return event;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng.next() * (max - min + 1));
const word = (rng: Rng, min: number, max: number) =>
  Array.from({ length: int(rng, min, max) }, () => LETTERS[int(rng, 0, LETTERS.length - 1)]).join('');

function generate(gen: Generator, rng: Rng, path: string): Json {
  switch (gen.kind) {
    case 'oneOf':
      return structuredClone(gen.values[int(rng, 0, gen.values.length - 1)] as Json);
    case 'word':
      return word(rng, gen.minLength ?? 1, gen.maxLength ?? Math.max(gen.minLength ?? 1, 10));
    case 'int':
      return int(rng, gen.min, gen.max);
    case 'uuid':
      return rng.uuid();
    case 'objectKey': {
      const prefixes = gen.prefixes ?? [''];
      const prefix = prefixes[int(rng, 0, prefixes.length - 1)] ?? '';
      const parts = [word(rng, 2, 8)];
      if (gen.withSpaces === true && rng.next() < 0.7) parts.push(word(rng, 2, 6));
      const raw = `${prefix}${parts.join(' ')}.${['jpg', 'png', 'pdf'][int(rng, 0, 2)]}`;
      // Keys in S3 events arrive form-encoded, as S3 sends them.
      return path.includes('s3.object.key') ? encodeS3Key(raw) : raw;
    }
    case 'jsonString':
      return JSON.stringify(
        Object.fromEntries(Object.entries(gen.fields).map(([k, g]) => [k, generate(g, rng, k)])),
      );
    default: {
      const never: never = gen;
      throw new Error(`unknown generator ${JSON.stringify(never)}`);
    }
  }
}

/** The set's events, the same for the same seed (so a failing one can be shown again). */
export function generateEventSet(set: EventSet): Json[] {
  const rng = createRng(set.seed);
  return Array.from({ length: set.count }, () => {
    const records = set.records ? int(rng, set.records.min, set.records.max) : 1;
    const event =
      set.template !== undefined
        ? buildTemplateEvent(set.template, records, rng)
        : structuredClone(set.base as Json);
    for (const v of set.vary) setPath(event, v.path, () => generate(v.gen, rng, v.path));
    return event;
  });
}
