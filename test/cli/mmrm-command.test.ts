// `sle-msc mmrm` on the FEV1 reference data (test/fixtures/mmrm/fev_data.csv); expected numbers are
// SAS PROC MIXED's (../shared/reference/fev/README.md, section A), tolerance as there.
import {
  copyFileSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT, RunError } from '../../src/core/exit-codes.js';
import { MAX_DATA_BYTES, runMmrmCommand } from '../../src/cli/mmrm-command.js';
import { formatIssue } from '../../src/core/issues.js';
import type { MmrmCommandOptions } from '../../src/cli/mmrm-command.js';
import type { CliIo } from '../../src/cli/io.js';

const fixtures = fileURLToPath(new URL('../fixtures/mmrm/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'mmrm-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function capture(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: fixtures, color: false, quiet: false },
    out,
    err,
  };
}

const base: MmrmCommandOptions = {
  data: 'fev_data.csv',
  response: 'FEV1',
  subject: 'USUBJID',
  visit: 'AVISIT',
  model: 'ARMCD*AVISIT + RACE + SEX',
  cov: 'us',
  df: 'satterthwaite',
  method: 'reml',
  lsmeans: 'ARMCD*AVISIT',
  refs: ['RACE=Asian', 'SEX=Male', 'ARMCD=PBO'],
  out: null,
};

async function exitCodeOf(opts: Partial<MmrmCommandOptions>): Promise<number> {
  try {
    await runMmrmCommand({ ...base, ...opts }, capture().io);
    return 0;
  } catch (e) {
    if (e instanceof RunError) return e.exitCode;
    throw e;
  }
}

