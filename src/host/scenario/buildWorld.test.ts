import { describe, expect, it } from 'vitest';
import { createFakeRuntime } from '../../sim';
import { createLabRunner } from '../labRunner';
import { createLabWorld } from '../labWorld';
import { buildWorld } from './buildWorld';
import { WorldSpec } from './world';

const spec = (fn: Record<string, unknown>) =>
  WorldSpec.parse({
    id: 'w',
    title: 'w',
    roles: [{ name: 'role' }],
    functions: [{ name: 'f', handler: 'app.handler', code: { dir: 'f' }, role: 'role', ...fn }],
  });

async function build(fn: Record<string, unknown>) {
  const lab = createLabWorld({ seed: 3, startTimeMs: Date.UTC(2026, 0, 5), access: 'basic' });
  const runner = createLabRunner(lab.world, createFakeRuntime({}));
  const built = await buildWorld(lab, runner, {
    spec: spec(fn),
    dirFiles: () => ({ 'app.py': 'def handler(event, context):\n    return 1\n' }),
    workspace: { files: {}, config: {} },
    mapping: [],
  });
  const qualifier = built.qualifiers.get('f');
  const { response } = await runner.invoke({ functionName: 'f', qualifier, payloadJson: '{}' });
  const lines = lab.world.logs.events('/aws/lambda/f', response?.logStreamName ?? '').map((e) => e.message);
  return { qualifier, lines };
}

describe('a lesson world with SnapStart', () => {
  it('publishes a version behind alias live, and its first request restores the snapshot', async () => {
    const { qualifier, lines } = await build({ snapStart: true });
    expect(qualifier).toBe('live');
    expect(lines.some((l) => l.startsWith('RESTORE_START'))).toBe(true);
    expect(lines.some((l) => l.startsWith('INIT_START'))).toBe(false);
  });

  it('without it, the first request runs Init on $LATEST', async () => {
    const { qualifier, lines } = await build({});
    expect(qualifier).toBeUndefined();
    expect(lines.some((l) => l.startsWith('INIT_START'))).toBe(true);
  });
});
