/** The real content under lessons/: it loads, it is complete, and every file it names exists. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Course } from './course';
import { resolveCoverageRef } from './crossCheck';
import { loadLessons, REPO_ROOT, readContentFiles } from './loadLessons';
import { formatError } from './locate';
import { OBJECTIVES } from './schema';

/** Every item the issue asks the content to cover; coverage.yaml must map each one. */
const REQUIRED_COVERAGE = [
  ...OBJECTIVES.map((o) => `objectives.${o}`),
  'prerequisites',
  'prerequisites.free-tier',
  'takeaways.no-servers',
  'takeaways.execution-role',
  'takeaways.cold-starts',
  'takeaways.push-and-poll',
  'takeaways.serverless-api',
  'serverless.what-it-is',
  'serverless.when-not',
  'handler.event-context',
  'handler.naming',
  'lifecycle.phases',
  'lifecycle.connection-reuse',
  'runtimes.managed',
  'runtimes.custom',
  'runtimes.container-images',
  'event-sources.push',
  'event-sources.poll',
  'event-sources.permissions',
  'iam.trust-policy',
  'iam.least-privilege',
  'iam.managed-policies',
  'iam.access-denied',
  'config.env-vars',
  'config.memory-cpu',
  'config.timeout',
  'config.reserved-concurrency',
  'config.ephemeral-storage',
  'config.secrets',
  'cold-starts.causes',
  'cold-starts.factors',
  'cold-starts.provisioned-concurrency',
  'cold-starts.package-size',
  'cold-starts.snapstart',
  'cold-starts.init-outside-handler',
  'cold-starts.runtime-choice',
  'cold-starts.vpc',
  'layers',
  'packaging.zip-vs-image',
  'apigw.api-types',
  'apigw.proxy-integration',
  'apigw.stages',
  'apigw.full-picture',
  'apigw.timeout-29s',
  'faq.lambda-or-ec2',
  'faq.secrets',
  'faq.vpc-timeouts',
  'faq.lambda-calling-lambda',
  'pause-points.handler',
  'pause-points.event-sources',
  'pause-points.iam',
  'pause-points.cold-starts',
  'quiz.push-poll-sort',
  'quiz.rank-mitigations',
  'quiz.predict-timeline',
  'quiz.final',
] as const;

/** The exercises the issue names, by the id that implements each. */
const REQUIRED_EXERCISES = [
  '02-handler/hello-structured',
  '02-handler/s3-upload',
  '03-execution-environment/connection-reuse',
  '04-configuration/table-name-config',
  '05-iam/fix-access-denied',
  '10-api-gateway/orders-api',
  '06-event-sources/sqs-partial-batch',
  '06-event-sources/ddb-streams-consumer',
  '06-event-sources/sns-fanout',
  '07-cold-starts/cold-start-latency',
  '08-layers/shared-layer',
  '09-packaging/zip-or-container',
  '11-patterns-and-review/lambda-to-queue',
];

const result = loadLessons();
const course = result.course as Course;
const exercises = course?.lessons.flatMap((l) => l.exercises) ?? [];

