/**
 * `sle-msc analyze` benchmark (not part of the test suite): simulated locks of 81, 1,000 and 3,000
 * subjects (`sle-msc simulate`, into a temporary folder), each analysed unblinded with its randomization
 * file by the built CLI (`dist/cli.js`, which `npm run bench` builds first) in a child process, as a user
 * runs it. Reports wall time (including node's start, ~0.1 s) and the child's peak resident set size
 * (getrusage ru_maxrss, read by a preloaded hook as the process exits). Run with `npm run bench analyze`.
 * Sizes can be given as SLE_MSC_BENCH_SIZES=81,1000. SLE_MSC_BENCH_HEAP_MB=800 runs analyze with V8's
 * heap capped (`--max-old-space-size`): peak RSS alone says how far V8 let garbage pile up, a run that
 * completes under a cap bounds what the run keeps alive.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// This file runs bundled in a temporary folder (bench/run.mjs), so the package root comes from the runner.
const cli = join(process.env.SLE_MSC_ROOT ?? process.cwd(), 'bin', 'sle-msc.js');
const sizes = (process.env.SLE_MSC_BENCH_SIZES ?? '81,1000,3000').split(',').map(Number);
const heapMb = process.env.SLE_MSC_BENCH_HEAP_MB;
const nodeOptions = heapMb === undefined ? [] : [`--max-old-space-size=${Number(heapMb)}`];

/** A CommonJS hook preloaded into the child: prints its peak RSS (kB) as the last line of stderr. */
const RSS_HOOK = "process.on('exit', () => process.stderr.write(`maxrss ${process.resourceUsage().maxRSS}\\n`));\n";

function run(args: readonly string[], hook: string, options: readonly string[] = []): { ms: number; maxRssKb: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...options, '--require', hook, cli, ...args], { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`sle-msc ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const m = /maxrss (\d+)\s*$/.exec(r.stderr);
  if (m === null) throw new Error(`no peak RSS reported by sle-msc ${args[0]}`);
  return { ms, maxRssKb: Number(m[1]) };
}

const dir = mkdtempSync(join(tmpdir(), 'sle-msc-analyze-bench-'));
try {
  const hook = join(dir, 'maxrss.cjs');
  writeFileSync(hook, RSS_HOOK);
  console.log(
    `subjects  simulate(s)  analyze(s)  analyze peak RSS (MB)${heapMb === undefined ? '' : `  (heap capped at ${heapMb} MB)`}`,
  );
  for (const n of sizes) {
    const trial = join(dir, `n${n}`);
    const sim = run(['simulate', '--seed', `bench-${n}`, '--n', String(n), '--out', trial, '--quiet'], hook);
    const out = join(dir, `out${n}`);
    const analyze = run(
      ['analyze', join(trial, 'lock'), '--randomization', join(trial, 'randomization.csv'), '--out', out, '--quiet'],
      hook,
      nodeOptions,
    );
    console.log(
      [n, (sim.ms / 1000).toFixed(1), (analyze.ms / 1000).toFixed(1), (analyze.maxRssKb / 1024).toFixed(0)]
        .map((s) => String(s).padStart(10))
        .join('  '),
    );
    rmSync(trial, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
