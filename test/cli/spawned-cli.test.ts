/**
 * The built command (`node bin/sle-msc.js`) as a separate process, for what only a real process shows:
 * a kill at any step of the output write, SIGINT/SIGTERM, and a closed stderr. The kill happens at a
 * named step of the write through the SLE_MSC_TEST_SIGNAL_AT hook (src/output/write-output.ts), so
 * nothing depends on timing. Runs on the hand-made mini lock (a few subjects) to stay quick.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/package-root.js';
import { readTree } from '../contract/contract-helpers.js';
import { MINI_LOCK, MINI_RANDOMIZATION } from '../lock/lock-fixture.js';
import { sampleOutput } from '../helpers/sample-output.js';

const root = packageRoot();
const BIN = join(root, 'bin', 'sle-msc.js');
const LOCK = join(root, MINI_LOCK);
const RAND = join(root, MINI_RANDOMIZATION);

// The CLI tests run what users run: the bundle, built by the integration project's global setup
// (test/setup/sample-outputs.ts) from the current source.
const made: string[] = [];
const scratch = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `sle-msc-${name}-`));
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Exit {
  readonly pid: number;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

function run(
  args: readonly string[],
  cwd: string,
  opts: { signalAt?: string; closeOutput?: boolean } = {},
): Promise<Exit> {
  const env = { ...process.env, NO_COLOR: '1', SLE_MSC_TEST_SIGNAL_AT: opts.signalAt ?? '' };
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  if (opts.closeOutput === true) {
    // The reader goes away before the child writes a byte: every write of the child fails (EPIPE).
    child.stdout.destroy();
    child.stderr.destroy();
  } else {
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    child.stdout.resume();
  }
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ pid: child.pid ?? -1, code, signal, stderr }));
  });
}

/**
 * Asserts that `dir` is a complete sle-msc output: exactly the files its manifest lists plus the
 * manifest, each with the listed size and SHA-256 (log.txt, listed by path only, present and non-empty).
 * Returns the manifest's blinding (which run wrote it).
 */
function completeOutput(dir: string): string {
  const tree = readTree(dir);
  const manifest = JSON.parse(tree.get('manifest.json')?.toString('utf8') ?? 'null') as {
    blinding: string;
    outputs: { path: string; bytes?: number; sha256?: string; hashed?: false }[];
  };
  expect([...tree.keys()].sort()).toEqual(['manifest.json', ...manifest.outputs.map((o) => o.path)].sort());
  for (const o of manifest.outputs) {
    const bytes = tree.get(o.path) as Buffer;
    if (o.hashed === false) {
      expect(bytes.length, o.path).toBeGreaterThan(0);
      continue;
    }
    expect(bytes.length, o.path).toBe(o.bytes);
    expect(createHash('sha256').update(bytes).digest('hex'), o.path).toBe(o.sha256);
  }
  return manifest.blinding;
}

const sideFolders = (cwd: string) => readdirSync(cwd).filter((n) => n.startsWith('.sle-msc-'));

describe('the built CLI killed or interrupted while writing its output folder', () => {
  it('a kill at each step leaves DIR the complete old or new output (or the old one beside it, put back by the next run)', async () => {
    const cwd = scratch('kill');
    const out = join(cwd, 'out');
    // The old output: the built command's unblinded run of the sample, made once per test run
    // (test/setup/sample-outputs.ts), copied (one process fewer than making it here).
    cpSync(sampleOutput('randomization').dir, out, { recursive: true });
    expect(completeOutput(out)).toBe('randomization');

    // Each run replaces the unblinded output by a blinded one and is killed at a later step; each
    // one's first act is to clean up after the run killed before it. (Blinded: the cheaper run, with no
    // model to fit; the manifest's blinding still tells which run wrote DIR.)
    // 'staged': killed during the analysis (its temporary folder made, DIR untouched).
    for (const step of ['staged', 'temp-created', 'half-written', 'written', 'old-moved', 'new-moved']) {
      const killed = await run(['analyze', LOCK, '--out', 'out', '--quiet'], cwd, {
        signalAt: `${step}:SIGKILL`,
      });
      expect(killed.signal, step).toBe('SIGKILL');
      const sides = sideFolders(cwd);
      expect(sides.length, step).toBeGreaterThan(0);
      expect(
        sides.every((s) => s.includes(`-${killed.pid}-`)),
        `${step}: ${sides.join(' ')}`,
      ).toBe(true);
      if (step === 'old-moved') {
        // Between the two renames DIR is absent; the complete old output waits beside it.
        expect(existsSync(out)).toBe(false);
        const old = sides.find((s) => s.includes('.old-')) as string;
        expect(completeOutput(join(cwd, old))).toBe('randomization');
      } else {
        expect(completeOutput(out), step).toBe(step === 'new-moved' ? 'blinded' : 'randomization');
      }
    }

    // The next run into DIR (here one that then fails: its lock is missing) cleans up and says so.
    const next = await run(['analyze', join(cwd, 'no-lock'), '--out', 'out'], cwd);
    expect(next.code).toBe(66);
    expect(next.stderr).toMatch(/notice: removed: left by a killed run/);
    expect(sideFolders(cwd)).toEqual([]);
    expect(completeOutput(out)).toBe('blinded');

    // SIGTERM before the new (unblinded) output is in place: rolled back, exit 143.
    const term = await run(['analyze', LOCK, '--randomization', RAND, '--out', 'out'], cwd, {
      signalAt: 'old-moved:SIGTERM',
    });
    expect(term.code).toBe(143);
    expect(term.stderr).toMatch(/interrupted by SIGTERM/);
    expect(completeOutput(out)).toBe('blinded');
    expect(readdirSync(cwd)).toEqual(['out']);
    // SIGINT, and a signal after the new output is in place: test/output/write-output.test.ts.
  }, 300_000);

  it('a closed stderr/stdout (reader gone: EPIPE) keeps the documented exit code', async () => {
    const cwd = scratch('epipe');
    mkdirSync(join(cwd, 'bad'));
    writeFileSync(join(cwd, 'bad', 'lock.json'), '{}');
    const r = await run(['analyze', 'bad', '--out', 'out'], cwd, { closeOutput: true });
    expect(r.code).toBe(65);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
    expect(readFileSync(join(cwd, 'bad', 'lock.json'), 'utf8')).toBe('{}');
  }, 60_000);

  it('a finished command exits at once (bin/sle-msc.js) with its exit code and everything it wrote read whole', async () => {
    const cwd = scratch('exit');
    // `explain` writes several KB to stdout just before the command ends; a missing lock is 66 (cli.md).
    const explain = spawn(process.execPath, [BIN, 'explain', LOCK, '--subject', 'SLEMSC01-101-001'], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    explain.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => explain.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout.length).toBeGreaterThan(1000);
    expect(stdout.endsWith('\n')).toBe(true);
    const missing = await run(['analyze', 'no-such-lock', '--out', 'out'], cwd);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toMatch(/no-such-lock/);
  }, 60_000);
});
