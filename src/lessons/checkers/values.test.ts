import { describe, expect, it } from 'vitest';
import { generateEventSet, resolveEvent } from '../../host/scenario/eventSource';
import { getPath, isMissing, setPath } from '../../host/scenario/jsonPath';
import { checkValue, includes } from './values';

describe('paths and value assertions', () => {
  it('reads and writes dotted paths, with * for every element', () => {
    const event = { Records: [{ body: 'a' }, { body: 'b' }] };
    setPath(event, 'Records.*.body', 'x');
    expect(event.Records.map((r) => r.body)).toEqual(['x', 'x']);
    expect(getPath(event, 'Records.1.body')).toBe('x');
    expect(isMissing(getPath(event, 'Records.2.body'))).toBe(true);
  });

  it('explains a wrong type in Python terms, with a stable code', () => {
    const f = checkValue({ body: { message: 'hi' } }, { path: 'body', type: 'string' }, 'the response');
    expect(f?.code).toBe('body:type:object');
    expect(f?.message).toContain('should be a str, but it is a dict');
  });

  it('parses a JSON body before looking inside it', () => {
    const response = { body: '{"message": "Hello, Ada!"}' };
    expect(
      checkValue(response, { path: 'body', parseJson: true, inner: 'message', equals: 'Hello, Ada!' }, 'r'),
    ).toBeNull();
    expect(checkValue({ body: 'nope' }, { path: 'body', parseJson: true, inner: 'message' }, 'r')?.code).toBe(
      'body:notJson',
    );
  });

  it('includes compares objects by key', () => {
    expect(includes({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 2 } })).toBe(true);
    expect(includes({ a: 1 }, { a: 2 })).toBe(false);
  });
});

describe('events', () => {
  it('builds templates with overrides and fresh ids per record', () => {
    const event = resolveEvent(
      { template: 'sqs', records: 2, with: { 'Records.0.body': 'hi' } },
      '',
      () => undefined,
    );
    const records = getPath(event, 'Records') as { messageId: string; body: string }[];
    expect(records[0]?.body).toBe('hi');
    expect(records[0]?.messageId).not.toBe(records[1]?.messageId);
  });

  it('generates the same set for the same seed, with S3 keys encoded as S3 sends them', () => {
    const set = {
      template: 's3-put' as const,
      count: 5,
      seed: 7,
      records: { min: 1, max: 3 },
      vary: [
        {
          path: 'Records.*.s3.object.key',
          gen: { kind: 'objectKey' as const, prefixes: ['summer trip/'], withSpaces: true },
        },
      ],
    };
    const a = generateEventSet(set);
    expect(generateEventSet(set)).toEqual(a);
    const keys = a.flatMap((e) =>
      (getPath(e, 'Records') as { s3: { object: { key: string } } }[]).map((r) => r.s3.object.key),
    );
    expect(keys.every((k) => k.startsWith('summer+trip/') && !k.includes(' '))).toBe(true);
  });
});
