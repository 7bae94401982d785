// Expected strings are copied from shared/reference/lambda-facts.md (section noted on each), tabs as \t.
import { describe, expect, it } from 'vitest';
import { billedDurationMs } from './billing';
import { invocationRecordJson } from './destinations';
import {
  endLine,
  initReportLine,
  initStartLine,
  pythonErrorJson,
  reportJson,
  reportLine,
  startLine,
  timeoutLine,
  timeoutPayload,
} from './logLines';
import { utcMs } from './timeFormat';

const ID = '8f507cfc-xmpl-4697-b07a-ac58fc914c95';
const ok = { kind: 'success' } as const;

describe('platform log lines match the facts file (§1.1)', () => {
  it('INIT_START, START, END', () => {
    expect(initStartLine('python:3.13.v14', 'arn:aws:lambda:eu-south-1::runtime:7b620fc2e661')).toBe(
      'INIT_START Runtime Version: python:3.13.v14\tRuntime Version ARN: arn:aws:lambda:eu-south-1::runtime:7b620fc2e661',
    );
    expect(startLine(ID, '$LATEST')).toBe(
      'START RequestId: 8f507cfc-xmpl-4697-b07a-ac58fc914c95 Version: $LATEST',
    );
    expect(startLine('3e8b41bf', '24')).toBe('START RequestId: 3e8b41bf Version: 24');
    expect(endLine(ID)).toBe('END RequestId: 8f507cfc-xmpl-4697-b07a-ac58fc914c95');
  });

  it('REPORT of a cold start: tabs, two decimals, Init Duration last, trailing tab', () => {
    const line = reportLine({
      requestId: ID,
      durationCentis: 1574,
      billedDurationMs: 16,
      memorySizeMb: 128,
      maxMemoryUsedMb: 56,
      initCentis: 13049,
      restoreCentis: null,
      status: ok,
    });
    expect(line).toBe(
      'REPORT RequestId: 8f507cfc-xmpl-4697-b07a-ac58fc914c95\tDuration: 15.74 ms\tBilled Duration: 16 ms\tMemory Size: 128 MB\tMax Memory Used: 56 MB\tInit Duration: 130.49 ms\t',
    );
  });

  it('REPORT status suffixes for OOM, timeout and init errors (§1.1, §1.2, §1.5)', () => {
    const base = { requestId: 'r', billedDurationMs: 1, restoreCentis: null };
    expect(
      reportLine({
        ...base,
        durationCentis: 100,
        memorySizeMb: 10240,
        maxMemoryUsedMb: 10239,
        initCentis: 55173,
        status: { kind: 'error', errorType: 'Runtime.OutOfMemory' },
      }),
    ).toMatch(
      /\tMax Memory Used: 10239 MB\tInit Duration: 551\.73 ms\tStatus: error\tError Type: Runtime\.OutOfMemory$/,
    );
    expect(
      reportLine({
        ...base,
        durationCentis: 300000,
        billedDurationMs: 3000,
        memorySizeMb: 128,
        maxMemoryUsedMb: 50,
        initCentis: null,
        status: { kind: 'timeout' },
      }),
    ).toBe(
      'REPORT RequestId: r\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 50 MB\tStatus: timeout',
    );
    expect(
      reportLine({
        requestId: '12131914-ade7-4b3b-adbf-f01e971190d5',
        durationCentis: 9871,
        billedDurationMs: 99,
        memorySizeMb: 512,
        maxMemoryUsedMb: 46,
        initCentis: null,
        restoreCentis: null,
        status: { kind: 'error', errorType: 'Runtime.ImportModuleError' },
      }),
    ).toBe(
      'REPORT RequestId: 12131914-ade7-4b3b-adbf-f01e971190d5\tDuration: 98.71 ms\tBilled Duration: 99 ms\tMemory Size: 512 MB\tMax Memory Used: 46 MB\tStatus: error\tError Type: Runtime.ImportModuleError',
    );
  });

  it('REPORT with SnapStart restore fields in the order maxday parses (§9)', () => {
    const line = reportLine({
      requestId: 'X',
      durationCentis: 250,
      billedDurationMs: 3,
      memorySizeMb: 512,
      maxMemoryUsedMb: 80,
      initCentis: null,
      restoreCentis: 15025,
      status: ok,
    });
    expect(line).toBe(
      'REPORT RequestId: X\tDuration: 2.50 ms\tBilled Duration: 3 ms\tMemory Size: 512 MB\tMax Memory Used: 80 MB\tRestore Duration: 150.25 ms\tBilled Restore Duration: 151 ms\t',
    );
  });

  it('INIT_REPORT variants (§1.1, §1.5)', () => {
    expect(initReportLine(300336, 'invoke', { kind: 'timeout' })).toBe(
      'INIT_REPORT Init Duration: 3003.36 ms\tPhase: invoke\tStatus: timeout',
    );
    expect(initReportLine(13769, 'init', { kind: 'error', errorType: 'Runtime.ImportModuleError' })).toBe(
      'INIT_REPORT Init Duration: 137.69 ms\tPhase: init\tStatus: error\tError Type: Runtime.ImportModuleError',
    );
    expect(initReportLine(999979, 'init', { kind: 'timeout' })).toBe(
      'INIT_REPORT Init Duration: 9999.79 ms\tPhase: init\tStatus: timeout',
    );
  });

  it('timeout line and Sandbox.Timedout payload, errorType first (§1.2)', () => {
    const at = utcMs(2025, 1, 10, 16, 42, 41, 688);
    expect(timeoutLine(at, '093d1552-faab-424e-a100-9e87558475b1', 3000)).toBe(
      '2025-01-10T16:42:41.688Z 093d1552-faab-424e-a100-9e87558475b1 Task timed out after 3.00 seconds',
    );
    expect(timeoutPayload('abc', 3000)).toBe(
      '{"errorType":"Sandbox.Timedout","errorMessage":"RequestId: abc Error: Task timed out after 3.00 seconds"}',
    );
  });

  it("the Python error payload keeps json.dumps' separators and key order (§2)", () => {
    expect(
      pythonErrorJson({
        errorMessage: "Unable to import module 'lambda_function': No module named 'lambda_function'",
        errorType: 'Runtime.ImportModuleError',
        requestId: 'b256388f',
        stackTrace: [],
      }),
    ).toBe(
      `{"errorMessage": "Unable to import module 'lambda_function': No module named 'lambda_function'", "errorType": "Runtime.ImportModuleError", "requestId": "b256388f", "stackTrace": []}`,
    );
  });

  it('JSON format platform.report has the Telemetry API shape (§1.1b)', () => {
    const json = reportJson(utcMs(2022, 10, 12, 0, 1, 15), {
      requestId: 'r',
      durationCentis: 69392,
      billedDurationMs: 694,
      memorySizeMb: 128,
      maxMemoryUsedMb: 84,
      initCentis: 39768,
      restoreCentis: null,
      status: ok,
    });
    expect(JSON.parse(json)).toEqual({
      time: '2022-10-12T00:01:15.000Z',
      type: 'platform.report',
      record: {
        requestId: 'r',
        metrics: {
          billedDurationMs: 694,
          durationMs: 693.92,
          initDurationMs: 397.68,
          maxMemoryUsedMB: 84,
          memorySizeMB: 128,
        },
        status: 'success',
      },
    });
  });
});

