import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRuntime, type NodeRuntime } from '../runtime/node/nodeRuntime';
import { createCliLab, runInvoke } from './invokeCommand';
import { main, parseInvoke } from './main';

const dir = mkdtempSync(join(tmpdir(), 'lambda-lab-cli-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
let runtime: NodeRuntime;
let current = createCliLab(Date.UTC(2026, 10, 26, 12), 0);
/** A fresh lab world per invocation; the shared runtime answers boto3 calls against the current one. */
const lab = (seed: number) => {
  current = createCliLab(Date.UTC(2026, 10, 26, 12), seed);
  return current;
};

beforeAll(() => {
  runtime = createNodeRuntime({ awsCall: (json) => current.awsCall(json) });
});
afterAll(async () => {
  await runtime.close();
});

describe('lambda-lab invoke', () => {
  it('prints the response on stdout and the CloudWatch lines on stderr, cold then warm', async () => {
    write('helper.py', 'def greet(name):\n    return f"hi {name}"\n');
    const file = write(
      'app.py',
      'import helper\nCOUNT = 0\n\ndef lambda_handler(event, context):\n    global COUNT\n    COUNT += 1\n    print("got", event["name"])\n    return {"greeting": helper.greet(event["name"]), "count": COUNT}\n',
    );
    const out = await runInvoke(
      parseInvoke([file, '--event-json', '{"name": "Ada"}', '--times', '2', '--memory', '256']),
      runtime,
      lab(1),
    );
    expect(out.exitCode).toBe(0);
    expect(out.stdout.map((line) => JSON.parse(line))).toEqual([
      { greeting: 'hi Ada', count: 1 },
      { greeting: 'hi Ada', count: 2 },
    ]);
    expect(out.stderr[0]).toMatch(
      /^INIT_START Runtime Version: python:3\.13\.v\d+\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$/,
    );
    const reports = out.stderr.filter((l) => l.startsWith('REPORT'));
    expect(reports).toHaveLength(2);
    expect(reports[0]).toMatch(
      /\tMemory Size: 256 MB\tMax Memory Used: \d+ MB\tInit Duration: \d+\.\d\d ms\t$/,
    );
    expect(reports[1]).not.toContain('Init Duration');
    expect(out.stderr.filter((l) => l === 'got Ada')).toHaveLength(2);
  });

  it('exits with 1 and prints the error payload when the handler raises', async () => {
    const file = write('boom.py', 'def lambda_handler(event, context):\n    raise ValueError("bad input")\n');
    const out = await runInvoke(parseInvoke([file]), runtime, lab(2));
    expect(out.exitCode).toBe(1);
    const payload = JSON.parse(out.stdout[0] ?? '{}');
    expect(payload).toMatchObject({ errorMessage: 'bad input', errorType: 'ValueError' });
    expect(payload.stackTrace[0]).toContain('File "/var/task/boom.py", line 2, in lambda_handler');
    expect(out.stderr.some((l) => l.startsWith('[ERROR] ValueError: bad input'))).toBe(true);
  });

  it('uses a sample event template, environment variables and the JSON log format', async () => {
    const file = write(
      'tmpl.py',
      'import os, logging\nlog = logging.getLogger()\n\ndef lambda_handler(event, context):\n    log.warning("bucket %s", event["Records"][0]["s3"]["bucket"]["name"])\n    return os.environ["STAGE"]\n',
    );
    const out = await runInvoke(
      parseInvoke([file, '--template', 's3-put', '--env', 'STAGE=test', '--log-format', 'json']),
      runtime,
      lab(10),
    );
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toEqual(['"test"']);
    const app = out.stderr.map((l) => (l.startsWith('{') ? JSON.parse(l) : null)).find((r) => r?.message);
    expect(app).toMatchObject({ level: 'WARNING', message: 'bucket example-bucket' });
  });

  it('sends concurrent requests to separate environments', async () => {
    const file = write(
      'conc.py',
      'def lambda_handler(event, context):\n    return context.log_stream_name\n',
    );
    const out = await runInvoke(parseInvoke([file, '--concurrency', '3']), runtime, lab(3));
    expect(new Set(out.stdout).size).toBe(3);
    expect(out.stderr.filter((l) => l.startsWith('INIT_START'))).toHaveLength(3);
  });

  it('refuses bad arguments with exit status 2 and says why', async () => {
    expect((await main(['invoke'])).exitCode).toBe(2);
    const bad = await main(['invoke', 'x.py', '--event-json', '{oops']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr[0]).toContain('not valid JSON');
    const memory = await main(['invoke', 'x.py', '--memory', 'lots']);
    expect(memory.stderr[0]).toContain('--memory must be a whole number');
    const file = write('mem.py', 'def lambda_handler(e, c):\n    return 1\n');
    const refused = await runInvoke(parseInvoke([file, '--memory', '64']), runtime, lab(4));
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr[0]).toMatch(
      /^ValidationException: .*'64' at 'memorySize'.*greater than or equal to 128/,
    );
  });
});

describe('lambda-lab generate-event', () => {
  it('prints a sample S3 put event with the given bucket and URL-encoded key', async () => {
    const out = await main(['generate-event', 's3', 'put', '--bucket', 'photos', '--key', 'my photo.jpg']);
    expect(out.exitCode).toBe(0);
    const record = JSON.parse(out.stdout[0] ?? '{}').Records[0];
    expect(record.eventName).toBe('ObjectCreated:Put');
    expect(record.s3.bucket).toMatchObject({ name: 'photos', arn: 'arn:aws:s3:::photos' });
    expect(record.s3.object.key).toBe('my+photo.jpg');
  });

  it('lists every template and explains unknown ones', async () => {
    const list = await main(['generate-event', '--list']);
    expect(list.stdout.join('\n')).toContain('apigateway aws-proxy');
    const unknown = await main(['generate-event', 's3', 'rename']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr[0]).toContain('Kinds of s3: put, delete');
    const option = await main(['generate-event', 'sqs', 'receive-message', '--color', 'red']);
    expect(option.stderr[0]).toContain('has no option --color');
  });

  it('runs as the `lambda-lab` bin', () => {
    const bin = resolve('bin/lambda-lab.mjs');
    const result = spawnSync(
      process.execPath,
      [bin, 'generate-event', 'sns', 'notification', '--message', 'hi'],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).Records[0].Sns.Message).toBe('hi');
  });
});
