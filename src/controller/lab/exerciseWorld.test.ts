import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLabRunner } from '../../host/labRunner';
import { createLabWorld } from '../../host/labWorld';
import type { ExerciseContent } from '../../lessons/course';
import { loadLessonsOrThrow } from '../../lessons/loadLessons';
import { createNodeRuntime, type NodeRuntime } from '../../runtime/node/nodeRuntime';
import { createFakeRuntime } from '../../sim/fakeRuntime';
import { useLabStore } from '../../store/labStore';
import { defaultWorkspace } from '../../store/workspaceDoc';
import { exerciseWorkspace } from './exerciseWorkspace';

// The real controller on real Python in Node: only the browser's boot is replaced by a Node runtime.
let runtime: NodeRuntime;
let awsCall: (json: string) => string | Promise<string> = () => '';
vi.mock('./pythonBoot', () => ({
  currentRuntime: () => runtime,
  setAwsCall: (handler: typeof awsCall) => {
    awsCall = handler;
  },
}));

const { buildExerciseWorld, loadExercise } = await import('./exerciseWorld');
const { ensureLab, runTest } = await import('./labController');
const { browserLab } = await import('./browserLab');

const course = loadLessonsOrThrow();
const exercise = (id: string): ExerciseContent => {
  const found = course.lessons.flatMap((l) => l.exercises).find((e) => e.id === id);
  if (!found) throw new Error(`${id} is missing`);
  return found;
};
const READY = { state: 'ready', fromSnapshot: true, phaseMs: {}, readyMs: 1 } as const;
const store = () => useLabStore.getState();
const learnerLab = () => {
  const live = ensureLab();
  if (!live) throw new Error('no lab');
  return live.lab;
};

beforeAll(() => {
  runtime = createNodeRuntime({ awsCall: (json) => awsCall(json) });
}, 120_000);
afterAll(async () => {
  await runtime.close();
});

describe("every exercise's world builds with its starter (scripted runtime)", () => {
  it.each(course.lessons.flatMap((l) => l.exercises).map((e) => [e.id, e] as const))(
    '%s',
    async (_id, ex) => {
      const lab = createLabWorld({ seed: 3, startTimeMs: Date.UTC(2026, 0, 5), access: 'basic' });
      const runner = createLabRunner(lab.world, createFakeRuntime());
      await buildExerciseWorld(lab, runner, course, ex, exerciseWorkspace(ex).workspace);
      for (const fn of ex.world.spec.functions) expect(lab.world.getFunction(fn.name).ok, fn.name).toBe(true);
    },
  );
});

describe("loading an exercise builds the exercise's resources in the learner's world", () => {
  it('sqs-partial-batch: the table, queues and trigger exist, and Test on the starter reaches the table', async () => {
    useLabStore.setState({ workspace: defaultWorkspace(), running: false, lastResult: null, runError: null });
    store().setPython(READY as never);
    const ex = exercise('sqs-partial-batch');
    await loadExercise(course, ex);

    const lab = learnerLab();
    const table = lab.consoleCall('dynamodb', 'DescribeTable', { TableName: 'Orders' });
    expect(table.kind).toBe('result');
    for (const QueueName of ['orders-queue', 'orders-dlq'])
      expect(lab.consoleCall('sqs', 'GetQueueUrl', { QueueName }).kind, QueueName).toBe('result');
    const mappings = lab.consoleCall('lambda', 'ListEventSourceMappings', { FunctionName: 'process-orders' });
    expect(JSON.stringify(mappings)).toContain('orders-queue');
    expect(store().workspace.activeFunction).toBe('process-orders');
    expect(store().workspace.functions['process-orders']?.files['lambda_function.py']).toBe(
      ex.starter['lambda_function.py'],
    );

    // The first saved event is the check's batch of two good orders: the starter saves both.
    await runTest();
    expect(store().runError).toBeNull();
    expect(store().lastResult?.status, store().lastResult?.responseJson).toBe('Succeeded');
    expect(store().lastResult?.responseJson).not.toContain('ResourceNotFound');
    const scan = lab.consoleCall('dynamodb', 'Scan', { TableName: 'Orders' });
    expect(scan.kind === 'result' && scan.result.Count).toBe(2);
  }, 120_000);

  it('a world that cannot be built changes neither the world nor the code, and says why', async () => {
    const before = learnerLab();
    const workspace = store().workspace;
    const ex = exercise('sqs-partial-batch');
    // A role whose policy the exercise should map to a file, with no such file: the build refuses.
    const roles = ex.world.spec.roles.map((r) => ({ ...r, inlinePolicy: 'workspace' as const }));
    const broken = { ...ex, world: { ...ex.world, spec: { ...ex.world.spec, roles } } };
    await expect(loadExercise(course, broken)).rejects.toThrow(
      /resources of "An SQS batch .*" could not be built \(.*no policy file for role process-orders-role\).*unchanged/,
    );
    expect(learnerLab()).toBe(before);
    expect(store().workspace).toBe(workspace);
    expect(store().running).toBe(false);
  }, 60_000);

  it('waits for a running Test or lesson visual to end before building, instead of refusing', async () => {
    const before = learnerLab();
    // A job of the lab's queue stands in for the running Test (the store's `running` mirrors the queue).
    let endTest: () => void = () => undefined;
    const test = browserLab().jobs.wait(() => new Promise<void>((resolve) => (endTest = resolve)));
    expect(store().running).toBe(true);
    const loading = loadExercise(course, exercise('sqs-partial-batch'));
    await new Promise((r) => setTimeout(r, 300));
    expect(learnerLab()).toBe(before);
    endTest();
    await test;
    await loading;
    expect(learnerLab()).not.toBe(before);
    expect(learnerLab().consoleCall('dynamodb', 'DescribeTable', { TableName: 'Orders' }).kind).toBe(
      'result',
    );
  }, 60_000);

  it('before Python is ready the code loads at once and the world follows when Python is ready', async () => {
    store().setPython({ state: 'booting', phase: 'download', loadedBytes: 0, totalBytes: 0 });
    const before = learnerLab();
    await loadExercise(course, exercise('sns-fanout'));
    expect(Object.keys(store().workspace.functions).sort()).toEqual(['place-order', 'send-receipt']);
    expect(learnerLab()).toBe(before);
    store().setPython(READY as never);
    await vi.waitFor(() => expect(learnerLab()).not.toBe(before), { timeout: 30_000 });
    const topics = learnerLab().consoleCall('sns', 'ListTopics', {});
    expect(JSON.stringify(topics)).toMatch(/arn:aws:sns:[^"]+/);
  }, 60_000);
});
