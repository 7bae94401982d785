/**
 * The packaging exercise's packages are real: the function .zip holds its files at the root and the
 * layer .zip holds python/, and unpacked as Lambda does (/var/task, /opt) the handler imports and runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLessonsOrThrow } from './loadLessons';
import { buildZip, measurePackage, PACKAGE_LIMITS } from './packageZip';

const course = loadLessonsOrThrow();
const ex = course.lessons.flatMap((l) => l.exercises).find((e) => e.id === 'zip-or-container');
if (ex === undefined) throw new Error('no zip-or-container exercise');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function unpack(bytes: Uint8Array, into: string): void {
  for (const [path, data] of Object.entries(unzipSync(bytes))) {
    mkdirSync(dirname(join(into, path)), { recursive: true });
    writeFileSync(join(into, path), data);
  }
}

describe('deployment packages', () => {
  const solution = measurePackage(course, ex, ex.solution, 'invoice-pdf', ['shared-utils']);

  it('puts the function files at the root and the layer files under python/', () => {
    expect(Object.keys(unzipSync(solution.zip.bytes)).sort()).toEqual([
      'lambda_function.py',
      'requirements.txt',
      'tinytable.py',
    ]);
    expect(Object.keys(unzipSync(solution.layers[0]!.bytes))).toEqual(['python/shared_utils.py']);
    expect(strFromU8(unzipSync(solution.zip.bytes)['tinytable.py']!)).toContain('def render');
  });

  it('unpacked as Lambda does, the handler imports its vendored library and the layer and runs', () => {
    const root = mkdtempSync(join(tmpdir(), 'h4-package-'));
    dirs.push(root);
    unpack(solution.zip.bytes, join(root, 'var/task'));
    unpack(solution.layers[0]!.bytes, join(root, 'opt'));
    const script = [
      'import json, sys',
      `sys.path[:0] = [${JSON.stringify(join(root, 'var/task'))}, ${JSON.stringify(join(root, 'opt/python'))}]`,
      'import lambda_function',
      'print(json.dumps(lambda_function.lambda_handler({"lines": [{"item": "Desk lamp", "cents": 1999}]}, None)))',
    ].join('\n');
    const out = execFileSync('python3', ['-c', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ table: 'Desk lamp | $19.99', total: '$19.99' });
  });

  it('measures the lean .zip against the limits, and the ML function against the image limit only', () => {
    expect(solution.fits).toEqual({ zipUpload: true, zipUnzipped: true, image: true });
    expect(solution.totalUnzippedMb).toBeLessThan(1);
    const reader = measurePackage(course, ex, ex.solution, 'scan-reader', []);
    expect(reader.modeledDependencies.map((d) => d.name)).toEqual(['torch', 'pillow', 'numpy']);
    expect(reader.totalUnzippedMb).toBeGreaterThan(PACKAGE_LIMITS.unzippedMb);
    expect(reader.fits).toEqual({ zipUpload: false, zipUnzipped: false, image: true });
    const starter = measurePackage(course, ex, ex.starter, 'invoice-pdf', []);
    expect(starter.modeledDependencies.map((d) => d.name)).toEqual(['pandas', 'numpy']);
    expect(starter.totalUnzippedMb).toBeGreaterThan(100);
  });

  it('builds the same bytes from the same files', () => {
    const a = buildZip('x.zip', '/var/task', { 'b.py': 'b', 'a.py': 'a' });
    const b = buildZip('x.zip', '/var/task', { 'a.py': 'a', 'b.py': 'b' });
    expect(a.bytes).toEqual(b.bytes);
    expect(a.entries).toEqual(['a.py', 'b.py']);
  });

  it('calls a function with a Dockerfile that has a FROM line an image, and any other a .zip', () => {
    expect(solution.packageType).toBe('Zip');
    expect(measurePackage(course, ex, ex.solution, 'scan-reader', []).packageType).toBe('Image');
    expect(measurePackage(course, ex, ex.starter, 'scan-reader', []).packageType).toBe('Zip');
  });
});
