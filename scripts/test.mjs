// `npm test`: the type check, the lint, the format check (prettier) and the test suite side by side instead of one after the other.
// The suite gets the CPU first (the type check and the lint run at a lower priority and fill what it
// leaves idle, e.g. while its workers wait for LibreOffice or the built CLI). The type check and the lint
// (and the format check) keep a cache under node_modules/.cache/sle-msc/ (one per checkout), so a second run only re-checks
// what changed; a clean clone starts without one. Arguments go to `vitest run` (.ci/run passes its
// reporters). Exit code: 0 when all four pass, else the first failure's.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bin = (name) => join(root, 'node_modules', '.bin', name);
// node_modules may be shared by several checkouts (worktrees): each keeps its own cache.
const cache = join(
  root,
  'node_modules',
  '.cache',
  'sle-msc',
  createHash('sha256').update(root).digest('hex').slice(0, 12),
);

const checks = [
  // TypeScript 7 (the native compiler, devDependency `typescript-native`): the same diagnostics as
  // TypeScript 6's tsc on this tsconfig in ~3.5 CPU-s instead of ~16. `typescript` stays 6.0 (what
  // typescript-eslint needs, and `npx tsc`). One thread: it runs beside the suite, which has the cores.
  {
    name: 'typecheck',
    cmd: join(root, 'node_modules', 'typescript-native', 'bin', 'tsc'),
    args: [
      '-p',
      'tsconfig.json',
      '--noEmit',
      '--singleThreaded',
      '--incremental',
      '--tsBuildInfoFile',
      join(cache, 'tsconfig.tsbuildinfo'),
    ],
  },
  {
    name: 'lint',
    cmd: bin('eslint'),
    args: ['.', '--cache', '--cache-strategy', 'content', '--cache-location', join(cache, 'eslint') + '/'],
  },
  // The files and globs are package.json's `format:check` (`npm run format` rewrites them).
  {
    name: 'format',
    cmd: 'npm',
    args: [
      'run',
      '--silent',
      'format:check',
      '--',
      '--cache',
      '--cache-strategy',
      'content',
      '--cache-location',
      join(cache, 'prettier'),
    ],
  },
];

/** Runs a command; its output is kept and printed when it ends (so it does not interleave with vitest's). */
function runBuffered({ name, cmd, args }) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      setPriority(child.pid, 10);
    } catch {
      // Not permitted here: the check then simply competes with the suite on equal terms.
    }
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    child.on('error', (e) => resolve({ name, code: 1, out: `${out}${e.message}\n` }));
    child.on('close', (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0), out }));
  });
}

const running = checks.map(runBuffered);
const suite = new Promise((resolve) => {
  const child = spawn(bin('vitest'), ['run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('error', () => resolve(1));
  child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});

const suiteCode = await suite;
const results = await Promise.all(running);
for (const r of results) {
  process.stdout.write(`\n> ${r.name}: ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`}\n`);
  if (r.out.trim() !== '') process.stdout.write(r.out.endsWith('\n') ? r.out : `${r.out}\n`);
}
process.exitCode = results.find((r) => r.code !== 0)?.code ?? suiteCode;
