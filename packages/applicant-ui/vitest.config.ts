import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'applicant-ui',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
