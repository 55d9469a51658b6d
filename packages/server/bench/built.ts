// What the benchmarks run: the build `pnpm start` runs (scripts/build.mjs, `--bench` adds the
// benchmark's own entries), with the Node options the start script gives the server.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const startScript: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts
  .start;

/** The Node options of `pnpm start` (its young generation), e.g. ['--max-semi-space-size=32']. */
export const startNodeOptions = startScript.split(' ').filter((part) => part.startsWith('--'));

/** The path of a built entry (dist/<name>.mjs); says how to build it when it is missing. */
export function builtScript(name: string): string {
  const path = join(root, 'dist', `${name}.mjs`);
  if (!existsSync(path))
    throw new Error(`${path} is missing: run \`node scripts/build.mjs --bench\` (pnpm bench does)`);
  return path;
}
