#!/usr/bin/env node
// Makes sure the e2e suite has a Chromium: uses one that is there, installs Debian's when root with apt,
// tries Playwright's installer elsewhere, and otherwise stops with a message that names the fix.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

const run = (command) => {
  console.log(`$ ${command}`);
  execSync(command, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
};

let path = await findChromium();
if (!path) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log("No Chromium found: installing Debian's chromium package.");
    try {
      run('apt-get update -qq');
      run('apt-get install -y -qq chromium');
    } catch {
      console.log('apt-get could not install chromium.');
    }
  } else {
    try {
      run('npx playwright install chromium');
    } catch {
      console.log("Playwright's installer could not download a browser.");
    }
  }
  path = await findChromium();
}
if (!path) {
  console.error(
    [
      'No Chromium for the browser tests.',
      'Fix: install one (Debian/Ubuntu: `sudo apt-get install chromium`; elsewhere: `npx playwright install chromium`),',
      'or point CHROMIUM_PATH at a Chromium or Chrome executable, then run `npm test` again.',
    ].join('\n'),
  );
  process.exit(1);
}
console.log(`Browser tests use ${path}`);
