import { describe, expect, it } from 'vitest';
import { detectTrigger, eventSamples, triggerSamples } from './eventShapes';
import {
  completionsAt,
  type EditorFacts,
  eventAliases,
  handlerParams,
  hoverAt,
  parseChain,
} from './pythonCompletions';
import { SHIM_SERVICES, shimOperations } from './shimCatalog';

const HANDLER = 'lambda_function.lambda_handler';

/** Splits `text` at the `|` cursor marker into the text and the 1-based line and column. */
function at(source: string): { text: string; line: number; column: number } {
  const index = source.indexOf('|');
  const text = source.slice(0, index) + source.slice(index + 1);
  const before = text.slice(0, index).split('\n');
  return { text, line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

function complete(source: string, facts: Partial<EditorFacts> = {}) {
  const { text, line, column } = at(source);
  return completionsAt(text, line, column, { handler: HANDLER, samples: [], ...facts });
}

const labels = (items: readonly { label: string }[]) => items.map((i) => i.label);

const S3_EVENT = JSON.stringify(triggerSamples().find((s) => s.title.startsWith('S3 object created'))?.value);
const s3Facts: EditorFacts = { handler: HANDLER, samples: eventSamples(S3_EVENT, 's3-put') };

describe('context', () => {
  it('offers the LambdaContext members after context.', () => {
    const items = complete('def lambda_handler(event, context):\n    print(context.|)\n');
    expect(labels(items)).toEqual(
      expect.arrayContaining([
        'aws_request_id',
        'function_name',
        'function_version',
        'invoked_function_arn',
        'memory_limit_in_mb',
        'log_group_name',
        'log_stream_name',
        'get_remaining_time_in_millis',
      ]),
    );
    const remaining = items.find((i) => i.label === 'get_remaining_time_in_millis');
    expect(remaining).toMatchObject({ insertText: 'get_remaining_time_in_millis($0)', snippet: true });
    expect(items.find((i) => i.label === 'memory_limit_in_mb')?.detail).toBe('memory_limit_in_mb: str');
  });

  it('replaces the part of the name already typed', () => {
    const items = complete('def lambda_handler(event, context):\n    context.aws_r|');
    expect(items[0]).toMatchObject({ startColumn: 13, endColumn: 18 });
  });

  it("follows the handler's own parameter names and nested objects", () => {
    expect(labels(complete('def lambda_handler(evt, ctx):\n    ctx.|'))).toContain('aws_request_id');
    expect(labels(complete('def lambda_handler(evt, ctx):\n    ctx.identity.|'))).toEqual([
      'cognito_identity_id',
      'cognito_identity_pool_id',
    ]);
  });

  it('offers nothing after an unrelated name', () => {
    expect(complete('def lambda_handler(event, context):\n    contexts.|')).toEqual([]);
    expect(complete('x = obj.|')).toEqual([]);
  });

  it('explains context and its members on hover', () => {
    const code = 'def lambda_handler(event, context):\n    return context.memory_limit_in_mb\n';
    const onName = hoverAt(code, 1, 28, s3Facts);
    expect(onName?.contents.join('\n')).toMatch(/LambdaContext/);
    const onMember = hoverAt(code, 2, 25, s3Facts);
    expect(onMember?.contents[0]).toMatch(/context\.memory_limit_in_mb.*`str`/);
    expect(onMember?.contents[0]).toMatch(/not an int/);
    expect(onMember).toMatchObject({ startColumn: 20, endColumn: 38 });
    expect(hoverAt(code, 2, 5, s3Facts)).toBeNull();
  });
});

describe('event keys', () => {
  const facts: EditorFacts = {
    handler: HANDLER,
    samples: [
      { source: 'the test event "t"', value: { name: 'Ada', order: { id: 7, items: [{ sku: 'x' }] } } },
    ],
  };

  it('offers the keys of the test event after event[ and event.get(', () => {
    expect(labels(complete('event[|', facts))).toEqual(['name', 'order']);
    expect(complete('event[|', facts)[0]).toMatchObject({ insertText: '"name"', detail: 'str "Ada"' });
    expect(complete('event.get("|', facts)[1]).toMatchObject({
      insertText: 'order',
      detail: 'dict (2 keys)',
    });
    expect(complete("event['na|", facts)[0]).toMatchObject({
      insertText: 'name',
      startColumn: 8,
      endColumn: 10,
    });
  });

  it('walks into nested keys and lists', () => {
    expect(labels(complete('event["order"][|', facts))).toEqual(['id', 'items']);
    expect(labels(complete('event["order"]["items"][0][|', facts))).toEqual(['sku']);
    expect(labels(complete('event.get("order", {}).get(|', facts))).toEqual(['id', 'items']);
  });

  it('follows loop variables and assignments', () => {
    const code = 'order = event["order"]\nfor item in order["items"]:\n    item[|';
    expect(labels(complete(code, facts))).toEqual(['sku']);
    expect(eventAliases('for r in event["Records"]:\n    s3 = r["s3"]\n', new Set(['event']))).toEqual(
      new Map([
        ['event', []],
        ['r', ['Records', 0]],
        ['s3', ['Records', 0, 's3']],
      ]),
    );
  });

  it('adds the keys of the trigger the test event looks like (an S3 put)', () => {
    const code =
      'def lambda_handler(event, context):\n    for record in event["Records"]:\n        record["s3"]["object"][|';
    expect(labels(complete(code, s3Facts))).toEqual(expect.arrayContaining(['key', 'size', 'eTag']));
    expect(complete(code, s3Facts)[0]?.documentation).toMatch(/test event "s3-put"/);
  });

  it('ignores non-literal steps it cannot follow and unrelated names', () => {
    expect(complete('event[key][|', facts)).toEqual([]);
    expect(complete('other[|', facts)).toEqual([]);
    expect(parseChain('["a"][0].get(\'b\', None)')).toEqual(['a', 0, 'b']);
    expect(parseChain('[f(x)]')).toBeNull();
  });

  it('reads the handler parameter names from its def', () => {
    const { events, contexts } = handlerParams('def main(evt: dict, ctx):\n    pass\n', 'app.main');
    expect([...events]).toEqual(['event', 'evt']);
    expect([...contexts]).toEqual(['context', 'ctx']);
  });
});

describe('trigger detection', () => {
  it('recognises each template by its own sample, and a plain event as none', () => {
    for (const sample of triggerSamples()) expect(detectTrigger(sample.value)?.title).toBe(sample.title);
    expect(detectTrigger({ name: 'student' })).toBeNull();
    expect(eventSamples('{"name": "student"}', 'testEvent')).toHaveLength(1);
    expect(eventSamples('{ broken', 'testEvent')).toEqual([]);
  });
});

describe('boto3', () => {
  it('offers the services the shim supports inside boto3.client(', () => {
    expect(labels(complete('import boto3\ns3 = boto3.client("|'))).toEqual([...SHIM_SERVICES]);
    expect(complete('s3 = boto3.client(|')[0]?.insertText).toBe(`"${SHIM_SERVICES[0]}"`);
    expect(labels(complete('db = boto3.resource("|'))).toEqual(['dynamodb']);
  });

  it("offers a client's operations, with the required parameters as placeholders", () => {
    const items = complete(
      'import boto3\ns3 = boto3.client("s3")\n\ndef lambda_handler(event, context):\n    s3.|',
    );
    expect(labels(items)).toEqual(shimOperations('s3').map((o) => o.method));
    expect(items.find((i) => i.label === 'put_object')).toMatchObject({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Monaco snippet, not a template
      insertText: 'put_object(Bucket=${1}, Key=${2})',
      snippet: true,
    });
    expect(items.find((i) => i.label === 'put_object')?.detail).toMatch(/^put_object\(Bucket, Key, Body=…/);
    expect(labels(complete('sqs = boto3.client("sqs")\nsqs.send_|'))).toContain('send_message');
    expect(labels(complete('boto3.client("sns").|'))).toContain('publish');
    expect(labels(complete('self.q = boto3.client(service_name="sqs")\nself.q.|'))).toContain(
      'receive_message',
    );
  });

  it('offers Table and its methods for DynamoDB resources', () => {
    const code = 'db = boto3.resource("dynamodb")\ntable = db.Table("orders")\n';
    expect(labels(complete(`${code}db.|`))).toEqual(['Table', 'create_table']);
    const items = complete(`${code}table.|`);
    expect(labels(items)).toEqual(expect.arrayContaining(['put_item', 'get_item', 'query', 'batch_writer']));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Monaco snippet, not a template
    expect(items.find((i) => i.label === 'put_item')?.insertText).toBe('put_item(Item=${1})');
    expect(items.find((i) => i.label === 'item_count')).toMatchObject({ kind: 'property', snippet: false });
  });

  it("describes a client's operation on hover", () => {
    const code = 's3 = boto3.client("s3")\ns3.get_object(Bucket="b", Key="k")\n';
    expect(hoverAt(code, 2, 6, s3Facts)?.contents.join('\n')).toMatch(
      /GetObject, simulated by the lab\. Required: Bucket/,
    );
  });

  it('names the members the lab accepts but ignores, so nobody expects ACL to do anything', () => {
    const code = 's3 = boto3.client("s3")\ns3.put_object(Bucket="b", Key="k")\n';
    const doc = hoverAt(code, 2, 6, s3Facts)?.contents.join('\n') ?? '';
    expect(doc).toMatch(/Accepted but ignored here: .*\bACL\b/);
    expect(doc).not.toMatch(/ignored here: .*\bBody\b/);
  });
});