describe('billed duration rounding (§1.1, §8)', () => {
  it('rounds up to the next ms, and adds init for cold starts billed since 2025-08-01', () => {
    expect(billedDurationMs(1574, 0)).toBe(16);
    expect(billedDurationMs(375718, 0)).toBe(3758);
    expect(billedDurationMs(151337, 30363)).toBe(1817);
    expect(billedDurationMs(90000000, 54495)).toBe(900545);
    expect(billedDurationMs(300000, 0)).toBe(3000);
  });
});

describe('async invocation record (§5.1)', () => {
  it('has the documented key order', () => {
    const json = invocationRecordJson({
      timestampMs: utcMs(2019, 11, 14, 18, 16, 5, 568),
      requestId: 'e4b46cbf-b738-xmpl-8880-a18cdf61200e',
      functionArn: 'arn:aws:lambda:us-east-2:123456789012:function:my-function:$LATEST',
      condition: 'RetriesExhausted',
      approximateInvokeCount: 3,
      requestPayloadJson: '{"ORDER_IDS":["9e07af03-ce31-4ff3-xmpl-36dce652cb4f"]}',
      statusCode: 200,
      executedVersion: '$LATEST',
      functionError: 'Unhandled',
      responsePayloadJson: '{"errorMessage":"RequestId: e4b46cbf Process exited before completing request"}',
    });
    expect(json).toBe(
      '{"version":"1.0","timestamp":"2019-11-14T18:16:05.568Z","requestContext":{"requestId":"e4b46cbf-b738-xmpl-8880-a18cdf61200e","functionArn":"arn:aws:lambda:us-east-2:123456789012:function:my-function:$LATEST","condition":"RetriesExhausted","approximateInvokeCount":3},"requestPayload":{"ORDER_IDS":["9e07af03-ce31-4ff3-xmpl-36dce652cb4f"]},"responseContext":{"statusCode":200,"executedVersion":"$LATEST","functionError":"Unhandled"},"responsePayload":{"errorMessage":"RequestId: e4b46cbf Process exited before completing request"}}',
    );
  });
});
