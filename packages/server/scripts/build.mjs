// Builds what `pnpm start` runs: the server and its writer thread as plain JavaScript in dist/,
// so a running server carries no TypeScript loader (docs/adr/0016). Our own packages
// (@madoguchi/*, TypeScript sources) are bundled in; every other dependency stays a package that
// Node loads from node_modules. With `--bench`, the benchmark's servers and export process are
// built beside it, so `pnpm bench` measures what `pnpm start` runs.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const packages = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter(
  (name) => !name.startsWith('@madoguchi/'),
);

const entryPoints = {
  main: join(root, 'src/main.ts'),
  // db/writer-thread.ts starts `./writer-worker-entry.mjs` beside itself: here, the bundle.
  'writer-worker-entry': join(root, 'src/db/writer-worker.ts'),
};
if (process.argv.includes('--bench')) {
  entryPoints['bench-submit-server'] = join(root, 'bench/submit-server.ts');
  entryPoints['bench-baseline-server'] = join(root, 'bench/baseline-server.ts');
  entryPoints['bench-export-child'] = join(root, 'bench/export-child.ts');
}

rmSync(dist, { recursive: true, force: true });
const result = await build({
  entryPoints,
  outdir: dist,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: packages.flatMap((name) => [name, `${name}/*`]),
  // Stack traces name our files and lines (node --enable-source-maps reads them when asked).
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});
// The migrations are read at start-up from beside the code (db/registry.ts).
cpSync(join(root, 'src/db/migrations'), join(dist, 'migrations'), { recursive: true });

// The operator CLI runs itself when it is the entry file; bundled into the server it would
// think it was, and run instead of the server.
const inputs = Object.keys(result.metafile.inputs);
if (inputs.some((path) => path.endsWith('src/tenants/cli.ts')))
  throw new Error('build: src/tenants/cli.ts must not be part of the server bundle');
