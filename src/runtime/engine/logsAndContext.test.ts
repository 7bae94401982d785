import { beforeAll, describe, expect, it } from 'vitest';
import type { EnvSpec } from '../../sim/runtimePort';
import type { Engine } from './engine';
import { handlerCode, initRequest, invokeRequest, loadEngine, spec } from './testSupport';

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

function invoke(source: string, environment: EnvSpec['environment'] = {}, clientContextJson?: string) {
  const env = spec({ code: handlerCode(source), environment });
  const init = engine.init(initRequest(env));
  const request = { ...invokeRequest(env, { n: 1 }), clientContextJson };
  const report = engine.invoke(request);
  engine.destroy(env.envId);
  return { env, init, request, report, texts: report.logs.map((line) => line.text) };
}

const LOGGING = `
import logging
logger = logging.getLogger()
def lambda_handler(event, context):
    print("printed", event["n"])
    logger.debug("debug line")
    logger.info("info line")
    logger.warning("warning line")
    logging.getLogger("orders").error("order %s failed", 42, extra={"orderId": 42})
    context.log("via context.log\\n")
`;

describe('logs', () => {
  it('text format: print lines, root logger at WARNING by default, Lambda line layout', () => {
    const { texts, request } = invoke(LOGGING);
    const stamp = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z';
    expect(texts[0]).toBe('printed 1');
    expect(texts[1]).toMatch(new RegExp(`^\\[WARNING\\]\\t${stamp}\\t${request.requestId}\\twarning line$`));
    expect(texts[2]).toMatch(
      new RegExp(`^\\[ERROR\\]\\t2026-01-15T12:00:01\\.\\d{3}Z\\t${request.requestId}\\torder 42 failed$`),
    );
    expect(texts[3]).toBe('via context.log');
    expect(texts).toHaveLength(4);
  });

  it('AWS_LAMBDA_LOG_LEVEL lowers the root level', () => {
    const { texts } = invoke(LOGGING, { AWS_LAMBDA_LOG_LEVEL: 'DEBUG' });
    expect(texts.filter((text) => text.startsWith('['))).toHaveLength(4);
    expect(texts[1]).toMatch(/^\[DEBUG\]\t.*\tdebug line$/);
  });

  it('a logger level set in module code persists across invokes and stays in its environment', () => {
    const source =
      'import logging\nlogging.getLogger().setLevel(logging.INFO)\ndef lambda_handler(e, c):\n    logging.info("hello")\n';
    const env = spec({ code: handlerCode(source) });
    engine.init(initRequest(env));
    expect(engine.invoke(invokeRequest(env)).logs).toHaveLength(1);
    const other = invoke('import logging\ndef lambda_handler(e, c):\n    logging.info("hidden")\n');
    expect(other.texts).toEqual([]);
    expect(engine.invoke(invokeRequest(env)).logs).toHaveLength(1);
    engine.destroy(env.envId);
  });

  it('JSON format: one object per record with Lambda keys and extras', () => {
    const { texts, request } = invoke(LOGGING, {
      AWS_LAMBDA_LOG_FORMAT: 'JSON',
      AWS_LAMBDA_LOG_LEVEL: 'INFO',
    });
    expect(texts[0]).toBe('printed 1');
    const records = texts.slice(1, 4).map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(records[0]).toEqual({
      timestamp: expect.stringMatching(/^2026-01-15T12:00:01Z$/),
      level: 'INFO',
      message: 'info line',
      logger: 'root',
      requestId: request.requestId,
    });
    expect(records[2]).toMatchObject({
      level: 'ERROR',
      message: 'order 42 failed',
      logger: 'orders',
      orderId: 42,
    });
  });

  it('an unhandled error in JSON format is one JSON event', () => {
    const { texts } = invoke('def lambda_handler(e, c):\n    raise ValueError("bad")\n', {
      AWS_LAMBDA_LOG_FORMAT: 'JSON',
    });
    const event = JSON.parse(texts.at(-1) ?? '') as Record<string, unknown>;
    expect(event).toMatchObject({ log_level: 'ERROR', errorType: 'ValueError', errorMessage: 'bad' });
    expect(event.stackTrace).toHaveLength(1);
  });

  it('oversized output is cut with a marker line instead of freezing', () => {
    const source =
      'def lambda_handler(e, c):\n    print("x" * 300_000)\n    for i in range(2_000):\n        print("line", i, "y" * 4_000)\n    return "done"\n';
    // 8 MB in a few thousand lines: past both caps without a loop long enough to time out on a busy machine.
    const { report, texts } = invoke(source);
    expect(report.outcome).toEqual({ status: 'success', responseJson: '"done"' });
    expect(texts[0]).toHaveLength(256 * 1024 + ' [Lambda Lab: line cut at 256 KB]'.length);
    expect(texts.at(-1)).toBe('[Lambda Lab: log output of this run passed 4 MB; the rest was dropped]');
    expect(texts.reduce((sum, text) => sum + text.length, 0)).toBeLessThan(4.2 * 1024 * 1024);
  });
});

