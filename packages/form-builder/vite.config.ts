import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `pnpm --filter @madoguchi/form-builder dev` serves the console with hot reload and passes API
// calls to a running server (`pnpm start`), with the staff origin it checks state changes against.
const staffOrigin = process.env.STAFF_ORIGIN ?? 'http://127.0.0.1:3001';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Inline assets would need `data:` script or style sources, which the policy does not allow.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': { target: staffOrigin, headers: { origin: staffOrigin } } },
  },
});
