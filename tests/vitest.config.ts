import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'tests',
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
    // Installs Debian's chromium when it is missing (browser tests), builds the staff console
    // when its build is missing or older than its sources, and builds the server as
    // `pnpm start` does.
    globalSetup: ['./e2e/browser/setup.ts', './e2e/console-build.ts', './e2e/server-build.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
