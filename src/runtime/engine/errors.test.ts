import { beforeAll, describe, expect, it } from 'vitest';
import type { EnvSpec, RunReport } from '../../sim/runtimePort';
import type { Engine } from './engine';
import { handlerCode, initRequest, invokeRequest, loadEngine, spec } from './testSupport';

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

function errorOf(report: RunReport) {
  if (report.outcome.status !== 'error')
    throw new Error(`expected an error, got ${JSON.stringify(report.outcome)}`);
  return report.outcome.error;
}

function initError(overrides: Partial<EnvSpec> & { code: EnvSpec['code'] }) {
  const env = spec(overrides);
  const report = engine.init(initRequest(env));
  engine.destroy(env.envId);
  return { report, error: errorOf(report) };
}

function invokeWith(source: string, event: unknown = {}) {
  const env = spec({ code: handlerCode(source) });
  expect(engine.init(initRequest(env)).outcome.status).toBe('success');
  const request = invokeRequest(env, event);
  const report = engine.invoke(request);
  engine.destroy(env.envId);
  return { report, requestId: request.requestId };
}

describe('init errors (requestId "")', () => {
  it('Runtime.ImportModuleError for a missing handler module, with an empty trace', () => {
    const { report, error } = initError({ code: handlerCode(''), handler: 'search.handler' });
    expect(error).toEqual({
      errorMessage: "Unable to import module 'search': No module named 'search'",
      errorType: 'Runtime.ImportModuleError',
      requestId: '',
      stackTrace: [],
    });
    const texts = report.logs.map((line) => line.text);
    expect(texts[0]).toMatch(
      /^\[WARNING\]\t\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\t\tLAMBDA_WARNING: Unhandled exception\./,
    );
    expect(texts[1]).toBe(
      "[ERROR] Runtime.ImportModuleError: Unable to import module 'search': No module named 'search'\nTraceback (most recent call last):",
    );
  });

  it('Runtime.ImportModuleError for a missing dependency', () => {
    const { error } = initError({
      code: handlerCode('import requests\ndef lambda_handler(e, c):\n    pass\n'),
    });
    expect(error.errorMessage).toBe("Unable to import module 'lambda_function': No module named 'requests'");
  });

  it('Runtime.UserCodeSyntaxError with the file and line', () => {
    const { error } = initError({ code: handlerCode('def lambda_handler(event, context)\n    return 1\n') });
    expect(error.errorType).toBe('Runtime.UserCodeSyntaxError');
    expect(error.errorMessage).toMatch(
      /^Syntax error in module 'lambda_function': .*\(lambda_function\.py, line 1\)$/,
    );
    expect(error.stackTrace).toEqual([
      '  File "/var/task/lambda_function.py" Line 1\n    def lambda_handler(event, context)\n',
    ]);
  });

  it('Runtime.HandlerNotFound', () => {
    const { error } = initError({ code: handlerCode('def handler(e, c):\n    pass\n') });
    expect(error.errorType).toBe('Runtime.HandlerNotFound');
    expect(error.errorMessage).toBe("Handler 'lambda_handler' missing on module 'lambda_function'");
  });

  it('Runtime.MalformedHandlerName', () => {
    const { error } = initError({ code: handlerCode(''), handler: 'lambda_function' });
    expect(error.errorType).toBe('Runtime.MalformedHandlerName');
    expect(error.errorMessage).toBe(
      "Bad handler 'lambda_function': not enough values to unpack (expected 2, got 1)",
    );
  });

  it('Runtime.BuiltInModuleConflict', () => {
    const { error } = initError({ code: handlerCode(''), handler: 'sys.handler' });
    expect(error).toMatchObject({
      errorType: 'Runtime.BuiltInModuleConflict',
      errorMessage: 'Cannot use built-in module sys as a handler module',
    });
  });

  it('an exception in module code keeps its own type and the import frames, with Lambda paths', () => {
    const { error } = initError({ code: handlerCode("import os\nX = os.environ['MISSING']\n") });
    expect(error.errorType).toBe('KeyError');
    expect(error.errorMessage).toBe("'MISSING'");
    expect(error.stackTrace[0]).toMatch(
      /^ {2}File "\/var\/lang\/lib\/python3\.14\/importlib\/__init__\.py", line \d+/,
    );
    expect(error.stackTrace.at(-2)).toContain('File "/var/task/lambda_function.py", line 2, in <module>');
    expect(error.stackTrace.join('')).not.toContain('/var/runtime');
  });
});

describe('invoke errors', () => {
  it('a handler exception: message, type, request id and user frames only', () => {
    const source =
      "def lambda_handler(event, context):\n    return helper(event)\n\ndef helper(event):\n    return event['action']\n";
    const { report, requestId } = invokeWith(source);
    expect(errorOf(report)).toEqual({
      errorMessage: "'action'",
      errorType: 'KeyError',
      requestId,
      stackTrace: [
        '  File "/var/task/lambda_function.py", line 2, in lambda_handler\n    return helper(event)\n',
        '  File "/var/task/lambda_function.py", line 5, in helper\n    return event[\'action\']\n           ~~~~~^^^^^^^^^^\n',
      ],
    });
    expect(report.logs.at(-1)?.text).toBe(
      "[ERROR] KeyError: 'action'\nTraceback (most recent call last):\n" +
        '  File "/var/task/lambda_function.py", line 2, in lambda_handler\n    return helper(event)\n' +
        '  File "/var/task/lambda_function.py", line 5, in helper\n    return event[\'action\']\n           ~~~~~^^^^^^^^^^',
    );
    expect(report.logs.some((line) => line.text.includes('LAMBDA_WARNING'))).toBe(false);
  });

  it('Runtime.MarshalError for a datetime', () => {
    const { report } = invokeWith(
      'import datetime\ndef lambda_handler(e, c):\n    return {"at": datetime.datetime.now()}\n',
    );
    expect(errorOf(report)).toMatchObject({
      errorType: 'Runtime.MarshalError',
      errorMessage: 'Unable to marshal response: Object of type datetime is not JSON serializable',
      stackTrace: [],
    });
  });

  it('a Decimal marshals as a JSON number; unicode stays unescaped', () => {
    const source =
      'from decimal import Decimal\ndef lambda_handler(e, c):\n    return {"price": Decimal("19.99"), "n": [Decimal("1E+3")], "s": "héllo"}\n';
    const { report } = invokeWith(source);
    expect(report.outcome).toEqual({
      status: 'success',
      responseJson: '{"price": 19.99, "n": [1E+3], "s": "héllo"}',
    });
  });

  it('None returns null', () => {
    expect(invokeWith('def lambda_handler(e, c):\n    return None\n').report.outcome).toEqual({
      status: 'success',
      responseJson: 'null',
    });
  });

  it('Function.ResponseSizeTooLarge past 6 MB', () => {
    const { report } = invokeWith('def lambda_handler(e, c):\n    return "x" * 6_300_000\n');
    expect(errorOf(report)).toMatchObject({
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).',
    });
  });

  it('sys.exit ends the runtime process (the platform adds "Runtime exited with error: ")', () => {
    const { report } = invokeWith('import sys\ndef lambda_handler(e, c):\n    sys.exit(3)\n');
    expect(report.outcome).toEqual({ status: 'crash', message: 'exit status 3' });
  });
});
