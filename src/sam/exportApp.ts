/**
 * "Export as SAM app": the workspace as an application folder (template.yaml, one folder of code per
 * function, layers, saved test events, a README) and as a .zip; and a .zip read back into app files.
 * `sam build && sam deploy --guided` deploys the folder; handlers run unchanged.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { stringify } from 'yaml';
import type { WorkspaceDoc } from '../store/workspaceDoc';
import { exportTemplate, type SamExtras } from './exportTemplate';

function readme(ws: WorkspaceDoc, stack: string, dirs: Readonly<Record<string, string>>): string {
  const functions = Object.entries(ws.functions)
    .map(
      ([name, fn]) =>
        `- \`${dirs[name]}/\`: the function \`${name}\` (handler \`${fn.handler}\`, ${fn.runtime})`,
    )
    .join('\n');
  return `# ${stack}

Exported from Lambda Lab: an AWS SAM application with the code, configuration, roles, triggers and layers
built in the lab.

${functions}
- \`template.yaml\`: the functions and every resource their triggers use
- \`events/<function>/\`: the saved test events

## Deploy to AWS

You need the AWS SAM CLI and credentials for your account.

\`\`\`sh
sam build
sam deploy --guided
\`\`\`

\`sam deploy --guided\` asks for a stack name and a region, then creates everything in \`template.yaml\`.
Resources keep the names they had in the lab where you gave them one; S3 bucket names must be unique across
all of AWS, so rename a bucket in \`template.yaml\` if the deploy says it exists. Remove the stack with
\`sam delete\`.

## Run it locally

\`\`\`sh
npx lambda-lab invoke -t template.yaml <LogicalId> -e events/<function>/<event>.json
npx lambda-lab start-api -t template.yaml
\`\`\`

or open the folder (or this .zip) in Lambda Lab with **Open SAM app**.
`;
}

/** The application's files, by path. */
export function exportSamFiles(ws: WorkspaceDoc, kept: Partial<SamExtras> = {}): Record<string, string> {
  const stack = kept.stackName ?? 'sam-app';
  const { template, codeDirs, layerDirs } = exportTemplate(ws, kept);
  const files: Record<string, string> = {
    // Versions such as 2010-09-09 are quoted: a YAML 1.1 reader would take them for dates.
    'template.yaml': stringify(template, { lineWidth: 0, aliasDuplicateObjects: false }).replace(
      /^(\s*(?:AWSTemplateFormatVersion|Version): )(\d{4}-\d{2}-\d{2})$/gm,
      '$1"$2"',
    ),
    'README.md': readme(ws, stack, codeDirs),
  };
  for (const [name, fn] of Object.entries(ws.functions)) {
    for (const [path, text] of Object.entries(fn.files)) files[`${codeDirs[name]}/${path}`] = text;
    for (const [event, json] of Object.entries(fn.events)) files[`events/${name}/${event}.json`] = json;
  }
  for (const [name, layer] of Object.entries(ws.layers))
    for (const [path, text] of Object.entries(layer.files)) files[`${layerDirs[name]}/${path}`] = text;
  return files;
}

export function zipFiles(files: Readonly<Record<string, string>>, folder: string): Uint8Array {
  const tree: Record<string, Uint8Array> = {};
  for (const [path, text] of Object.entries(files)) tree[`${folder}/${path}`] = strToU8(text);
  return zipSync(tree, { level: 6 });
}

/** A .zip's text files by path; binary files (NUL bytes) are left out, as the lab runs pure Python. */
export function unzipText(bytes: Uint8Array): { files: Record<string, string>; skipped: string[] } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new Error(
      `The file is not a .zip the lab can read (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const files: Record<string, string> = {};
  const skipped: string[] = [];
  for (const [path, data] of Object.entries(entries)) {
    if (path.endsWith('/') || path.startsWith('__MACOSX/') || path.includes('/.aws-sam/')) continue;
    if (data.subarray(0, 8000).includes(0)) skipped.push(path);
    else files[path] = strFromU8(data);
  }
  return { files, skipped };
}
