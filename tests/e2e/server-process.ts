import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'packages', 'server', 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);
const serverPackage = join(root, 'packages', 'server');
// The server as `pnpm start` runs it: its build (made by ./server-build.ts) with the Node
// options of the start script.
const startNodeOptions = (
  JSON.parse(readFileSync(join(serverPackage, 'package.json'), 'utf8')).scripts.start as string
)
  .split(' ')
  .filter((part) => part.startsWith('--'));

/**
 * A free port on loopback, chosen by the OS (also for the local card provider, which must not
 * meet another test's server).
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** A data folder and environment for one real server process, as an operator would set it up. */
export async function serverWorld() {
  const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-e2e-'));
  const port = await freePort();
  const staffPort = await freePort();
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    STAFF_PORT: String(staffPort),
    NODE_ENV: 'development',
    // This world is the operator's own: no demo municipality beside the tenants it creates.
    DEMO: 'off',
  };
  let child: ChildProcess | undefined;
  return {
    dataDir,
    staffUrl: `http://127.0.0.1:${staffPort}`,
    publicUrl: `http://127.0.0.1:${port}`,
    /** Runs the operator tool (`pnpm tenants …`) and returns what it printed. */
    operator: async (...args: string[]) =>
      (
        await run(tsx, [join(root, 'packages/server/src/tenants/cli.ts'), ...args], {
          env,
          cwd: root,
        })
      ).stdout,
    /** Starts the built server (`pnpm start`) and waits until both listeners answer. */
    start: async () => {
      child = spawn(process.execPath, [...startNodeOptions, join(serverPackage, 'dist/main.mjs')], {
        env,
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout?.on('data', (chunk) => {
        output += String(chunk);
      });
      child.stderr?.on('data', (chunk) => {
        output += String(chunk);
      });
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const up = await Promise.all(
          [`http://127.0.0.1:${port}/healthz`, `http://127.0.0.1:${staffPort}/healthz`].map((url) =>
            fetch(url).then(
              (r) => r.ok,
              () => false,
            ),
          ),
        );
        if (up.every(Boolean)) return () => output;
        if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`server did not start: ${output}`);
    },
    stop: async () => {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
