import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlerCode, initRequest, invokeRequest, spec } from '../engine/testSupport';
import { createNodeRuntime, type NodeRuntime } from './nodeRuntime';

let runtime: NodeRuntime;

/** Asks until a worker is free (the first ask may come while the worker still boots). */
async function check(files: Record<string, string>) {
  for (let i = 0; i < 600; i++) {
    const problems = await runtime.checkSyntax(files);
    if (problems) return problems;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no worker became free for the syntax check');
}

beforeAll(async () => {
  runtime = createNodeRuntime();
  runtime.warm();
  await check({ 'warm.py': 'x = 1\n' });
});

afterAll(async () => {
  await runtime.close();
});

describe('syntax check with real Python (Node worker thread)', () => {
  it('finds nothing wrong in valid code, and ignores files that are not Python', async () => {
    const problems = await check({
      'lambda_function.py':
        'import json\n\ndef lambda_handler(event, context):\n    return json.dumps(event)\n',
      'data.json': '{ not python at all',
    });
    expect(problems).toEqual([]);
  });

  it('points at the unclosed bracket, with its line and column', async () => {
    const problems = await check({
      'lambda_function.py': 'def lambda_handler(event, context):\n    return {"ok": (1,\n',
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'lambda_function.py',
      kind: 'SyntaxError',
      severity: 'error',
      message: "'(' was never closed",
      line: 2,
      column: 19,
    });
  });

  it('reports a missing indented block as an IndentationError on the line that should be indented', async () => {
    const [problem] = await check({ 'app.py': 'def lambda_handler(event, context):\nreturn 1\n' });
    expect(problem).toMatchObject({ kind: 'IndentationError', line: 2, column: 1 });
    expect(problem?.message).toMatch(/expected an indented block after function definition on line 1/);
  });

  it('reports mixed tabs and spaces as a TabError', async () => {
    const [problem] = await check({
      'app.py': 'def lambda_handler(event, context):\n\tif event:\n        return 1\n\treturn 2\n',
    });
    expect(problem).toMatchObject({ kind: 'TabError', line: 3 });
  });

  it('catches errors only the compiler sees, like return outside a function', async () => {
    const [problem] = await check({ 'app.py': 'x = 1\nreturn x\n' });
    expect(problem).toMatchObject({ kind: 'SyntaxError', message: "'return' outside function", line: 2 });
  });

  it('counts columns in UTF-16 units, as the editor does (an emoji is two)', async () => {
    const [problem] = await check({ 'app.py': 'greeting = "👋" +\n' });
    // `greeting = "👋" +` is 16 characters but 17 UTF-16 units; Python stops just after it.
    expect(problem).toMatchObject({ line: 1, column: 18 });
  });

  it('checks every file it is given, each under its own name', async () => {
    const problems = await check({
      'lambda_function.py': 'from pkg import util\n',
      'pkg/util.py': 'def helper(:\n    pass\n',
    });
    expect(problems.map((p) => [p.file, p.line])).toEqual([['pkg/util.py', 1]]);
  });

  it('reports a SyntaxWarning as a warning on its line', async () => {
    const problems = await check({ 'app.py': 'x = 1\npattern = "\\d+"\n' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', kind: 'SyntaxWarning', line: 2 });
    expect(problems[0]?.message).toMatch(/invalid escape sequence/);
  });

  it('never waits behind a running handler: it answers null, and the handler is not disturbed', async () => {
    const env = spec({
      code: handlerCode(
        'import time\n\ndef lambda_handler(event, context):\n    end = time.perf_counter() + 1.0\n    n = 0\n    while time.perf_counter() < end:\n        n += 1\n    return "done"\n',
      ),
    });
    await runtime.init(initRequest(env));
    const running = runtime.invoke(invokeRequest(env));
    // Null, not problems: had the check queued behind the handler, it would have waited and found one.
    expect(await runtime.checkSyntax({ 'app.py': 'x = (' })).toBeNull();
    const report = await running;
    expect(report.outcome).toEqual({ status: 'success', responseJson: '"done"' });
    expect(await check({ 'app.py': 'x = (' })).toHaveLength(1);
    await runtime.destroy(env.envId);
  });
});
