import { describe, expect, it } from 'vitest';
import { createFakeRuntime } from '../sim/fakeRuntime';
import { createLabRunner } from './labRunner';
import { createLabWorld, LAB_ROLE_ARN, type LabWorld } from './labWorld';
import { createLabRouter } from './router';

const world = (seed: number) =>
  createLabWorld({ seed, startTimeMs: Date.UTC(2026, 10, 26), access: 'admin' });

/** A world with one function and a live environment for it; returns that environment's id. */
async function withEnv(lab: LabWorld): Promise<string> {
  const runner = createLabRunner(lab.world, createFakeRuntime());
  await runner.command((w) =>
    w.createFunction({
      functionName: 'worker',
      role: LAB_ROLE_ARN,
      runtime: 'python3.13',
      handler: 'lambda_function.lambda_handler',
      code: { files: { 'lambda_function.py': 'def lambda_handler(e, c):\n    return 1\n' } },
    }),
  );
  await runner.invoke({ functionName: 'worker', payloadJson: '{}' });
  const env = lab.world.envs()[0];
  if (!env) throw new Error('no environment');
  return env.envId;
}

const createBucket = (bucket: string, envId?: string) =>
  JSON.stringify({
    v: 1,
    service: 's3',
    operation: 'CreateBucket',
    params: { Bucket: bucket },
    caller: envId ? { functionName: 'worker', functionVersion: '$LATEST', requestId: null, envId } : null,
    nowMs: null,
  });

const buckets = (lab: LabWorld) => {
  const r = lab.consoleCall('s3', 'ListBuckets', {});
  if (r.kind !== 'result') throw new Error(JSON.stringify(r));
  return (r.result.Buckets as { Name: string }[]).map((b) => b.Name);
};
const kind = async (answer: string | Promise<string>) => (JSON.parse(await answer) as { kind: string }).kind;

describe('the boto3 router', () => {
  it("answers each call in the calling environment's world, whichever world came last", async () => {
    const router = createLabRouter();
    const home = world(1);
    const scratch = world(2);
    router.setHome(home);
    router.register(scratch);
    const homeEnv = await withEnv(home);
    const scratchEnv = await withEnv(scratch);
    expect(await kind(router.awsCall(createBucket('from-home', homeEnv)))).toBe('result');
    expect(await kind(router.awsCall(createBucket('from-scratch', scratchEnv)))).toBe('result');
    expect(buckets(home)).toEqual(['from-home']);
    expect(buckets(scratch)).toEqual(['from-scratch']);
  });

  it('sends a call no environment made to the learner’s world', async () => {
    const router = createLabRouter();
    const home = world(3);
    router.register(world(4));
    router.setHome(home);
    expect(await kind(router.awsCall(createBucket('snippet')))).toBe('result');
    expect(buckets(home)).toEqual(['snippet']);
  });

  it('refuses a call from a released world instead of answering it in another', async () => {
    const router = createLabRouter();
    const home = world(5);
    const scratch = world(6);
    router.setHome(home);
    const release = router.register(scratch);
    const scratchEnv = await withEnv(scratch);
    expect(await kind(router.awsCall(createBucket('during', scratchEnv)))).toBe('result');
    release();
    const answer = JSON.parse(await router.awsCall(createBucket('after', scratchEnv)));
    expect(answer.error.code).toBe('LabWorldClosed');
    expect(buckets(home)).toEqual([]);
    expect(buckets(scratch)).toEqual(['during']);
  });

  it('releases the previous learner’s world when a new one replaces it', async () => {
    const router = createLabRouter();
    const first = world(7);
    router.setHome(first);
    const firstEnv = await withEnv(first);
    router.setHome(world(8));
    const answer = JSON.parse(await router.awsCall(createBucket('late', firstEnv)));
    expect(answer.error.code).toBe('LabWorldClosed');
  });

  it('answers nothing before a world exists', async () => {
    const answer = JSON.parse(await createLabRouter().awsCall(createBucket('early')));
    expect(answer.error.code).toBe('LabNotReady');
  });
});
