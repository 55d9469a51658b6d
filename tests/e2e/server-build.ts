// Vitest global setup: the end-to-end tests start the server as `pnpm start` does, from its build
// (packages/server/scripts/build.mjs, under a second), so they test what is deployed: the
// bundle, its writer thread, the migrations and the console found from dist/.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  execFileSync(
    process.execPath,
    [join(import.meta.dirname, '..', '..', 'packages', 'server', 'scripts', 'build.mjs')],
    { stdio: 'inherit' },
  );
}
