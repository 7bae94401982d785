import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Pyodide takes a few seconds to load in Node on a 2-core machine.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
