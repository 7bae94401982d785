// Whether `npm start` can open a browser tab: a desktop session on Linux (with xdg-open), or macOS and
// Windows; never in CI or with BROWSER=none.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

export function canOpenBrowser(platform = process.platform, env = process.env, has = onPath) {
  if (env.BROWSER === 'none' || env.CI) return false;
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY) && has('xdg-open');
}
