import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'tests',
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
    // Installs Debian's chromium when it is missing (browser tests), and builds the staff
    // console when its build is missing or older than its sources.
    globalSetup: ['./e2e/browser/setup.ts', './e2e/console-build.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
