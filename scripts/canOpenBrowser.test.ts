import { describe, expect, it } from 'vitest';
import { canOpenBrowser } from './canOpenBrowser.mjs';

const yes = () => true;
const no = () => false;

describe('canOpenBrowser', () => {
  it('opens on a Linux desktop with xdg-open, and on macOS and Windows', () => {
    expect(canOpenBrowser('linux', { DISPLAY: ':0' }, yes)).toBe(true);
    expect(canOpenBrowser('linux', { WAYLAND_DISPLAY: 'wayland-0' }, yes)).toBe(true);
    expect(canOpenBrowser('darwin', {}, no)).toBe(true);
    expect(canOpenBrowser('win32', {}, no)).toBe(true);
  });

  it('does not try on a server without a display or xdg-open, in CI, or with BROWSER=none', () => {
    expect(canOpenBrowser('linux', {}, yes)).toBe(false);
    expect(canOpenBrowser('linux', { DISPLAY: ':0' }, no)).toBe(false);
    expect(canOpenBrowser('linux', { DISPLAY: ':0', CI: 'true' }, yes)).toBe(false);
    expect(canOpenBrowser('darwin', { BROWSER: 'none' }, yes)).toBe(false);
  });
});
