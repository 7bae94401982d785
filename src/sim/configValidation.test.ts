import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CreateFunctionInput, FunctionConfigPatch } from './functionTypes';
import { createTestWorld, DEFAULT_ROLE, HELLO_CODE } from './testWorld';
import type { World } from './world';

const base: CreateFunctionInput = {
  functionName: 'orders',
  role: DEFAULT_ROLE,
  runtime: 'python3.12',
  handler: 'lambda_function.lambda_handler',
  code: { files: HELLO_CODE },
};

/** Everything observable about a world, to prove a refused command changed nothing. */
function snapshot(w: World): string {
  return JSON.stringify({
    fn: w.getFunction('orders'),
    trace: w.trace.events.length,
    envs: w.envs(),
    concurrency: w.concurrency(),
    now: w.now(),
  });
}

const badCreates: [string, Partial<CreateFunctionInput>, string, string][] = [
  [
    'name too long',
    { functionName: 'x'.repeat(65) },
    'ValidationException',
    "at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 64",
  ],
  [
    'name with a space',
    { functionName: 'my fn' },
    'ValidationException',
    "Value 'my fn' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern",
  ],
  [
    'unknown runtime',
    { runtime: 'python3.99' },
    'ValidationException',
    "Value 'python3.99' at 'runtime' failed to satisfy constraint: Member must satisfy enum value set",
  ],
  [
    'deprecated runtime',
    { runtime: 'python3.8' },
    'InvalidParameterValueException',
    'The runtime parameter of python3.8 is no longer supported',
  ],
  [
    'memory too low',
    { memorySize: 100 },
    'ValidationException',
    "Value '100' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128",
  ],
  [
    'memory too high',
    { memorySize: 10_241 },
    'ValidationException',
    "at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240",
  ],
  [
    'fractional memory',
    { memorySize: 128.5 },
    'InvalidParameterValueException',
    'MemorySize must be a whole number',
  ],
  [
    'timeout zero',
    { timeout: 0 },
    'ValidationException',
    "Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1",
  ],
  [
    'timeout above 900',
    { timeout: 901 },
    'ValidationException',
    "at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900",
  ],
  [
    'ephemeral too small',
    { ephemeralStorage: { size: 256 } },
    'ValidationException',
    "at 'ephemeralStorage.size'",
  ],
  [
    'ephemeral too large',
    { ephemeralStorage: { size: 20_000 } },
    'ValidationException',
    "at 'ephemeralStorage.size'",
  ],
  ['bad role', { role: 'admin' }, 'ValidationException', "Value 'admin' at 'role'"],
  ['handler with spaces', { handler: 'my handler' }, 'ValidationException', "at 'handler'"],
  [
    'two architectures',
    { architectures: ['x86_64', 'arm64'] },
    'ValidationException',
    "at 'architectures' failed to satisfy constraint: Member must have length less than or equal to 1",
  ],
  [
    'unknown architecture',
    { architectures: ['riscv'] },
    'ValidationException',
    "Value 'riscv' at 'architectures.1.member'",
  ],
  [
    'bad env key',
    { environment: { variables: { '1abc': 'x' } } },
    'ValidationException',
    "at 'environment.variables' failed to satisfy constraint: Map keys must satisfy constraint",
  ],
  [
    'reserved env key',
    { environment: { variables: { AWS_REGION: 'eu-west-1' } } },
    'InvalidParameterValueException',
    'Reserved keys used in this request: AWS_REGION',
  ],
  [
    'env over 4 KB',
    { environment: { variables: { BIG: 'x'.repeat(4100) } } },
    'InvalidParameterValueException',
    'exceeded the 4KB limit. String measured: {"BIG":',
  ],
  [
    'six layers',
    { layers: [1, 2, 3, 4, 5, 6].map((i) => `arn:aws:lambda:us-east-1:123456789012:layer:l${i}:1`) },
    'InvalidParameterValueException',
    'Layers: cannot reference more than 5 layers',
  ],
  [
    'missing layer',
    { layers: ['arn:aws:lambda:us-east-1:123456789012:layer:nope:1'] },
    'InvalidParameterValueException',
    'Layer version arn:aws:lambda:us-east-1:123456789012:layer:nope:1 does not exist.',
  ],
  [
    'bad layer arn',
    { layers: ['layer-one'] },
    'ValidationException',
    "Value 'layer-one' at 'layers.1.member'",
  ],
  [
    'zip too big',
    { code: { files: HELLO_CODE, zipSizeBytes: 60 * 1024 * 1024 } },
    'RequestEntityTooLargeException',
    'Request must be smaller than 70167211 bytes for the CreateFunction operation',
  ],
  [
    'unzipped too big',
    { code: { files: HELLO_CODE, unzippedSizeBytes: 300_000_000 } },
    'InvalidParameterValueException',
    'Unzipped size must be smaller than 262144000 bytes',
  ],
  [
    'zip without runtime',
    { runtime: undefined },
    'InvalidParameterValueException',
    'Runtime and Handler are mandatory parameters',
  ],
  [
    'image with handler',
    { packageType: 'Image', runtime: undefined, code: { imageUri: 'repo/img:1' } },
    'InvalidParameterValueException',
    'Runtime and Handler are not supported for functions created with the Image package type',
  ],
  [
    'image too big',
    {
      packageType: 'Image',
      runtime: undefined,
      handler: undefined,
      code: { imageUri: 'r/i:1', imageSizeBytes: 11 * 1024 ** 3 },
    },
    'InvalidParameterValueException',
    'Code.ImageUri: image size must be smaller than',
  ],
  [
    'too many subnets',
    { vpcConfig: { subnetIds: Array.from({ length: 17 }, (_, i) => `subnet-${i}`), securityGroupIds: [] } },
    'ValidationException',
    "at 'vpcConfig.subnetIds'",
  ],
  [
    'bad security group',
    { vpcConfig: { subnetIds: ['subnet-1'], securityGroupIds: ['group'] } },
    'ValidationException',
    "Value 'group' at 'vpcConfig.securityGroupIds.1.member'",
  ],
  [
    'bad DLQ arn',
    { deadLetterConfig: { targetArn: 'arn:aws:s3:::bucket' } },
    'ValidationException',
    "at 'deadLetterConfig.targetArn'",
  ],
  [
    'SnapStart on node',
    { runtime: 'nodejs22.x', handler: 'index.handler', snapStart: { applyOn: 'PublishedVersions' } },
    'InvalidParameterValueException',
    'nodejs22.x is not supported for SnapStart enabled functions.',
  ],
  [
    'SnapStart with big /tmp',
    { snapStart: { applyOn: 'PublishedVersions' }, ephemeralStorage: { size: 1024 } },
    'InvalidParameterValueException',
    'EphemeralStorage.Size greater than 512 MB',
  ],
  [
    'bad log format',
    { loggingConfig: { logFormat: 'XML' } },
    'ValidationException',
    "Value 'XML' at 'loggingConfig.logFormat'",
  ],
];

