/**
 * Every `lab-viz` block of the course runs its scenario (here with the scripted runtime; the app uses real
 * Python) and the trace shows what its caption promises.
 */
import { describe, expect, it } from 'vitest';
import { createLabRouter } from '../../host/router';
import { filesUnder, resolveWorld } from '../../lessons/course';
import { loadLessonsOrThrow } from '../../lessons/loadLessons';
import { createFakeRuntime } from '../../sim';
import { toTimelineModel } from '../../viz/coldStart/toTimelineModel';
import { toFlowModel } from '../../viz/flow/toFlowModel';
import { pushPollFrameAt, toPushPollModel } from '../../viz/pushPoll/toPushPollModel';
import { runLessonScenario, scenarioActions, type VizKind } from './vizLabLessons';

const course = loadLessonsOrThrow();
const blocks = course.lessons.flatMap((lesson) =>
  lesson.rendered.segments.flatMap((s) =>
    s.kind === 'block' && s.block.kind === 'viz' ? [{ lesson, block: s.block }] : [],
  ),
);

async function run(lessonId: string, worldName: string, kind: VizKind) {
  const world = resolveWorld(course, lessonId, worldName)!;
  const deps = { runtime: createFakeRuntime({ invoke: { sleepMs: 200 } }), router: createLabRouter() };
  return runLessonScenario(deps, {
    kind,
    world,
    dirFiles: (dir) => filesUnder(course.files, `${world.baseDir}/${dir}`),
    lessonDir: `lessons/${lessonId}`,
    readFile: (p) => course.files.get(p),
  });
}

describe('lesson visualizer scenarios', () => {
  it('covers every lab-viz block of the course, each naming a world', () => {
    expect(blocks.map((b) => `${b.lesson.id}:${b.block.viz}`)).toEqual([
      '03-execution-environment:lifecycle',
      '06-event-sources:push-poll',
      '06-event-sources:event-flow',
      '04-configuration:concurrency',
      '07-cold-starts:cold-start',
      '10-api-gateway:api-flow',
    ]);
    for (const { block } of blocks) expect(block.world).not.toBeNull();
  });

  it('lifecycle: three requests, one environment, the first cold and the next two warm', async () => {
    const model = toTimelineModel(await run('03-execution-environment', 'lifecycle', 'lifecycle'));
    expect(model.rows).toHaveLength(1);
    const invokes = model.rows[0]!.spans.filter((s) => s.kind === 'invoke');
    expect(invokes.map((s) => s.cold)).toEqual([true, false, false]);
  });

  it('cold start: provisioned environments serve two requests warm; the third goes cold on demand', async () => {
    const model = toTimelineModel(await run('07-cold-starts', 'pc', 'cold-start'));
    const pc = model.rows.filter((r) => r.initType === 'provisioned-concurrency');
    const onDemand = model.rows.filter((r) => r.initType === 'on-demand');
    expect(pc).toHaveLength(2);
    expect(onDemand).toHaveLength(1);
    expect(model.summary.invocations).toBe(6);
    expect(model.summary.coldStarts).toBe(1);
    const cold = onDemand[0]!.spans.filter((s) => s.kind === 'init-modeled' || s.kind === 'init-measured');
    expect(cold.length).toBeGreaterThan(0);
  });

  it('push and poll: S3 and SNS invoke the pushed function; the queue is polled in batches', async () => {
    const events = await run('06-event-sources', 'push-poll', 'push-poll');
    const m = toPushPollModel(events);
    expect(m.push.items.length).toBeGreaterThanOrEqual(3);
    expect(m.poll.messages).toHaveLength(10);
    const end = pushPollFrameAt(m, m.endMs);
    expect(end.poll.deleted).toBe(10);
    expect(end.push.succeeded).toBe(m.push.items.length);
    const flow = toFlowModel(events);
    const kinds = new Set(flow.nodes.map((n) => n.kind));
    for (const k of ['s3', 'sns', 'sqs', 'lambda'] as const) expect(kinds).toContain(k);
  });

  it('concurrency: reserved at 2, each burst of ten runs on two environments and the rest is throttled', async () => {
    const events = await run('04-configuration', 'throttle', 'concurrency');
    const envs = events.filter((e) => e.name === 'lambda.env.created');
    expect(envs).toHaveLength(2);
    expect(events.filter((e) => e.name === 'lambda.invoke.throttled')).toHaveLength(16);
  });

  it('event flow and API flow: the upload reaches resize through S3 and the async queue; both API routes reach greet', async () => {
    const s3 = toFlowModel(await run('06-event-sources', 'async-retries', 'event-flow'));
    expect(s3.nodes.map((n) => n.kind)).toEqual(expect.arrayContaining(['s3', 'asyncQueue', 'lambda']));
    const api = toFlowModel(await run('10-api-gateway', 'stages', 'api-flow'));
    expect(api.nodes.map((n) => n.kind)).toEqual(expect.arrayContaining(['apigateway', 'lambda']));
  });

  it('derives traffic for the kinds no lesson uses yet', () => {
    const spec = resolveWorld(course, '06-event-sources', 'push-poll')!.spec;
    expect(scenarioActions('concurrency', spec).filter((a) => a.do === 'invoke')).toHaveLength(2);
    expect(scenarioActions('event-flow', spec).map((a) => a.do)).toEqual(
      expect.arrayContaining(['s3Put', 'snsPublish', 'sqsSend', 'dynamodbPut', 'advance']),
    );
  });
});
