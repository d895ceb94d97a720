/**
 * The sample package against the independent R program (issue 12 "Speed"; not part of the test suite).
 * Run with `npm run bench versus-r` (builds the CLI first).
 *
 * R side: the R double-programming scripts that redo the trial's analyses from the raw lock,
 * test/fixtures/double-programming{,-2,-3,-4}/ (SRI-4 derivations; the secondary endpoints; the MMRMs;
 * the SRI-4 sensitivity, exposure, medication and deviation analyses, which rerun the SRI-4 script),
 * each in its own `Rscript`, one after the other, on a copy of the sample (a temporary folder, so the
 * committed fixtures are not rewritten). They make no tables, listings or figures, so the ratio
 * flatters R. mmrm-from-lock.R needs the R package mmrm; where it is missing that script is left out
 * and R's time is a lower bound (said in the output). Without Rscript the R time recorded below is used.
 *
 * sle-msc side: `sle-msc analyze data-samples/lock --randomization data-samples/randomization.csv`
 * (unblinded, every output), as a user runs it (bin/sle-msc.js, node's start included), SLE_MSC_BENCH_RUNS
 * times (default 3; the median is reported), then as often with the figures' PNGs on the main thread
 * (SLE_MSC_THREADS=1; by default they are drawn on a worker thread). Wall
 * and CPU (user + sys of the process and its children, from bash's `times`) are both reported: on a
 * shared machine wall time says as much about the other processes as about this one. The per-stage
 * profile is the run log's `## Timings` section of the last default run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = process.env.SLE_MSC_ROOT ?? process.cwd();
const runs = Number(process.env.SLE_MSC_BENCH_RUNS ?? '3');

/** Measured by this bench on 2026-12-04 (the shared 2-core machine), for machines without R. */
const RECORDED_R = {
  date: '2026-12-04',
  wallS: 47.47,
  cpuS: 47.4,
  note: 'load average ~2; all four scripts, mmrm 0.3.18 built from github:openpharma/mmrm by setup-r-reference.sh',
};

interface Timed {
  readonly wallS: number;
  readonly cpuS: number;
}

