/**
 * index.html paints a shell before any stylesheet arrives, with its own copy of a few light-theme values;
 * they must stay the ones theme.css gives, or the first paint flashes other colours before React's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const shellCss = /<style>([\s\S]*?)<\/style>/.exec(readFileSync('index.html', 'utf8'))?.[1] ?? '';
const theme = readFileSync('src/ui/theme.css', 'utf8');
const lightRoot = /:root\s*\{([\s\S]*?)\n\}/.exec(theme)?.[1] ?? '';

/** The value a token has in the light theme, as written in theme.css. */
function token(name: string): string {
  const m = new RegExp(`--${name}:\\s*([^;]+);`).exec(lightRoot);
  if (!m) throw new Error(`theme.css has no --${name}`);
  return (m[1] as string).trim().toLowerCase();
}

const longHex = (c: string) =>
  c.length === 4 ? `#${[...c.slice(1)].map((d) => d + d).join('')}` : c.toLowerCase();

describe("the first paint's shell (index.html)", () => {
  it('uses only colours that theme.css defines for the light theme and the header', () => {
    const colours = [...shellCss.matchAll(/#[0-9a-f]{3,6}\b/gi)].map((m) => longHex(m[0]));
    expect(colours.length).toBeGreaterThan(3);
    const defined = new Set([...lightRoot.matchAll(/#[0-9a-f]{3,6}\b/gi)].map((m) => longHex(m[0])));
    expect(colours.filter((c) => !defined.has(c))).toEqual([]);
  });

  it('gives the page background, text and header bar their tokens, and the root size and header height', () => {
    expect(shellCss).toMatch(new RegExp(`html \\{[^}]*background: ${token('bg')}`));
    expect(shellCss).toMatch(new RegExp(`html \\{[^}]*color: ${token('text')}`));
    expect(shellCss).toMatch(new RegExp(`header \\{[^}]*background: ${token('header-bg')}`));
    expect(shellCss).toMatch(new RegExp(`header \\{[^}]*height: ${token('header-height')}`));
    expect(shellCss).toMatch(/font: 15px/);
    expect(lightRoot).toMatch(/font-size: 15px;/);
  });
});
