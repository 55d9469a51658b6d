import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'tests',
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
    // Installs Debian's chromium when it is missing (browser tests).
    globalSetup: ['./e2e/browser/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