describe('lesson content', () => {
  it('loads and validates with no errors', () => {
    expect(result.errors.map(formatError)).toEqual([]);
    expect(course).not.toBeNull();
  });

  it('follows sequence.yaml, one folder per lesson', () => {
    expect(course.lessons.map((l) => l.id)).toEqual([
      '01-serverless',
      '02-handler',
      '03-execution-environment',
      '06-event-sources',
      '05-iam',
      '04-configuration',
      '07-cold-starts',
      '08-layers',
      '09-packaging',
      '10-api-gateway',
      '11-patterns-and-review',
      '12-troubleshooting',
      '13-capstone',
    ]);
  });

  it('has every required exercise, at least twelve, and one or more per objective', () => {
    const ids = exercises.map((e) => `${e.lessonId}/${e.id}`);
    expect(ids).toEqual(expect.arrayContaining(REQUIRED_EXERCISES));
    expect(ids.length).toBeGreaterThanOrEqual(12);
    for (const objective of OBJECTIVES) {
      expect(
        exercises.filter((e) => e.spec.objectives.includes(objective)).length,
        objective,
      ).toBeGreaterThan(0);
    }
  });

  it.each(REQUIRED_EXERCISES)(
    '%s has starter, solution, hints, checks and mistakes that name checks',
    (key) => {
      const ex = exercises.find((e) => `${e.lessonId}/${e.id}` === key);
      if (ex === undefined) throw new Error(`missing ${key}`);
      expect(ex.spec.hints.length).toBeGreaterThanOrEqual(2);
      const checkIds = new Set(ex.spec.checks.map((c) => c.id));
      for (const f of ex.spec.files) {
        expect(ex.starter[f.path], `starter/${f.path}`).toBeTypeOf('string');
        expect(ex.solution[f.path], `solution/${f.path}`).toBeTypeOf('string');
      }
      for (const m of ex.spec.mistakes) {
        expect(checkIds.has(m.failsCheck)).toBe(true);
        for (const [target, source] of Object.entries(m.files)) {
          expect(ex.mistakeFiles[source]?.trim()).not.toBe(ex.solution[target]?.trim());
        }
      }
      expect(ex.spec.mistakes.some((m) => Object.values(m.files).some((s) => s.endsWith('.py')))).toBe(true);
    },
  );

  it('uses every check kind somewhere', () => {
    const kinds = new Set(exercises.flatMap((e) => e.spec.checks.map((c) => c.kind)));
    expect([...kinds].sort()).toEqual(['ast', 'config', 'invoke', 'policy', 'world']);
    const eventSets = exercises
      .flatMap((e) => e.spec.checks)
      .filter((c) => c.kind === 'invoke' && c.eventSet);
    expect(eventSets.length).toBeGreaterThan(0);
  });

  it('has quizzes of every type, the four pause points and a final check', () => {
    const quizzes = course.lessons.flatMap((l) => l.quizzes);
    const types = new Set(quizzes.flatMap((q) => q.questions.map((x) => x.type)));
    expect([...types].sort()).toEqual(['multiple', 'order', 'predict', 'single', 'sort']);
    const pausePoints = quizzes.filter((q) => q.purpose === 'pause-point').map((q) => q.pausePoint);
    // In the module's order: handler, event sources, execution roles, cold starts.
    expect(pausePoints).toEqual([1, 2, 3, 4]);
    expect(quizzes.filter((q) => q.purpose === 'final')).toHaveLength(1);
  });

  it('maps every required coverage item, and every reference resolves', () => {
    const ids = course.coverage.items.map((i) => i.id);
    for (const required of REQUIRED_COVERAGE) expect(ids, required).toContain(required);
    for (const item of course.coverage.items) {
      for (const ref of item.taughtBy) expect(resolveCoverageRef(course, ref), `${item.id}`).toBeNull();
    }
  });

  it('maps each learning objective to at least two exercises that list it among their objectives', () => {
    for (const objective of OBJECTIVES) {
      const item = course.coverage.items.find((i) => i.id === `objectives.${objective}`);
      const refs = (item?.taughtBy ?? []).flatMap((r) => ('exercise' in r ? [r.exercise] : []));
      expect(new Set(refs).size, objective).toBeGreaterThanOrEqual(2);
      for (const ref of refs) {
        const ex = exercises.find((e) => `${e.lessonId}/${e.id}` === ref);
        expect(ex?.spec.objectives, `${objective}: ${ref}`).toContain(objective);
      }
    }
  });

  it('opens no prepared world whose code is an exercise solution (no spoilers)', () => {
    const solutions = new Map<string, string>();
    for (const e of exercises)
      for (const [path, text] of Object.entries(e.solution))
        if (path.endsWith('.py')) solutions.set(text.trim(), `${e.lessonId}/${e.id}/solution/${path}`);
    const spoilers = [...course.files.entries()]
      .filter(([path]) => /^lessons\/[^/]+\/worlds\/.+\.py$/.test(path))
      .flatMap(([path, text]) =>
        solutions.has(text.trim()) ? [`${path} = ${solutions.get(text.trim())}`] : [],
      );
    expect(spoilers).toEqual([]);
  });

  it('shows the four common questions as FAQ, each with a teaching tip', () => {
    expect(course.faq.entries.map((e) => e.id).sort()).toEqual([
      'lambda-calling-lambda',
      'lambda-or-ec2',
      'secrets',
      'vpc-timeouts',
    ]);
  });
});

/** Syntax only: behaviour is proven later by the integrated checker in Pyodide. */
function python3(): string | null {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return 'python3';
  } catch {
    return null;
  }
}

describe.skipIf(python3() === null)('python files', () => {
  it('every .py file under lessons/ parses', () => {
    const files = [...readContentFiles().keys()].filter((p) => p.endsWith('.py'));
    expect(files.length).toBeGreaterThan(40);
    const script = [
      'import ast, json, sys',
      'bad = []',
      'for path in json.load(sys.stdin):',
      '    try:',
      '        ast.parse(open(path, encoding="utf-8").read(), filename=path)',
      '    except SyntaxError as e:',
      '        bad.append(f"{path}:{e.lineno}: {e.msg}")',
      'print(json.dumps(bad))',
    ].join('\n');
    const out = execFileSync('python3', ['-c', script], {
      input: JSON.stringify(files.map((f) => join(REPO_ROOT, f))),
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual([]);
  });
});
