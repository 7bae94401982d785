import { describe, expect, it } from 'vitest';
import { startLabel, warningSummary } from './resultLabels';

const model = { cpuMs: 1, cpuScale: 1, waitMs: 0 } as never;
const base = { initDurationMs: null, model, responseJson: '{}', logs: [] as string[] };

describe('startLabel', () => {
  it('names a cold start, a warm invoke and a lesson snippet', () => {
    expect(startLabel({ ...base, initDurationMs: 120 })).toBe('Init 120.00 ms (cold start)');
    expect(startLabel(base)).toBe('warm');
    expect(startLabel({ ...base, model: null })).toMatch(/snippet/);
  });

  it('never calls a failed Init warm', () => {
    const failed = {
      ...base,
      responseJson: '{"errorType": "Runtime.ImportModuleError", "errorMessage": "x"}',
    };
    expect(startLabel(failed)).toBe('Init failed (cold start)');
    expect(startLabel({ ...base, logs: ['INIT_START Runtime Version: python:3.13'] })).toBe('cold start');
  });
});

describe('warningSummary', () => {
  it('keeps the first sentence of LAMBDA_WARNING and leaves other lines alone', () => {
    const line =
      '2026-01-01T00:00:00Z\tLAMBDA_WARNING: Unhandled exception. The most likely cause is an issue in the function code.';
    expect(warningSummary(line)).toBe('2026-01-01T00:00:00Z\tLAMBDA_WARNING: Unhandled exception.');
    expect(warningSummary('[ERROR] KeyError')).toBeNull();
  });
});
