import { describe, expect, it } from 'vitest';
import { formatDuration, formatOffset, formatPerMillion, formatUsd, plural } from './format';

describe('format', () => {
  it('writes durations at a readable scale', () => {
    expect([
      formatDuration(3.456),
      formatDuration(250),
      formatDuration(1250),
      formatDuration(61_000),
    ]).toEqual(['3.46 ms', '250 ms', '1.250 s', '1 min 1 s']);
    expect(formatDuration(Number.NaN)).toBe('–');
    // A minute boundary after rounding: never "2 min 60 s".
    expect([formatDuration(179_600), formatDuration(-61_000)]).toEqual(['3 min 0 s', '-1 min 1 s']);
    expect(formatOffset(1500, 1000)).toBe('+500 ms');
    // Before the origin: one sign, never "+-".
    expect(formatOffset(1000, 1500)).toBe('−500 ms');
  });
  it('writes money and counts', () => {
    expect([formatUsd(0), formatUsd(0.0000021), formatUsd(18.74)]).toEqual(['$0', '$2.10e-6', '$18.74']);
    expect([formatPerMillion(8.15e-7), formatPerMillion(2.5e-5)]).toEqual(['$0.82 per 1M', '$25 per 1M']);
    expect([plural(1, 'environment'), plural(1000, 'environment')]).toEqual([
      '1 environment',
      '1,000 environments',
    ]);
  });
});