describe('CreateFunction refuses invalid configurations with the AWS error, naming the field and why', () => {
  it.each(badCreates)('%s', (_label, patch, name, message) => {
    const t = createTestWorld();
    const before = snapshot(t.world);
    t.do((w) => w.createFunction({ ...base, ...patch } as CreateFunctionInput)).expectError(name, message);
    expect(snapshot(t.world)).toBe(before);
  });

  it('collects several constraint violations into one ValidationException', () => {
    createTestWorld()
      .do((w) => w.createFunction({ ...base, memorySize: 64, timeout: 0 }))
      .expectError('ValidationException', '2 validation errors detected: ');
  });

  it('refuses a duplicate name with ResourceConflictException', () => {
    createTestWorld()
      .do((w) => w.createFunction(base))
      .do((w) => w.createFunction(base))
      .expectError('ResourceConflictException', 'Function already exist: orders');
  });

  it('accepts every non-Python runtime as a cold-start profile, and an image package', () => {
    const t = createTestWorld();
    for (const runtime of ['nodejs22.x', 'java21', 'dotnet8', 'ruby3.4', 'provided.al2023']) {
      t.do((w) => w.createFunction({ ...base, functionName: runtime.replace('.', '-'), runtime })).expectOk();
    }
    t.do((w) =>
      w.createFunction({
        functionName: 'img',
        role: DEFAULT_ROLE,
        packageType: 'Image',
        code: { imageUri: 'r/i:1' },
      }),
    ).expectOk();
  });
});

