import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabRouter } from '../../host/router';
import { runChecks } from '../../lessons/checkers/runChecks';
import type { ExerciseContent } from '../../lessons/course';
import { loadLessonsOrThrow } from '../../lessons/loadLessons';
import { createNodeRuntime, type NodeRuntime } from '../../runtime/node/nodeRuntime';
import { parseWorkspace, WORKSPACE_VERSION, type WorkspaceDoc } from '../../store/workspaceDoc';
import { exerciseWorkspace, workspaceForChecks } from './exerciseWorkspace';

const course = loadLessonsOrThrow();
const exercises = course.lessons.flatMap((l) => l.exercises);
const exercise = (id: string): ExerciseContent => {
  const found = exercises.find((e) => e.id === id);
  if (!found) throw new Error(`${id} is missing`);
  return found;
};

describe('exercise workspaces', () => {
  it('gives every exercise a valid workspace that the checks read back as its starter and solution files', () => {
    for (const ex of exercises)
      for (const which of ['starter', 'solution'] as const) {
        const { workspace } = exerciseWorkspace(ex, which);
        expect(parseWorkspace(workspace, WORKSPACE_VERSION).ok, ex.id).toBe(true);
        const { files } = workspaceForChecks(ex, workspace);
        const texts = which === 'starter' ? ex.starter : ex.solution;
        for (const f of ex.spec.files)
          expect(files[f.path], `${ex.id} ${which} ${f.path}`).toBe(texts[f.path]);
      }
  });

  it('splits a two-function exercise into two drafts with their handlers', () => {
    const { workspace } = exerciseWorkspace(exercise('sns-fanout'));
    expect(Object.keys(workspace.functions).sort()).toEqual(['place-order', 'send-receipt']);
    expect(workspace.functions['place-order']?.files).toHaveProperty(['place_order.py']);
  });

  it("puts a role's policy file in the role editor of the function that uses the role", () => {
    const fix = exercise('fix-access-denied');
    const draft = exerciseWorkspace(fix).workspace.functions['get-order'];
    expect(draft?.role).toEqual({
      name: 'get-order-role',
      managedPolicies: ['AWSLambdaBasicExecutionRole'],
      inlinePolicy: fix.starter['policy.json'],
    });
    expect(Object.keys(draft?.files ?? {})).toEqual(['lambda_function.py']);
  });

  it('puts layer files in the workspace layer and attaches layers as the exercise configures them', () => {
    const ex = exercise('shared-layer');
    const starter = exerciseWorkspace(ex).workspace;
    expect(starter.layers['shared-utils']).toEqual({
      files: { 'python/shared_utils.py': ex.starter['python/shared_utils.py'] },
      compatibleRuntimes: ['python3.12', 'python3.13'],
    });
    expect(starter.functions.orders?.layers).toEqual([]);
    expect(exerciseWorkspace(ex, 'solution').workspace.functions.orders?.layers).toEqual(['shared-utils']);
  });

  it("sends the learner's edits, in the policy editor and the layer editor, to the checks", () => {
    const fix = exercise('fix-access-denied');
    const ws = exerciseWorkspace(fix).workspace;
    const edited: WorkspaceDoc = {
      ...ws,
      functions: {
        ...ws.functions,
        'get-order': {
          ...(ws.functions['get-order'] as WorkspaceDoc['functions'][string]),
          role: { name: 'get-order-role', managedPolicies: [], inlinePolicy: '{"edited": true}' },
        },
      },
    };
    expect(workspaceForChecks(fix, edited).files['policy.json']).toBe('{"edited": true}');
    const layer = exercise('shared-layer');
    const lws = exerciseWorkspace(layer).workspace;
    const withLayer = {
      ...lws,
      layers: { 'shared-utils': { files: { 'python/shared_utils.py': 'X = 1\n' }, compatibleRuntimes: [] } },
    };
    const checked = workspaceForChecks(layer, withLayer);
    expect(checked.files['python/shared_utils.py']).toBe('X = 1\n');
    expect(checked.config.orders?.layers).toEqual([]);
  });
});

describe('the two exercises with files beside the code can be completed in the app (real Python)', () => {
  const router = createLabRouter();
  let runtime: NodeRuntime;
  beforeAll(() => {
    runtime = createNodeRuntime({ awsCall: router.awsCall });
  }, 120_000);
  afterAll(async () => {
    await runtime.close();
  });

  it.each(['fix-access-denied', 'shared-layer'])(
    '%s: the solution, entered in the workspace, passes; the starter does not',
    async (id) => {
      const ex = exercise(id);
      const deps = { runtime, router };
      const solved = await runChecks(
        course,
        ex,
        workspaceForChecks(ex, exerciseWorkspace(ex, 'solution').workspace),
        deps,
        {
          explain: false,
        },
      );
      expect(solved.filter((r) => !r.passed).map((r) => `${r.checkId}: ${r.feedback}`)).toEqual([]);
      const started = await runChecks(
        course,
        ex,
        workspaceForChecks(ex, exerciseWorkspace(ex).workspace),
        deps,
        {
          explain: false,
        },
      );
      expect(started.some((r) => !r.passed)).toBe(true);
    },
    120_000,
  );
});
