import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'turso',
  schema: './src/db/control-schema.ts',
  out: './src/db/migrations/control',
});
