/**
 * "Open SAM app" and "Export as SAM app" in the browser. Opening reads and checks the whole template
 * first, then builds the app in a new world (replaceWorld): only when every resource and function is built
 * does the world become the learner's and the workspace become the app (undoable). Export zips the
 * workspace with what the opened app kept beside it (tables' keys, queues' attributes, secrets, ...).
 */
import { replaceWorld } from '../../controller/lab/lab';
import type { SamExtras } from '../../sam/exportTemplate';
import { useLabStore } from '../../store/labStore';
import type { PickedFiles } from './samFiles';

const KEPT_KEY = 'lambda-lab.sam-app.v1';

export interface Opened {
  readonly functions: number;
  readonly warnings: readonly string[];
}

/** What the opened app had beside the workspace, while the workspace still has its functions. */
function keptFor(functions: readonly string[]): Partial<SamExtras> {
  try {
    const kept = JSON.parse(localStorage.getItem(KEPT_KEY) ?? 'null') as
      | (SamExtras & { functions: string[] })
      | null;
    if (kept?.functions.every((f) => functions.includes(f))) return kept;
  } catch {
    // A kept app that cannot be read is simply not used: the export then has what the workspace says.
  }
  return {};
}

export async function openSamApp(picked: PickedFiles): Promise<Opened> {
  const [{ appInput }, { readSamTemplate }, { buildSamApp }] = await Promise.all([
    import('../../sam/appFiles'),
    import('../../sam/readTemplate'),
    import('../../sam/buildApp'),
  ]);
  const input = appInput(picked.files);
  const read = (ids?: Parameters<typeof readSamTemplate>[0]['ids']) => readSamTemplate({ ...input, ids });
  read();
  const built = await replaceWorld((lab, runner) => buildSamApp(lab, runner, read));
  const { app } = built;
  const state = useLabStore.getState();
  state.replaceWorkspace(app.workspace);
  try {
    const functions = Object.keys(app.workspace.functions);
    const { stackName, resources, apis, extras } = app;
    localStorage.setItem(KEPT_KEY, JSON.stringify({ stackName, resources, apis, extras, functions }));
  } catch {
    // Storage full or blocked: the export then has only what the workspace says.
  }
  const warnings = [
    ...app.warnings.map((w) => w.message),
    ...(picked.skipped.length > 0 ? [`Binary files left out: ${picked.skipped.join(', ')}.`] : []),
  ];
  return { functions: Object.keys(app.workspace.functions).length, warnings };
}

export async function exportSamApp(): Promise<void> {
  const [{ exportSamFiles, zipFiles }, { webSocketResourcesOf }, { ensureLab }] = await Promise.all([
    import('../../sam/exportApp'),
    import('../../sam/webSocketApis'),
    import('../../controller/lab/labController'),
  ]);
  const ws = useLabStore.getState().workspace;
  const saved = keptFor(Object.keys(ws.functions));
  // WebSocket APIs live in the world, not the workspace: those made in Resources are exported too.
  const apis = ensureLab()?.lab.services.websocket.apis() ?? [];
  const have = saved.resources ?? [];
  const kept = {
    ...saved,
    resources: [...have, ...webSocketResourcesOf(apis, have, Object.keys(ws.functions))],
  };
  const folder = kept.stackName ?? 'sam-app';
  const zip = zipFiles(exportSamFiles(ws, kept), folder);
  const url = URL.createObjectURL(new Blob([zip as BlobPart], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${folder}.zip`;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * After a reload the workspace is back but the world starts empty: an app opened before gets its
 * resources again, built from the workspace and what the app kept (the export, read back), so tables keep
 * their keys and secrets exist. Secrets get new ARNs in the new world, so the workspace takes them (no undo
 * step: nothing the learner wrote changes). Returns false when the workspace is not an opened app.
 */
export async function rebuildKeptApp(): Promise<boolean> {
  const ws = useLabStore.getState().workspace;
  const kept = keptFor(Object.keys(ws.functions));
  if (!kept.resources) return false;
  const [{ appInput }, { readSamTemplate }, { buildSamApp }, { exportSamFiles }] = await Promise.all([
    import('../../sam/appFiles'),
    import('../../sam/readTemplate'),
    import('../../sam/buildApp'),
    import('../../sam/exportApp'),
  ]);
  const input = appInput(exportSamFiles(ws, kept));
  const stackName = kept.stackName;
  const read = (ids?: Parameters<typeof readSamTemplate>[0]['ids']) =>
    readSamTemplate({ ...input, ids, ...(stackName ? { stackName } : {}) });
  const { app } = await replaceWorld((lab, runner) => buildSamApp(lab, runner, read));
  if (useLabStore.getState().workspace === ws && JSON.stringify(app.workspace) !== JSON.stringify(ws))
    useLabStore.setState({ workspace: app.workspace });
  return true;
}
