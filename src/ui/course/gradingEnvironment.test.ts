import { describe, expect, it } from 'vitest';
import { cannotGradeReason, checksCallAws } from './gradingEnvironment';

const boto = { solution: { 'lambda_function.py': 'import json\nimport boto3\n\ndef h(e, c):\n    pass\n' } };
const plain = { solution: { 'lambda_function.py': 'def h(e, c):\n    return "boto3 is not imported"\n' } };

describe('cannotGradeReason', () => {
  it('knows which exercises call AWS from their solution', () => {
    expect(checksCallAws(boto)).toBe(true);
    expect(checksCallAws(plain)).toBe(false);
  });

  it('grades everywhere an AWS call can wait: isolation or JSPI', () => {
    expect(cannotGradeReason(boto, { crossOriginIsolated: true, jspi: false })).toBeNull();
    expect(cannotGradeReason(boto, { crossOriginIsolated: false, jspi: true })).toBeNull();
    expect(cannotGradeReason(plain, { crossOriginIsolated: false, jspi: false })).toBeNull();
  });

  it('refuses to grade an AWS exercise where no call can wait, and says what to do', () => {
    const reason = cannotGradeReason(boto, { crossOriginIsolated: false, jspi: false });
    expect(reason).toMatch(/Nothing was graded/);
    expect(reason).toMatch(/Chrome or Edge|npm start/);
  });
});