describe('context', () => {
  const CONTEXT = `
def lambda_handler(event, context):
    names = ["function_name", "function_version", "invoked_function_arn", "memory_limit_in_mb", "aws_request_id",
             "log_group_name", "log_stream_name", "client_context", "tenant_id"]
    out = {name: [type(getattr(context, name)).__name__, getattr(context, name)] for name in names}
    out["client_context"][1] = repr(context.client_context)
    out["identity"] = [type(context.identity).__name__, context.identity.cognito_identity_id, context.identity.cognito_identity_pool_id]
    out["remaining"] = [type(context.get_remaining_time_in_millis()).__name__, context.get_remaining_time_in_millis()]
    out["repr"] = repr(context)
    out["class"] = type(context).__name__
    if context.client_context:
        out["app_title"] = context.client_context.client.app_title
        out["custom"] = context.client_context.custom
    return out
`;

  it('has the attributes and types of the Python runtime', () => {
    const { report, request, env } = invoke(CONTEXT);
    if (report.outcome.status !== 'success') throw new Error(JSON.stringify(report));
    const out = JSON.parse(report.outcome.responseJson) as Record<string, unknown[]>;
    expect(out.function_name).toEqual(['str', 'my-function']);
    expect(out.function_version).toEqual(['str', '$LATEST']);
    expect(out.invoked_function_arn).toEqual(['str', request.invokedFunctionArn]);
    expect(out.memory_limit_in_mb).toEqual(['str', '128']);
    expect(out.aws_request_id).toEqual(['str', request.requestId]);
    expect(out.log_group_name).toEqual(['str', '/aws/lambda/my-function']);
    expect(out.log_stream_name).toEqual(['str', env.logStreamName]);
    expect(out.client_context).toEqual(['NoneType', 'None']);
    expect(out.tenant_id).toEqual(['NoneType', null]);
    expect(out.identity).toEqual(['CognitoIdentity', null, null]);
    expect(out.remaining?.[0]).toBe('int');
    expect(Number(out.remaining?.[1])).toBeGreaterThan(2900);
    expect(out.class).toEqual('LambdaContext');
    expect(out.repr).toBe(
      `LambdaContext([aws_request_id=${request.requestId},log_group_name=/aws/lambda/my-function,` +
        `log_stream_name=${env.logStreamName},function_name=my-function,memory_limit_in_mb=128,` +
        `function_version=$LATEST,invoked_function_arn=${request.invokedFunctionArn},client_context=None,` +
        'identity=CognitoIdentity([cognito_identity_id=None,cognito_identity_pool_id=None]),tenant_id=None])',
    );
  });

  it('carries a client context when the caller passes one', () => {
    const clientContext = JSON.stringify({
      client: { app_title: 'Shop' },
      custom: { tier: 'gold' },
      env: {},
    });
    const { report } = invoke(CONTEXT, {}, clientContext);
    if (report.outcome.status !== 'success') throw new Error(JSON.stringify(report));
    expect(JSON.parse(report.outcome.responseJson)).toMatchObject({
      app_title: 'Shop',
      custom: { tier: 'gold' },
    });
  });
});
