// Vitest global setup: the console tests load the built staff console from the server, so the
// build must be there and current. Builds only when packages/form-builder changed (about 2 s).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  execFileSync(
    process.execPath,
    [
      join(
        import.meta.dirname,
        '..',
        '..',
        'packages',
        'form-builder',
        'scripts',
        'build-if-stale.mjs',
      ),
    ],
    { stdio: 'inherit' },
  );
}
