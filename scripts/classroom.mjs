#!/usr/bin/env node
// Entry of `npm run classroom`: registers tsx so Node runs the relay's TypeScript sources directly.
// The first process is the supervisor (builds dist/ if stale, restarts a relay that died); it starts
// this same file again as the relay itself (LAMBDA_LAB_CLASSROOM_CHILD=1). --no-restart skips that.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const argv = process.argv.slice(2);
const here = fileURLToPath(import.meta.url);
if (process.env.LAMBDA_LAB_CLASSROOM_CHILD === '1') {
  const { main } = await import('../src/classroom/server/main.ts');
  const code = await main(argv);
  if (code !== null) process.exitCode = code;
} else {
  const { supervise } = await import('../src/classroom/server/supervise.ts');
  // npm runs scripts from the project's root, which is also where --dir's default (dist) is resolved.
  const code = await supervise(here, argv, process.cwd());
  if (code !== null) process.exitCode = code;
}