describe('runMmrmCommand', () => {
  it('writes every section at full precision; TRT − PBO as SAS (README A, max(5e-4, 1e-4 rel); df 0.5)', async () => {
    const { io, out } = capture();
    const file = join(tmp, 'a.csv');
    await runMmrmCommand({ ...base, out: file }, io);
    const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(new Set(rows.map((r) => r.section))).toEqual(
      new Set(['fit', 'fixed_effect', 'covariance_parameter', 'lsmean', 'difference']),
    );
    const fitRow = (name: string) => rows.find((r) => r.section === 'fit' && r.name === name)!.estimate!;
    expect(fitRow('converged')).toBe('1');
    expect(Math.abs(Number(fitRow('minus2_log_likelihood')) - 3386.44987722)).toBeLessThan(1e-4);
    const vis4 = rows.find((r) => r.section === 'difference' && r.levels === 'ARMCD=TRT;AVISIT=VIS4')!;
    // SAS: 4.3985, 1.6805, 133, 0.0099, 1.0746 to 7.7225
    for (const [k, v] of [
      ['estimate', 4.3985],
      ['se', 1.6805],
      ['lower', 1.0746],
      ['upper', 7.7225],
    ] as const)
      expect(Math.abs(Number(vis4[k]) - v)).toBeLessThanOrEqual(Math.max(5e-4, 1e-4 * Math.abs(v)));
    expect(Math.abs(Number(vis4.df) - 133)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(Number(vis4.p) - 0.0099)).toBeLessThanOrEqual(5e-5);
    // full precision: shortest round-trip representation, not rounded
    expect(vis4.estimate!.replace(/^-/, '').length).toBeGreaterThan(12);
    expect(rows.filter((r) => r.section === 'covariance_parameter').map((r) => r.name)).toHaveLength(10);
    const text = out.join('');
    expect(text).toContain('method MMRM-US-SATTERTHWAITE');
    expect(text).toContain('convergence: yes');
    expect(text).toContain('LS means ARMCD*AVISIT');
  });
  it('accepts a whole formula and prints nothing with --quiet', async () => {
    const { io, out } = capture();
    await runMmrmCommand({ ...base, model: 'FEV1 ~ ARMCD', lsmeans: null, df: 'kr', refs: [] }, { ...io, quiet: true });
    expect(out).toEqual([]);
  });
  it('maps failures to the exit codes of cli.md', async () => {
    expect(await exitCodeOf({ data: 'no-such-file.csv' })).toBe(EXIT.NOINPUT);
    expect(await exitCodeOf({ model: 'ARMCD*VISIT' })).toBe(EXIT.USAGE);
    expect(await exitCodeOf({ refs: ['ARMCD'] })).toBe(EXIT.USAGE);
    expect(await exitCodeOf({ refs: ['ARMCD=PLACEBO'] })).toBe(EXIT.USAGE);
    expect(await exitCodeOf({ method: 'ml', df: 'kr' })).toBe(EXIT.USAGE);
    expect(await exitCodeOf({ model: 'WEIGHT ~ ARMCD' })).toBe(EXIT.USAGE);
    expect(await exitCodeOf({ response: 'RACE', model: 'ARMCD', refs: [] })).toBe(EXIT.DATAERR);
    expect(await exitCodeOf({ out: join(tmp, 'no-such-dir', 'x.csv') })).toBe(EXIT.CANTCREAT);
  });

  it('refuses (73) an --out that is the --data file — same path, via a symlink, or a hard link — and touches nothing', async () => {
    const dir = join(tmp, 'same');
    mkdirSync(dir);
    const data = join(dir, 'fev.csv');
    copyFileSync(join(fixtures, 'fev_data.csv'), data);
    symlinkSync(data, join(dir, 'alias.csv'));
    linkSync(data, join(dir, 'hard.csv'));
    const before = readFileSync(data);
    const mtime = statSync(data).mtimeMs;
    for (const out of [data, join(dir, '.', 'fev.csv'), join(dir, 'alias.csv'), join(dir, 'hard.csv')]) {
      expect(await exitCodeOf({ data, out }), out).toBe(EXIT.CANTCREAT);
    }
    expect(readFileSync(data).equals(before)).toBe(true);
    expect(statSync(data).mtimeMs).toBe(mtime);
    expect(readdirSync(dir).sort()).toEqual(['alias.csv', 'fev.csv', 'hard.csv']);
  });

  it('writes --out through a temporary file beside it: an existing result is replaced whole, no temporary left', async () => {
    const dir = join(tmp, 'atomic');
    mkdirSync(dir);
    const out = join(dir, 'res.csv');
    writeFileSync(out, 'old result\n');
    const inode = statSync(out).ino;
    await runMmrmCommand({ ...base, model: 'ARMCD', lsmeans: null, df: 'kr', refs: [], out }, capture().io);
    expect(readFileSync(out, 'utf8')).toMatch(/^section,term,name/);
    expect(statSync(out).ino).not.toBe(inode); // a new file renamed over the old, not the old rewritten in place
    expect(readdirSync(dir)).toEqual(['res.csv']);
    // an --out that cannot be replaced (a folder) fails with 73 and leaves no temporary behind
    mkdirSync(join(dir, 'folder.csv', 'x'), { recursive: true });
    expect(await exitCodeOf({ model: 'ARMCD', lsmeans: null, df: 'kr', refs: [], out: join(dir, 'folder.csv') })).toBe(
      EXIT.CANTCREAT,
    );
    expect(readdirSync(dir).sort()).toEqual(['folder.csv', 'res.csv']);
  });

  it('refuses a --data that is not a regular file with 66 at once (a device such as /dev/zero, a folder)', async () => {
    expect(await exitCodeOf({ data: '/dev/zero' })).toBe(EXIT.NOINPUT);
    expect(await exitCodeOf({ data: tmp })).toBe(EXIT.NOINPUT);
  });

  it('refuses a --data file larger than MAX_DATA_BYTES with 65 without reading it', async () => {
    const big = join(tmp, 'big.csv');
    writeFileSync(big, '');
    const { truncateSync } = await import('node:fs');
    truncateSync(big, MAX_DATA_BYTES + 1); // sparse: no disk used
    expect(await exitCodeOf({ data: big })).toBe(EXIT.DATAERR);
    rmSync(big);
  });

  it('names a duplicated subject/visit row by the file, line, column, subject id and visit value', async () => {
    const file = join(tmp, 'dup.csv');
    const lines = readFileSync(join(fixtures, 'fev_data.csv'), 'utf8').trimEnd().split('\n');
    writeFileSync(file, [...lines, lines[2]].join('\n') + '\n'); // PT1 at VIS2 again, as the last line
    let error: RunError | null = null;
    await runMmrmCommand({ ...base, data: file }, capture().io).catch((e: unknown) => (error = e as RunError));
    expect(error).toBeInstanceOf(RunError);
    expect(error!.exitCode).toBe(EXIT.DATAERR);
    expect(error!.issues.map(formatIssue)).toEqual([
      `${file}:${lines.length + 1}:AVISIT: subject PT1 has more than one row at AVISIT VIS2 (first on line 3); one row per subject and visit`,
    ]);
    expect(error!.issues.map(formatIssue).join(' ')).not.toMatch(/subject \d+ |visit \d+\b/);
  });

  it('names a non-numeric response by its line and column', async () => {
    const file = join(tmp, 'resp.csv');
    const lines = readFileSync(join(fixtures, 'fev_data.csv'), 'utf8').trimEnd().split('\n');
    lines[2] = lines[2]!.replace('39.9710497720302', 'n/a');
    writeFileSync(file, lines.join('\n') + '\n');
    let error: RunError | null = null;
    await runMmrmCommand({ ...base, data: file }, capture().io).catch((e: unknown) => (error = e as RunError));
    expect(error!.exitCode).toBe(EXIT.DATAERR);
    expect(error!.issues.map(formatIssue)).toEqual([
      `${file}:3:FEV1: response FEV1 is not a number: "n/a" (subject PT1)`,
    ]);
  });
});
