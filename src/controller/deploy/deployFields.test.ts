/** The draft-to-config mapping and its reading back from the world agree, so an unchanged draft changes nothing. */
import { describe, expect, it } from 'vitest';
import { createTestWorld } from '../../sim/testWorld';
import { type FunctionDraft, newFunctionDraft } from '../../store/workspaceDoc';
import { configPatchOf, configPatchOfWorld, draftErrors } from './deployFields';

const ROLE = 'arn:aws:iam::123456789012:role/f-role';

function roundTrip(draft: FunctionDraft) {
  const patch = configPatchOf(draft, ROLE, []);
  const t = createTestWorld().createFunction({ functionName: 'f', code: { files: draft.files }, ...patch });
  const fn = t.world.getFunction('f');
  if (!fn.ok) throw new Error(fn.error.message);
  return { patch, back: configPatchOfWorld(fn.value) };
}

describe('draft configuration', () => {
  it('reads back from the world exactly as the draft wrote it', () => {
    const draft: FunctionDraft = {
      ...newFunctionDraft(),
      memorySize: 512,
      timeout: 30,
      ephemeralStorage: 1024,
      environment: { STAGE: 'dev' },
      architecture: 'arm64',
    };
    const { patch, back } = roundTrip(draft);
    expect(patch).toMatchObject({ memorySize: 512, timeout: 30, architectures: ['arm64'] });
    expect(back).toEqual(patch);
  });

  it('maps a VPC the draft enables, and none when it is off', () => {
    const vpc = { enabled: true, subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] };
    const on = roundTrip({ ...newFunctionDraft(), vpc });
    expect(on.back).toEqual(on.patch);
    expect(on.patch.vpcConfig).toEqual({ subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] });
    const off = roundTrip({ ...newFunctionDraft(), vpc: { ...vpc, enabled: false } });
    expect(off.back).toEqual(off.patch);
    expect(off.patch.vpcConfig).toEqual({ subnetIds: [], securityGroupIds: [] });
  });

  it('maps SnapStart, and says beside the box when the runtime or /tmp size cannot have it', () => {
    const on = roundTrip({ ...newFunctionDraft(), runtime: 'python3.12', snapStart: true });
    expect(on.patch.snapStart).toEqual({ applyOn: 'PublishedVersions' });
    expect(on.back).toEqual(on.patch);
    expect(roundTrip(newFunctionDraft()).patch.snapStart).toEqual({ applyOn: 'None' });
    const errors = (d: Partial<FunctionDraft>) =>
      draftErrors('f', { ...newFunctionDraft(), snapStart: true, ...d }, { layers: {} }).snapStart;
    expect(errors({ runtime: 'python3.12' })).toBeUndefined();
    expect(errors({ ephemeralStorage: 1024 })).toBe(
      'InvalidParameterValueException: SnapStart is not supported for functions with EphemeralStorage.Size greater than 512 MB.',
    );
    expect(errors({ ephemeralStorage: 1024, snapStart: false })).toBeUndefined();
  });
});
