/**
 * The files of a SAM app as the browser hands them over: a folder picked with the folder picker
 * (webkitRelativePath), a .zip, or what was dropped on the page (files, a folder, a .zip). Text files
 * only; binaries (compiled wheels, images) are named so the learner knows they were left out.
 */

export interface PickedFiles {
  readonly files: Record<string, string>;
  readonly skipped: string[];
  /** What the learner picked, for messages ("my-app.zip", "the folder my-app"). */
  readonly label: string;
}

const MAX_BYTES = 20 * 1024 * 1024;
const SKIP = /(^|\/)(node_modules|\.git|\.aws-sam|__pycache__|\.venv|venv)\//;

async function textOf(file: Blob): Promise<string | null> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return bytes.subarray(0, 8000).includes(0) ? null : new TextDecoder().decode(bytes);
}

async function fromZip(file: File): Promise<PickedFiles> {
  const { unzipText } = await import('../../sam/exportApp');
  const { files, skipped } = unzipText(new Uint8Array(await file.arrayBuffer()));
  return { files, skipped, label: file.name };
}

/** Plain files with their paths (a folder pick, or a drop flattened to paths). */
async function fromList(list: readonly { path: string; file: File }[], label: string): Promise<PickedFiles> {
  const zip = list.length === 1 ? list[0] : undefined;
  if (zip && /\.zip$/i.test(zip.file.name)) return fromZip(zip.file);
  const files: Record<string, string> = {};
  const skipped: string[] = [];
  let total = 0;
  for (const { path, file } of list) {
    if (SKIP.test(path)) continue;
    total += file.size;
    if (total > MAX_BYTES) throw new Error(`${label} is larger than the lab takes (20 MB of files).`);
    const text = await textOf(file);
    if (text === null) skipped.push(path);
    else files[path] = text;
  }
  return { files, skipped, label };
}

export function fromInput(list: FileList): Promise<PickedFiles> {
  const items = [...list].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
  const folder = items[0]?.path.split('/')[0];
  return fromList(items, items.length === 1 ? (items[0]?.file.name ?? 'the file') : `the folder ${folder}`);
}

function readEntry(
  entry: FileSystemEntry,
  prefix: string,
  out: { path: string; file: File }[],
): Promise<void> {
  if (entry.isFile)
    return new Promise((resolve, reject) =>
      (entry as FileSystemFileEntry).file((file) => {
        out.push({ path: `${prefix}${entry.name}`, file });
        resolve();
      }, reject),
    );
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  return new Promise((resolve, reject) => {
    const batch = () =>
      reader.readEntries(async (entries) => {
        if (entries.length === 0) return resolve();
        for (const e of entries) await readEntry(e, `${prefix}${entry.name}/`, out);
        batch();
      }, reject);
    batch();
  });
}

/** A drop: folders are walked; a lone .zip is unpacked. */
export async function fromDrop(data: DataTransfer): Promise<PickedFiles> {
  const entries = [...data.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  const list: { path: string; file: File }[] = [];
  if (entries.length > 0) for (const e of entries) await readEntry(e, '', list);
  else for (const file of data.files) list.push({ path: file.name, file });
  const label = entries.length === 1 ? (entries[0]?.name ?? 'the drop') : `${list.length} dropped files`;
  return fromList(list, label);
}

/** Whether a drag carries something "Open SAM app" could take (files, not text or links). */
export const carriesFiles = (data: DataTransfer | null): boolean =>
  !!data && [...data.types].includes('Files');
