// Sign-in and session-check latency, in process (the staff app's own request path), median
// over many runs. Run with `pnpm bench`; figures go to docs/benchmarks.md.
import { cpus } from 'node:os';
import { totpCode } from '../src/auth/crypto/index';
import { createHarness, goodPassword } from '../src/testing/harness';

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { runs: samples.length, median: at(0.5), p90: at(0.9), p99: at(0.99) };
}

const h = await createHarness();
const ward = await h.tenantWithAdmin('benchward', '131041');

const signIns: number[] = [];
for (let i = 0; i < 30; i++) {
  h.advance(30_000);
  const started = performance.now();
  const response = await h.request('POST', '/api/auth/sign-in', {
    body: {
      tenant: 'benchward',
      email: ward.email,
      password: goodPassword,
      totpCode: totpCode(ward.secret, Math.floor(h.now() / 30_000)),
    },
  });
  signIns.push(performance.now() - started);
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
}

const checks: number[] = [];
for (let i = 0; i < 3000; i++) {
  const started = performance.now();
  const response = await h.request('GET', '/api/auth/session', { cookie: ward.cookie });
  checks.push(performance.now() - started);
  if (response.status !== 200) throw new Error(`session check failed: ${response.status}`);
}
await h.close();

const round = (value: number) => Math.round(value * 100) / 100;
const print = (name: string, s: ReturnType<typeof summary>) =>
  console.log(
    `${name.padEnd(34)} runs ${String(s.runs).padStart(5)}   median ${round(s.median)} ms   p90 ${round(s.p90)} ms   p99 ${round(s.p99)} ms`,
  );
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);
print('sign-in (scrypt + TOTP + session)', summary(signIns));
print('session check (GET /api/auth/session)', summary(checks));
