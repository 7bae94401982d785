#!/usr/bin/env node
// Entry of the `lambda-lab` command: registers tsx so Node 20 can run the TypeScript sources directly.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const result = await main(process.argv.slice(2));
if (result.stderr.length > 0) process.stderr.write(`${result.stderr.join('\n')}\n`);
if (result.stdout.length > 0) process.stdout.write(`${result.stdout.join('\n')}\n`);
process.exitCode = result.exitCode;
