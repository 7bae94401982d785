import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['scripts/vitestSetup.ts'],
    // Pyodide takes a few seconds to load in Node on a 2-core machine, over a minute at load 30: these
    // are hang guards, not verdicts (no test asserts wall-clock time; npm run test:busy raises them further).
    hookTimeout: 180_000,
    testTimeout: 60_000,
  },
});
