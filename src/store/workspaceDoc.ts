/**
 * The saved workspace: what a learner built (functions, their files, configuration and test events).
 * Validated with zod on every load and import, with migrations from older versions, so a save from an
 * older lab or a hand-edited file is either understood or set aside, never half-applied (zod/mini: see
 * draftSchema.ts).
 */
import { z } from 'zod/mini';
import {
  defaultSettings,
  type FunctionDraft,
  functionDraftSchema,
  type LayerDraft,
  layerDraftSchema,
  nonEmpty,
} from './draftSchema';
import { type DocFormat, parseVersioned } from './versionedDoc';

export type { DestinationRef, FunctionDraft, LayerDraft, TriggerKind, TriggerSpec } from './draftSchema';
export { functionDraftSchema } from './draftSchema';

export const WORKSPACE_VERSION = 3;

export const workspaceSchema = z.strictObject({
  version: z.literal(WORKSPACE_VERSION),
  functions: z.record(nonEmpty, functionDraftSchema),
  activeFunction: z.string(),
  /** Layers the learner builds from files; Deploy publishes a new version when their files change. */
  layers: z.record(nonEmpty, layerDraftSchema),
});
export type WorkspaceDoc = z.infer<typeof workspaceSchema>;

export const DEFAULT_FUNCTION_NAME = 'hello-lambda';

export const DEFAULT_HANDLER_CODE = `import json


def lambda_handler(event, context):
    # Anything printed here appears under "Function Logs".
    name = event.get("name", "world")
    print(f"Saying hello to {name}")
    return {
        "statusCode": 200,
        "body": json.dumps(f"Hello, {name}! Greetings from Lambda Lab."),
    }
`;

export const DEFAULT_EVENT_JSON = `{
  "name": "student"
}
`;

export function newFunctionDraft(code = DEFAULT_HANDLER_CODE): FunctionDraft {
  return {
    files: { 'lambda_function.py': code },
    handler: 'lambda_function.lambda_handler',
    runtime: 'python3.13',
    memorySize: 128,
    timeout: 3,
    ephemeralStorage: 512,
    architecture: 'x86_64',
    environment: {},
    events: { testEvent: DEFAULT_EVENT_JSON },
    activeEvent: 'testEvent',
    activeFile: 'lambda_function.py',
    ...defaultSettings(),
  };
}

export function newLayerDraft(files: Record<string, string> = {}): LayerDraft {
  return { files, compatibleRuntimes: [] };
}

export function defaultWorkspace(): WorkspaceDoc {
  return {
    version: WORKSPACE_VERSION,
    functions: { [DEFAULT_FUNCTION_NAME]: newFunctionDraft() },
    activeFunction: DEFAULT_FUNCTION_NAME,
    layers: {},
  };
}

/** Version 1 (the first screen) saved a single handler and event. */
const v1Schema = z.object({ code: z.string(), eventJson: z.string(), handler: z.optional(z.string()) });

/** What format 2 granted every function: the migration from it keeps that (visible in the role editor). */
export const ADMIN_POLICY = 'AdministratorAccess';

/** Version 2 (functions with code, basic configuration and events) under the lab's admin role. */
const v2Schema = z.object({ functions: z.record(z.string(), z.record(z.string(), z.unknown())) });

const MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  1: (old) => {
    const v1 = v1Schema.parse(old);
    // The settings of format 3 ride along; migration 2 sets them as format 2 saves get them.
    const draft = newFunctionDraft(v1.code);
    return {
      version: 2,
      functions: {
        [DEFAULT_FUNCTION_NAME]: {
          ...draft,
          handler: v1.handler ?? draft.handler,
          events: { testEvent: v1.eventJson },
        },
      },
      activeFunction: DEFAULT_FUNCTION_NAME,
    };
  },
  2: (old) => {
    const v2 = v2Schema.parse(old);
    const functions: Record<string, unknown> = {};
    for (const [name, fn] of Object.entries(v2.functions)) {
      const settings = defaultSettings();
      // Format 2 ran every function under an allow-everything role; keeping it keeps saved code working.
      const role = { ...settings.role, managedPolicies: [...settings.role.managedPolicies, ADMIN_POLICY] };
      functions[name] = { ...fn, ...settings, role };
    }
    return { ...(old as object), version: 3, functions, layers: {} };
  },
};

export type ParsedWorkspace = { ok: true; workspace: WorkspaceDoc } | { ok: false; reason: string };

const WORKSPACE_FORMAT: DocFormat<WorkspaceDoc> = {
  schema: workspaceSchema,
  version: WORKSPACE_VERSION,
  migrations: MIGRATIONS,
  label: null,
  notA: 'it is not a workspace',
};

/** Reads a saved or imported workspace of any known version; explains what is wrong otherwise. */
export function parseWorkspace(data: unknown, fromVersion: number): ParsedWorkspace {
  const parsed = parseVersioned(WORKSPACE_FORMAT, data, fromVersion);
  if (!parsed.ok) return parsed;
  const workspace = parsed.value;
  if (!workspace.functions[workspace.activeFunction]) {
    return {
      ok: false,
      reason: `the active function "${workspace.activeFunction}" is not among its functions`,
    };
  }
  return { ok: true, workspace };
}

export const EXPORT_FORMAT = 'lambda-lab-workspace';

export function exportWorkspace(workspace: WorkspaceDoc): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: workspace.version, workspace }, null, 2)}\n`;
}

export function importWorkspace(text: string): ParsedWorkspace {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      reason: `the file is not JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  const envelope = z
    .object({
      format: z.literal(EXPORT_FORMAT),
      version: z.int().check(z.positive()),
      workspace: z.unknown(),
    })
    .safeParse(data);
  if (!envelope.success) return { ok: false, reason: 'the file is not a Lambda Lab workspace export' };
  return parseWorkspace(envelope.data.workspace, envelope.data.version);
}