describe('a failed update changes nothing', () => {
  const badPatches: [string, FunctionConfigPatch, string][] = [
    ['memory', { memorySize: 1 }, 'memorySize'],
    ['timeout', { timeout: 1000 }, 'timeout'],
    ['reserved key', { environment: { variables: { _HANDLER: 'x' } } }, '_HANDLER'],
    ['layers', { layers: ['arn:aws:lambda:us-east-1:123456789012:layer:ghost:3'] }, 'ghost'],
  ];

  it.each(badPatches)('%s', (_label, patch, field) => {
    const t = createTestWorld()
      .do((w) => w.createFunction(base))
      .invoke({ functionName: 'orders' })
      .advanceBy(1000);
    const before = snapshot(t.world);
    t.do((w) => w.updateFunctionConfiguration('orders', { memorySize: 512, ...patch }));
    expect(t.lastResult?.ok).toBe(false);
    expect(t.lastResult?.ok === false && t.lastResult.error.message).toContain(field);
    expect(snapshot(t.world)).toBe(before);
  });

  it('holds for any random patch that is refused', () => {
    const patch = fc.record(
      {
        memorySize: fc.integer({ min: -10, max: 20_000 }),
        timeout: fc.integer({ min: -5, max: 2000 }),
        ephemeralStorage: fc.record({ size: fc.integer({ min: 0, max: 20_000 }) }),
        handler: fc.constantFrom('a.b', 'bad handler', ''),
        runtime: fc.constantFrom('python3.12', 'python2.7', 'cobol'),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(patch, (p) => {
        const t = createTestWorld().do((w) => w.createFunction(base));
        const before = snapshot(t.world);
        const r = t.world.updateFunctionConfiguration('orders', p);
        if (!r.ok) expect(snapshot(t.world)).toBe(before);
        else expect(t.world.getFunction('orders')).toMatchObject({ ok: true, value: { revision: 2 } });
      }),
      { numRuns: 200 },
    );
  });
});

describe('layers, versions and aliases', () => {
  it('layers are versioned, immutable and ordered on the function', () => {
    const t = createTestWorld();
    const v1 = t.world.publishLayerVersion({ layerName: 'utils', files: { 'python/u.py': 'A = 1' } });
    const v2 = t.world.publishLayerVersion({ layerName: 'utils', files: { 'python/u.py': 'A = 2' } });
    const other = t.world.publishLayerVersion({ layerName: 'deps', files: {} });
    if (!v1.ok || !v2.ok || !other.ok) throw new Error('publish failed');
    expect(v2.value.layerVersionArn).toBe('arn:aws:lambda:us-east-1:123456789012:layer:utils:2');
    expect(Object.isFrozen(v1.value) && Object.isFrozen(v1.value.files)).toBe(true);
    const r = t.world.createFunction({
      ...base,
      layers: [other.value.layerVersionArn, v1.value.layerVersionArn],
    });
    expect(r.ok && r.value.layers.map((l) => l.layerVersionArn)).toEqual([
      other.value.layerVersionArn,
      v1.value.layerVersionArn,
    ]);
    expect(r.ok && r.value.layers[1]?.files['python/u.py']).toBe('A = 1');
    t.do((w) =>
      w.updateFunctionConfiguration('orders', {
        layers: [v1.value.layerVersionArn, v2.value.layerVersionArn],
      }),
    ).expectError('InvalidParameterValueException', 'Two different versions of the same layer');
  });

  it('aliases point at existing versions only, and versions in use by an alias cannot be deleted', () => {
    createTestWorld()
      .do((w) => w.createFunction(base))
      .do((w) => w.createAlias('orders', 'prod', '7'))
      .expectError(
        'ResourceNotFoundException',
        'Function not found: arn:aws:lambda:us-east-1:123456789012:function:orders:7',
      )
      .do((w) => w.publishVersion('orders'))
      .do((w) => w.createAlias('orders', '123', '1'))
      .expectError('ValidationException', "Value '123' at 'name'")
      .do((w) => w.createAlias('orders', 'prod', '1'))
      .expectOk()
      .do((w) => w.createAlias('orders', 'prod', '1'))
      .expectError('ResourceConflictException', 'Alias already exists')
      .do((w) => w.deleteFunction('orders', '1'))
      .expectError('ResourceConflictException', 'aliases reference it: [prod]')
      .do((w) => w.deleteFunction('orders', '$LATEST'))
      .expectError('InvalidParameterValueException', '$LATEST version cannot be deleted');
  });

  it('a weighted alias sends its share of requests to the additional version (canary)', () => {
    const t = createTestWorld()
      .do((w) => w.createFunction(base))
      .do((w) => w.publishVersion('orders'))
      .do((w) => w.updateFunctionConfiguration('orders', { memorySize: 256 }))
      .do((w) => w.publishVersion('orders'))
      .do((w) => w.createAlias('orders', 'live', '1', { additionalVersionWeights: { '1': 0.5 } }))
      .expectError('InvalidParameterValueException', "already the alias's primary version")
      .do((w) => w.createAlias('orders', 'live', '1', { additionalVersionWeights: { '2': 1.5 } }))
      .expectError('ValidationException', "at 'routingConfig.additionalVersionWeights'")
      .do((w) => w.createAlias('orders', 'live', '1', { additionalVersionWeights: { '2': 0.25 } }))
      .expectOk();
    const versions: string[] = [];
    for (let i = 0; i < 400; i++) {
      t.invoke({ functionName: 'orders', qualifier: 'live' }).advanceBy(1000);
      versions.push(t.response().executedVersion);
    }
    const canary = versions.filter((v) => v === '2').length;
    expect(versions.length).toBe(400);
    expect(canary).toBeGreaterThan(60);
    expect(canary).toBeLessThan(140);
  });

  it('a deleted function is gone and its environments leave', () => {
    createTestWorld()
      .do((w) => w.createFunction(base))
      .invoke({ functionName: 'orders' })
      .advanceBy(1000)
      .do((w) => w.deleteFunction('orders'))
      .expectOk()
      .expectEnvCount(0)
      .invoke({ functionName: 'orders' })
      .expectError('ResourceNotFoundException');
  });
});
