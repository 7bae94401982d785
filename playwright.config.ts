import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';

const executablePath = (await findChromium()) ?? undefined;
// LAB_E2E_PORT and LAB_E2E_DIST let several checkouts or builds be tested side by side.
const PORT = Number(process.env.LAB_E2E_PORT ?? 4173);
/** The same build served without COOP/COEP, as a plain static host would: the fallbacks must hold. */
const PLAIN_PORT = PORT + 1;
const DIST = process.env.LAB_E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Two cores: one Pyodide boot at a time keeps start-up times honest and the suite stable.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 60_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1280, height: 720 },
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    // The service worker would cache 45 MB in every test's fresh context and change what the plain project
    // tests; the specs about it (offline, static host) allow it themselves.
    serviceWorkers: 'block',
  },
  projects: [
    { name: 'isolated', testIgnore: /\.plain\.spec\.ts$/ },
    { name: 'plain', testMatch: /\.plain\.spec\.ts$/, use: { baseURL: `http://localhost:${PLAIN_PORT}` } },
  ],
  webServer: [
    {
      command: `npx vite preview --outDir ${DIST} --port ${PORT} --strictPort`,
      url: `http://localhost:${PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `npx vite preview --outDir ${DIST} --port ${PLAIN_PORT} --strictPort`,
      env: { LAMBDA_LAB_NO_ISOLATION: '1' },
      url: `http://localhost:${PLAIN_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
