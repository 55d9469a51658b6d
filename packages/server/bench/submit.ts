// Submission throughput against a bare libSQL insert, and the capacity race, over HTTP on
// loopback. Run with `pnpm bench`; figures go to docs/benchmarks.md.
import { spawn } from 'node:child_process';
import {
  closeSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleAnswers } from '@madoguchi/shared/examples';
import autocannon from 'autocannon';
import { builtScript, startNodeOptions } from './built';

/**
 * Starts a bench server in a process of its own, built as the server is and with the Node options
 * `pnpm start` gives it (bench/built.ts); what it prints once listening.
 */
async function started<Ready extends { pid: number }>(
  name: string,
): Promise<{ ready: Ready; stop: () => void }> {
  const child = spawn(process.execPath, [...startNodeOptions, builtScript(name)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += String(chunk);
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`${name} exited ${code}`)));
  });
  return { ready, stop: () => child.kill('SIGTERM') };
}
const app = await started<{ appPort: number; formId: string; raceFormId: string; pid: number }>(
  'bench-submit-server',
);
const baselineServer = await started<{ port: number; pid: number }>('bench-baseline-server');
const ready = app.ready;
const baselineUrl = `http://127.0.0.1:${baselineServer.ready.port}/insert`;

const answers = exampleAnswers['pregnancy-support-benefit'];
const body = JSON.stringify({ answers });
const runOptions = (url: string, payload: string) => ({
  url,
  method: 'POST' as const,
  connections: 50,
  duration: 10,
  headers: { 'content-type': 'application/json' },
  body: payload,
});
const run = (url: string, payload: string) => autocannon(runOptions(url, payload));

/**
 * CPU time the server process has used, in ms: its main thread (the event loop) and all its
 * threads, from Linux's /proc (clock ticks of 10 ms); undefined elsewhere.
 */
function serverCpu(pid: number): { main: number; all: number } | undefined {
  const ticks = (path: string) => {
    // The fields after the command name: utime and stime are the 12th and 13th.
    const fields = readFileSync(path, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  try {
    return {
      main: ticks(`/proc/${pid}/task/${pid}/stat`),
      all: ticks(`/proc/${pid}/stat`),
    };
  } catch {
    return undefined;
  }
}

type Measured = autocannon.Result & { mainUs?: number; otherUs?: number };

/** A load run, with the server's CPU time per request on its event loop and its other threads. */
async function measured(url: string, pid: number): Promise<Measured> {
  // Two quiet seconds first: the last run's writes are still going to disk, and the baseline's
  // fsync per request would pay for them.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const before = serverCpu(pid);
  const result: Measured = await run(url, body);
  const after = serverCpu(pid);
  if (before && after && result.requests.total > 0) {
    result.mainUs = ((after.main - before.main) * 1000) / result.requests.total;
    result.otherUs =
      ((after.all - before.all - (after.main - before.main)) * 1000) / result.requests.total;
  }
  return result;
}

// The baseline and the submit take turns, three rounds of 10 s each by default: on a shared
// virtual machine the same load varies by a fifth from one minute to the next, and a ratio of
// two runs made a minute apart measured the machine as much as the code.
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
// Three seconds of each first, not measured, so neither side's first round pays for compiling.
for (const url of [
  baselineUrl,
  `http://127.0.0.1:${ready.appPort}/t/bench/api/forms/${ready.formId}/submissions`,
])
  await autocannon({ ...runOptions(url, body), duration: 3 });
/**
 * How long the disk takes to make a 4 KiB write durable (200 fsyncs in the folder the bench
 * databases are in), in µs: the baseline waits for one per request, the submit for one per
 * group, so a slow disk moves the ratio by itself (it has ranged from 100 to 260 µs at p50).
 */
function fsyncLatency(): { p50: number; p99: number } {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-fsync-'));
  const fd = openSync(join(dir, 'probe'), 'w');
  const page = Buffer.alloc(4096, 1);
  const times: number[] = [];
  try {
    for (let i = 0; i < 200; i++) {
      writeSync(fd, page, 0, page.length, (i % 64) * page.length);
      const started = process.hrtime.bigint();
      fsyncSync(fd);
      times.push(Number(process.hrtime.bigint() - started) / 1000);
    }
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  return { p50: Math.round(times[100] ?? 0), p99: Math.round(times[198] ?? 0) };
}

const diskBefore = fsyncLatency();
const results: { baseline: Measured; submit: Measured }[] = [];
for (let round = 0; round < rounds; round++) {
  const baseline = await measured(baselineUrl, baselineServer.ready.pid);
  const submit = await measured(
    `http://127.0.0.1:${ready.appPort}/t/bench/api/forms/${ready.formId}/submissions`,
    ready.pid,
  );
  results.push({ baseline, submit });
}

const diskAfter = fsyncLatency();

const raceBody = JSON.stringify({ answers: exampleAnswers['zero-waste-day'] });
const race = await Promise.all(
  Array.from({ length: 500 }, () =>
    fetch(`http://127.0.0.1:${ready.appPort}/t/bench/api/forms/${ready.raceFormId}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: raceBody,
    }).then((r) => r.status),
  ),
);
app.stop();
baselineServer.stop();

const line = (name: string, r: Measured) =>
  `${name.padEnd(30)} ${Math.round(r.requests.average)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   non-2xx ${r.non2xx}   errors ${r.errors}${r.mainUs === undefined ? '' : `   CPU per request: event loop ${Math.round(r.mainUs)} µs, other threads ${Math.round(r.otherUs ?? 0)} µs`}`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, Node ${process.version} ${startNodeOptions.join(' ')}, ${new Date().toISOString().slice(0, 10)}`,
);
console.log(
  `disk: fsync of a 4 KiB write p50 ${diskBefore.p50} µs, p99 ${diskBefore.p99} µs before the rounds; p50 ${diskAfter.p50} µs, p99 ${diskAfter.p99} µs after`,
);
const ratios = results.map((r) => r.submit.requests.average / r.baseline.requests.average);
results.forEach(({ baseline, submit }, index) => {
  console.log(`round ${index + 1}`);
  console.log(line('  baseline insert', baseline));
  console.log(line('  submit (pregnancy benefit form)', submit));
  console.log(`  ratio submit / baseline: ${(ratios[index] ?? 0).toFixed(2)}`);
});
console.log(
  `median of ${results.length} rounds: baseline ${Math.round(median(results.map((r) => r.baseline.requests.average)))} req/s, submit ${Math.round(median(results.map((r) => r.submit.requests.average)))} req/s, ratio ${median(ratios).toFixed(2)}, submit p99 ${median(results.map((r) => r.submit.latency.p99))} ms`,
);
console.log(
  `capacity race (500 concurrent, capacity 50): ${race.filter((s) => s === 201).length} accepted, ${race.filter((s) => s === 409).length} told full, other ${race.filter((s) => s !== 201 && s !== 409).length}`,
);
