/**
 * Test support for operationDrift.test.ts: runs one operation with a params object that records every
 * member the service reads, so the test can compare what a service reads with what the model declares.
 */

import type { DriftWorld } from './driftFixture';
import type { Json, JsonObject } from './json';
import type { OperationModel, ParamModel, ServiceModel } from './model/operationModel';
import type { Operation } from './operation';

/** The members a call sends: the model's own, plus `$endpoint` for a service whose client sends it. */
export function sentMembers(service: ServiceModel, op: OperationModel): readonly ParamModel[] {
  const endpoint: ParamModel = { name: '$endpoint', type: 's', required: true, simulated: true };
  return service.endpoint ? [...op.params, endpoint] : op.params;
}

/** Runs `op` in `world` with the members `send` keeps; returns every member name it read (present or not). */
export function recordReads(
  world: DriftWorld,
  service: string,
  op: Operation,
  members: readonly ParamModel[],
  send: (p: ParamModel) => boolean,
): Set<string> {
  const reads = new Set<string>();
  const values = new Map<string, Json>();
  for (const m of members) {
    const v = send(m) ? world.value(service, m.name, m.type) : null;
    if (v !== null) values.set(m.name, v);
  }
  const params = new Proxy({} as JsonObject, {
    get: (_t, key) => {
      if (typeof key !== 'string') return undefined;
      reads.add(key);
      return values.get(key);
    },
    has: (_t, key) => {
      if (typeof key === 'string') reads.add(key);
      return typeof key === 'string' && values.has(key);
    },
    // A service that lists its params (spread, Object.keys) reads all of them: record that as `*`.
    ownKeys: () => {
      reads.add('*');
      return [...values.keys()];
    },
    getOwnPropertyDescriptor: (_t, key) =>
      typeof key === 'string' && values.has(key)
        ? { enumerable: true, configurable: true, writable: false, value: values.get(key) }
        : undefined,
  });
  const call = { nowMs: world.lab.world.now(), caller: null, depth: 0 };
  // A refused call still read what it read before refusing: the other passes reach further.
  const attempt = (step: () => unknown) => {
    try {
      step();
    } catch {}
  };
  // resource() builds the IAM ARN through helpers that accept either naming (StreamName or StreamARN):
  // only its reads of real members count; what the call does is run()'s.
  attempt(() => op.resource(params, call));
  for (const name of reads) if (!members.some((m) => m.name === name)) reads.delete(name);
  attempt(() => op.run(params, call));
  return reads;
}

/** Where an operation's reads and its model disagree, in words; empty when they agree. */
export function readDrift(
  where: string,
  members: readonly ParamModel[],
  reads: ReadonlySet<string>,
): string[] {
  const byName = new Map(members.map((m) => [m.name, m]));
  const out: string[] = [];
  for (const name of reads) {
    const m = byName.get(name);
    if (name === '*') out.push(`${where} lists its parameters, so the recorder cannot tell which it reads`);
    else if (!m) out.push(`${where} reads ${name}, which the model does not declare (boto3 refuses it)`);
    else if (!m.simulated) out.push(`${where} reads ${name}, which the model marks ~ (ignored)`);
  }
  for (const m of members)
    if (m.simulated && !reads.has(m.name))
      out.push(`${where} never reads ${m.name}: simulate it, or mark it ~ in awsModel.ts`);
  return out;
}
