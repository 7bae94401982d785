import { describe, expect, it } from 'vitest';
import { checkDraft, deployedTriggers, LIVE_ALIAS } from './deploy';
import { deployHarness, FN, sqsTrigger } from './deployFixture';

const QUEUE_ROLE = ['AWSLambdaBasicExecutionRole', 'AWSLambdaSQSQueueExecutionRole'];

describe('deploy: the function, its role and what changed', () => {
  it("creates the function with a role of its own holding the console's default policy", async () => {
    const h = deployHarness();
    const first = await h.deploy();
    expect(first).toMatchObject({ ok: true, steps: ['role', 'created'] });
    const fn = h.lab.world.getFunction(FN);
    expect(fn.ok && fn.value.role).toBe(`arn:aws:iam::123456789012:role/${FN}-role`);
    const role = h.lab.services.iam.roles.get(`${FN}-role`);
    expect([...(role?.attached ?? [])]).toEqual([
      'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
    ]);
  });

  it('changes nothing for an unchanged draft (warm environments stay), and starts cold after a change', async () => {
    const h = deployHarness();
    await h.deploy();
    const invoke = () => h.runner.invoke({ functionName: FN, payloadJson: '{}' });
    expect((await invoke()).response?.initDurationMs).not.toBeNull();
    expect(await h.deploy()).toMatchObject({ ok: true, steps: [] });
    expect((await invoke()).response?.initDurationMs).toBeNull();
    h.edit((d) => ({ ...d, memorySize: 256 }));
    expect(await h.deploy()).toMatchObject({ ok: true, steps: ['configuration'] });
    expect((await invoke()).response?.initDurationMs).not.toBeNull();
  });

  it('refuses a reserved environment variable where it was typed, before touching the world', async () => {
    const h = deployHarness();
    await h.deploy();
    const before = h.snapshot();
    h.edit((d) => ({ ...d, memorySize: 512, environment: { STAGE: 'dev', AWS_REGION: 'eu-west-1' } }));
    const outcome = await h.deploy();
    expect(outcome).toMatchObject({ ok: false, field: 'env:AWS_REGION' });
    expect(!outcome.ok && outcome.message).toMatch(/reserved keys .*AWS_REGION/);
    expect(h.snapshot()).toEqual(before);
  });

  it('gives each invalid field its own message as the learner types', () => {
    const h = deployHarness();
    h.edit((d) => ({
      ...d,
      memorySize: 100,
      timeout: 901,
      ephemeralStorage: 20_000,
      environment: { _HANDLER: 'x', AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1', OK_NAME: 'y', '9lives': 'z' },
      role: { ...d.role, inlinePolicy: '{"Version": "2012-10-17", "Statement": [' },
    }));
    const errors = checkDraft(FN, h.workspace);
    expect(errors.memorySize).toMatch(/Value '100' at 'memorySize'.*greater than or equal to 128/);
    expect(errors.timeout).toMatch(/less than or equal to 900/);
    expect(errors.ephemeralStorage).toMatch(/less than or equal to 10240/);
    // AWS checks the key pattern first, so _HANDLER is refused for its leading underscore.
    expect(errors['env:_HANDLER']).toMatch(/Value '\{_HANDLER\}' at 'environment.variables'/);
    expect(errors['env:AWS_LAMBDA_FUNCTION_MEMORY_SIZE']).toMatch(
      /reserved keys .*AWS_LAMBDA_FUNCTION_MEMORY_SIZE/,
    );
    expect(errors['env:9lives']).toMatch(/regular expression pattern/);
    expect(errors['env:OK_NAME']).toBeUndefined();
    expect(errors['role.inline']).toMatch(/^MalformedPolicyDocument/);
  });

  it("refuses a queue trigger whose role cannot read the queue, with Lambda's message, in the rehearsal", async () => {
    const h = deployHarness();
    h.edit((d) => ({ ...d, triggers: [sqsTrigger('jobs')] }));
    expect(checkDraft(FN, h.workspace)).toEqual({
      'trigger:sqs-jobs': expect.stringMatching(
        /execution role does not have permissions to call ReceiveMessage on SQS/,
      ),
    });
    const outcome = await h.deploy();
    expect(outcome).toMatchObject({ ok: false, field: 'trigger:sqs-jobs' });
    expect(h.lab.world.getFunction(FN).ok).toBe(false);
  });
});

describe('deploy is all or nothing', () => {
  it('undoes configuration, role, triggers and created resources when a late step is refused', async () => {
    const h = deployHarness();
    await h.deploy();
    const before = h.snapshot();
    h.edit((d) => ({
      ...d,
      memorySize: 1024,
      environment: { STAGE: 'prod' },
      role: {
        ...d.role,
        managedPolicies: QUEUE_ROLE,
        inlinePolicy:
          '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}',
      },
      reservedConcurrency: 5,
      triggers: [
        sqsTrigger('orders'),
        {
          kind: 's3',
          id: 'uploads',
          bucket: 'lab-uploads',
          events: ['s3:ObjectCreated:*'],
          prefix: '',
          suffix: '.png',
        },
      ],
      // The rehearsal stubs the destination function; the learner's world has none, so this step is refused last.
      destinations: { ...d.destinations, onFailure: { kind: 'lambda', name: 'missing-handler' } },
    }));
    const outcome = await h.deploy();
    expect(outcome).toMatchObject({ ok: false, field: 'destinations.onFailure' });
    expect(!outcome.ok && outcome.message).toMatch(/Function not found/);
    expect(h.snapshot()).toEqual(before);
    expect(deployedTriggers(h.lab, FN)).toEqual([]);
  });

  it('undoes everything when the account has no room for the reserved concurrency', async () => {
    const h = deployHarness();
    await h.deploy();
    h.lab.world.setAccountConcurrency(150);
    const before = h.snapshot();
    h.edit((d) => ({ ...d, timeout: 30, reservedConcurrency: 80 }));
    const outcome = await h.deploy();
    expect(outcome).toMatchObject({ ok: false, field: 'reservedConcurrency' });
    expect(!outcome.ok && outcome.message).toMatch(
      /UnreservedConcurrentExecution below its minimum value of \[100\]/,
    );
    expect(h.snapshot()).toEqual(before);
  });
});

describe('deploy: concurrency, layers and VPC', () => {
  it('provisions concurrency on the alias live, on a published version', async () => {
    const h = deployHarness();
    h.edit((d) => ({ ...d, provisionedConcurrency: 2, reservedConcurrency: 10 }));
    expect(await h.deploy()).toMatchObject({ ok: true });
    await h.runner.runUntilIdle();
    const alias = h.lab.world.getFunction(FN, LIVE_ALIAS);
    expect(alias.ok && alias.value.version).toBe('1');
    expect(h.lab.world.getProvisionedConcurrencyConfig(FN, LIVE_ALIAS)).toMatchObject({
      requested: 2,
      status: 'READY',
    });
    const { response } = await h.runner.invoke({
      functionName: FN,
      qualifier: LIVE_ALIAS,
      payloadJson: '{}',
    });
    expect(response?.initDurationMs).toBeNull();
    h.edit((d) => ({ ...d, provisionedConcurrency: 0 }));
    await h.deploy();
    expect(h.lab.world.getProvisionedConcurrencyConfig(FN, LIVE_ALIAS)).toBeNull();
  });

  it('publishes a layer version from the workspace files, and a new one only when they change', async () => {
    const h = deployHarness();
    h.workspace = {
      ...h.workspace,
      layers: { utils: { files: { 'python/utils.py': 'A = 1\n' }, compatibleRuntimes: [] } },
    };
    h.edit((d) => ({ ...d, layers: ['utils'] }));
    await h.deploy();
    const arns = () => {
      const fn = h.lab.world.getFunction(FN);
      return fn.ok ? fn.value.layers.map((l) => l.layerVersionArn) : [];
    };
    expect(arns()).toEqual(['arn:aws:lambda:us-east-1:123456789012:layer:utils:1']);
    expect(await h.deploy()).toMatchObject({ steps: [] });
    h.workspace = {
      ...h.workspace,
      layers: { utils: { files: { 'python/utils.py': 'A = 2\n' }, compatibleRuntimes: [] } },
    };
    expect(await h.deploy()).toMatchObject({ ok: true, steps: ['layers', 'configuration'] });
    expect(arns()).toEqual(['arn:aws:lambda:us-east-1:123456789012:layer:utils:2']);
  });

  it('refuses more than five layers with the simulator message, beside the layer list', () => {
    const h = deployHarness();
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    h.workspace = {
      ...h.workspace,
      layers: Object.fromEntries(names.map((n) => [n, { files: {}, compatibleRuntimes: [] }])),
    };
    h.edit((d) => ({ ...d, layers: names }));
    expect(checkDraft(FN, h.workspace).layers).toMatch(/cannot reference more than 5 layers/);
  });

  it('attaches a VPC only when the role may create network interfaces', async () => {
    const h = deployHarness();
    h.edit((d) => ({
      ...d,
      vpc: { enabled: true, subnetIds: ['subnet-0a1b2c3d'], securityGroupIds: ['sg-0lab1234'] },
    }));
    expect(await h.deploy()).toMatchObject({
      ok: false,
      field: 'vpc',
      message: expect.stringMatching(/CreateNetworkInterface on EC2/),
    });
    h.edit((d) => ({ ...d, role: { ...d.role, managedPolicies: ['AWSLambdaVPCAccessExecutionRole'] } }));
    expect(await h.deploy()).toMatchObject({ ok: true });
    const fn = h.lab.world.getFunction(FN);
    expect(fn.ok && fn.value.vpc).toEqual({
      subnetIds: ['subnet-0a1b2c3d'],
      securityGroupIds: ['sg-0lab1234'],
    });
  });
});
