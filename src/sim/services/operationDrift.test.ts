/** The TS services and the operation model agree: same services, same operations, same parameters read. */
import { describe, expect, it } from 'vitest';
import { type DriftWorld, emptyWorld, seededWorld, VARIANTS } from './driftFixture';
import { AWS_MODEL, type OperationModel, parseMembers, type ServiceModel } from './model/operationModel';
import type { Operation } from './operation';
import { readDrift, recordReads, sentMembers } from './paramRecorder';

const registered = emptyWorld().lab.services.modules;

/** Every world an operation runs in: empty (for Create calls), then seeded with each resource kind. */
const worlds = (): DriftWorld[] => [emptyWorld(), ...VARIANTS.map((v) => seededWorld(v))];

/** Union of the reads over all members sent, each optional member alone, and each member left out. */
function readsOf(service: ServiceModel, op: OperationModel): Set<string> {
  const members = sentMembers(service, op);
  const selections: ((p: { name: string; required: boolean }) => boolean)[] = [() => true];
  for (const m of members) {
    if (!m.required) selections.push((p) => p.required || p.name === m.name);
    selections.push((p) => p.name !== m.name);
  }
  const reads = new Set<string>();
  for (const send of selections)
    for (const w of worlds()) {
      const impl = w.lab.services.modules.get(service.name)?.operations[op.name];
      if (impl) for (const r of recordReads(w, service.name, impl, members, send)) reads.add(r);
    }
  return reads;
}

describe('the TS services implement exactly the operation model', () => {
  it('registers every service the model lists, and no other', () => {
    expect([...registered.keys()].sort()).toEqual(AWS_MODEL.map((s) => s.name).sort());
  });

  it.each(AWS_MODEL.map((s) => [s.name, s] as const))(
    '%s: implements every operation the model lists, and no other',
    (name, service) => {
      const implemented = Object.keys(registered.get(name)?.operations ?? {}).sort();
      expect(implemented).toEqual(service.operations.map((o) => o.name).sort());
    },
  );

  it.each(AWS_MODEL.map((s) => [s.name, s] as const))(
    '%s: each operation reads the members the model simulates, and no other',
    (_name, service) => {
      const drift = service.operations.flatMap((op) =>
        registered.get(service.name)?.operations[op.name]
          ? readDrift(`${service.name}.${op.name}`, sentMembers(service, op), readsOf(service, op))
          : [],
      );
      expect(drift).toEqual([]);
    },
  );
});

describe('the recorder catches drift both ways', () => {
  const members = parseMembers('fake.Op', 'Name:s! Color:s Size:i~');
  const world = emptyWorld();
  const fake = (read: readonly string[]): Operation => ({
    action: null,
    resource: () => '*',
    run: (p) => Object.fromEntries(read.map((k) => [k, p[k] ?? null])),
  });
  const drift = (read: readonly string[]) =>
    readDrift(
      'fake.Op',
      members,
      recordReads(world, 'fake', fake(read), members, () => true),
    );

  it('agrees when the service reads exactly the simulated members', () => {
    expect(drift(['Name', 'Color'])).toEqual([]);
  });

  it('reports a member the service reads that the model lacks, or marks ignored', () => {
    expect(drift(['Name', 'Color', 'Shape', 'Size'])).toEqual([
      'fake.Op reads Shape, which the model does not declare (boto3 refuses it)',
      'fake.Op reads Size, which the model marks ~ (ignored)',
    ]);
  });

  it('reports a simulated member the service never reads', () => {
    expect(drift(['Name'])).toEqual(['fake.Op never reads Color: simulate it, or mark it ~ in awsModel.ts']);
  });

  it('reports a service that lists its params instead of reading them', () => {
    const spread: Operation = { action: null, resource: () => '*', run: (p) => ({ ...p }) };
    expect(
      readDrift(
        'fake.Op',
        members,
        recordReads(world, 'fake', spread, members, () => true),
      ),
    ).toContain('fake.Op lists its parameters, so the recorder cannot tell which it reads');
  });
});
