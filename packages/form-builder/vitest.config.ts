import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'form-builder',
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
  },
});
