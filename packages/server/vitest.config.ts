import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts'],
    // Sign-ins hash passwords with a deliberately memory-hard function (~0.4 s each); on a busy
    // two-core machine a test with several of them needs more than the default 5 s.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
