/**
 * Deploy: brings the world's function in line with the learner's draft, as the console's Deploy does.
 * Code and configuration are compared with what the world runs; only what differs is updated, so an
 * unchanged function keeps its warm environments and a changed one gets new ones (a cold start).
 */
import type { FunctionConfigPatch, FunctionConfiguration, Result, World } from '../sim';
import type { FunctionDraft } from '../store/workspaceDoc';
import { LAB_ROLE_ARN } from './labWorld';

export type DeployStep = 'created' | 'code' | 'configuration' | 'unchanged';

const sameRecord = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

export function configPatch(draft: FunctionDraft): FunctionConfigPatch {
  return {
    runtime: draft.runtime,
    handler: draft.handler,
    memorySize: draft.memorySize,
    timeout: draft.timeout,
    ephemeralStorage: { size: draft.ephemeralStorage },
    environment: { variables: draft.environment },
    architectures: [draft.architecture],
  };
}

function configDiffers(current: FunctionConfiguration, draft: FunctionDraft): boolean {
  return (
    current.runtime !== draft.runtime ||
    current.handler !== draft.handler ||
    current.memorySize !== draft.memorySize ||
    current.timeout !== draft.timeout ||
    current.ephemeralStorageMb !== draft.ephemeralStorage ||
    current.architecture !== draft.architecture ||
    !sameRecord(current.environment, draft.environment)
  );
}

/** The world commands that deploy `draft` as `name`, in order; each is all-or-nothing. */
export function deployCommands(
  world: World,
  name: string,
  draft: FunctionDraft,
): { step: DeployStep; run: (w: World) => Result<unknown> }[] {
  const current = world.getFunction(name);
  if (!current.ok) {
    return [
      {
        step: 'created',
        run: (w) =>
          w.createFunction({
            functionName: name,
            role: LAB_ROLE_ARN,
            code: { files: draft.files },
            ...configPatch(draft),
          }),
      },
    ];
  }
  const steps: { step: DeployStep; run: (w: World) => Result<unknown> }[] = [];
  // Configuration first: an invalid setting is refused before the code changes, so nothing is half-applied.
  if (configDiffers(current.value, draft)) {
    steps.push({
      step: 'configuration',
      run: (w) => w.updateFunctionConfiguration(name, configPatch(draft)),
    });
  }
  if (!sameRecord(current.value.code, draft.files)) {
    steps.push({ step: 'code', run: (w) => w.updateFunctionCode(name, { files: draft.files }) });
  }
  return steps;
}
