/**
 * Runs e2e specs against a dev server you started yourself (`npx vite --port N`), for quick iteration on
 * one spec: `LAB_URL=http://localhost:N npx playwright test -c playwright.dev.config.ts e2e/x.spec.ts`.
 * `npm test` uses playwright.config.ts (the built app), not this file.
 */
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

const url = process.env.LAB_URL;
if (!url) throw new Error('Set LAB_URL to the dev server you started, e.g. http://localhost:5180');

export default defineConfig({
  ...base,
  outputDir: `test-results/dev-${new URL(url).port}`,
  use: { ...base.use, baseURL: url },
  projects: [{ name: 'dev', testIgnore: /\.plain\.spec\.ts$/ }],
  webServer: undefined,
});
