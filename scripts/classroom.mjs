#!/usr/bin/env node
// Entry of `npm run classroom`: registers tsx so Node runs the relay's TypeScript sources directly
// (no build step besides the app's own `vite build`, which produces the dist/ it serves).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/classroom/server/main.ts');
const code = await main(process.argv.slice(2));
if (code !== null) process.exitCode = code;