/** Runs `command args` through bash, whose `times` gives the CPU time of its children. */
function timed(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Timed {
  const t0 = performance.now();
  const r = spawnSync(
    'bash',
    ['-c', '"$@" >/dev/null 2>/tmp/sle-msc-bench-stderr.txt; s=$?; times; exit $s', 'bash', command, ...args],
    { cwd, env, encoding: 'utf8' },
  );
  const wallS = (performance.now() - t0) / 1000;
  if (r.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} exited ${r.status}: ${readFileSync('/tmp/sle-msc-bench-stderr.txt', 'utf8').slice(-2000)}`,
    );
  // `times` prints the shell's user/sys, then its children's: "0m1.234s 0m0.056s".
  const children = r.stdout.trim().split('\n').at(-1) ?? '';
  const cpuS = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((s, m) => s + Number(m[1]) * 60 + Number(m[2]), 0);
  return { wallS, cpuS };
}

function hasRscript(): boolean {
  return spawnSync('Rscript', ['--version'], { encoding: 'utf8' }).status === 0;
}

function hasRPackage(name: string): boolean {
  return (
    spawnSync('Rscript', ['-e', `quit(status = if (requireNamespace("${name}", quietly = TRUE)) 0 else 1)`]).status ===
    0
  );
}

const R_SCRIPTS: readonly {
  readonly dir: string;
  readonly script: string;
  readonly args: readonly string[];
  readonly needs?: string;
}[] = [
  { dir: 'double-programming', script: 'derive-sri4.R', args: ['data-samples/lock', 'out/sri4'] },
  {
    dir: 'double-programming-2',
    script: 'derive-secondary.R',
    args: ['data-samples/lock', 'data-samples/randomization.csv', 'out/secondary'],
  },
  { dir: 'double-programming-3', script: 'mmrm-from-lock.R', args: [], needs: 'mmrm' },
  {
    dir: 'double-programming-4',
    script: 'derive-sensitivity.R',
    args: ['data-samples/lock', 'data-samples/randomization.csv', 'out/sensitivity'],
  },
];

/** The R program on a copy of the sample; null without Rscript. */
function timeR(): { total: Timed; parts: string[]; complete: boolean } | null {
  if (!hasRscript()) return null;
  const work = mkdtempSync(join(tmpdir(), 'sle-msc-bench-r-'));
  try {
    cpSync(join(root, 'data-samples'), join(work, 'data-samples'), { recursive: true });
    cpSync(join(root, 'sap'), join(work, 'sap'), { recursive: true });
    for (const s of R_SCRIPTS) {
      mkdirSync(join(work, 'test', 'fixtures', s.dir), { recursive: true });
      cpSync(join(root, 'test', 'fixtures', s.dir, s.script), join(work, 'test', 'fixtures', s.dir, s.script));
    }
    for (const d of ['sri4', 'secondary', 'sensitivity']) mkdirSync(join(work, 'out', d), { recursive: true });
    let wallS = 0;
    let cpuS = 0;
    let complete = true;
    const parts: string[] = [];
    for (const s of R_SCRIPTS) {
      if (s.needs !== undefined && !hasRPackage(s.needs)) {
        complete = false;
        parts.push(`${s.script}: skipped (R package ${s.needs} not installed)`);
        continue;
      }
      const t = timed('Rscript', [join('test', 'fixtures', s.dir, s.script), ...s.args], work);
      wallS += t.wallS;
      cpuS += t.cpuS;
      parts.push(`${s.script}: ${t.wallS.toFixed(2)} s wall, ${t.cpuS.toFixed(2)} s CPU`);
    }
    return { total: { wallS, cpuS }, parts, complete };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

function timeSleMsc(out: string, threads: string): Timed {
  const args = [
    join(root, 'bin', 'sle-msc.js'),
    'analyze',
    join(root, 'data-samples', 'lock'),
    '--randomization',
    join(root, 'data-samples', 'randomization.csv'),
    '--out',
    out,
    '--force',
    '--quiet',
  ];
  const env = { ...process.env, SLE_MSC_THREADS: threads };
  const times = Array.from({ length: runs }, () => timed(process.execPath, args, root, env));
  return { wallS: median(times.map((t) => t.wallS)), cpuS: median(times.map((t) => t.cpuS)) };
}

const MODES = [
  { label: 'as a user runs it (PNGs on a worker thread)', threads: '' },
  { label: 'one thread (SLE_MSC_THREADS=1)', threads: '1' },
] as const;

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

const scratch = mkdtempSync(join(tmpdir(), 'sle-msc-bench-versus-r-'));
try {
  console.log(`load average before: ${loadAverage()}`);
  const sle = MODES.map((m, i) => ({ ...m, t: timeSleMsc(join(scratch, `out${i}`), m.threads) }));
  const profile = readFileSync(join(scratch, 'out0', 'log.txt'), 'utf8').split('## Timings')[1] ?? '';
  const r = timeR();
  console.log(`sle-msc analyze, sample, unblinded (median of ${runs} runs each):`);
  for (const m of sle) console.log(`  ${m.label}: ${m.t.wallS.toFixed(2)} s wall, ${m.t.cpuS.toFixed(2)} s CPU`);
  const rTotal = r?.total ?? RECORDED_R;
  if (r === null)
    console.log(
      `R program: Rscript not found; recorded ${RECORDED_R.date}: ${RECORDED_R.wallS} s wall, ${RECORDED_R.cpuS} s CPU (${RECORDED_R.note})`,
    );
  else {
    console.log(
      `R program${r.complete ? '' : ' (incomplete: a lower bound)'}: ${r.total.wallS.toFixed(2)} s wall, ${r.total.cpuS.toFixed(2)} s CPU`,
    );
    for (const p of r.parts) console.log(`  ${p}`);
  }
  for (const m of sle)
    console.log(
      `ratio R / sle-msc, ${m.label}: ${(rTotal.wallS / m.t.wallS).toFixed(1)}x wall, ${(rTotal.cpuS / m.t.cpuS).toFixed(1)}x CPU`,
    );
  console.log(`per-stage profile of the last default run (log.txt)${profile.trimEnd()}`);
  console.log(`load average after: ${loadAverage()}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
