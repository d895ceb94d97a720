/**
 * `sle-msc mmrm`: fits an MMRM to a long-format CSV (one row per subject and visit; empty field =
 * missing) and writes the results as one CSV (sections as rows: fit statistics, fixed effects,
 * covariance parameters, LS means, differences; numbers at full precision) plus a readable summary on
 * stdout. Exit codes (cli.md): 66 --data missing or not readable as a file (a folder, a device such as
 * /dev/zero, a pipe), 64 unknown variable or bad option value, 65 data the model cannot use (including
 * a file larger than MAX_DATA_BYTES, two rows of one subject at one visit, a non-numeric response:
 * each named `file:line:COLUMN` with the subject id and visit value of the data), 73 --out cannot be
 * written or is the --data file itself (checked on the real paths, before the fit; nothing touched).
 * --out is written to a temporary file beside it and renamed into place, so it is never half-written.
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { EXIT, RunError } from '../core/exit-codes.js';
import { issue, type Issue } from '../core/issues.js';
import { ModelInputError } from '../numerics/model/errors.js';
import { isMissing, numericValue } from '../numerics/model/variables.js';
import { MmrmFitError, fitMmrm } from '../numerics/mmrm/fit.js';
import { mmrmLsMeans } from '../numerics/mmrm/lsmeans.js';
import type { MmrmLsMeansResult } from '../numerics/mmrm/lsmeans.js';
import { SAS_COVARIANCE_NAME } from '../numerics/mmrm/structures/index.js';
import type { CovarianceType, MmrmDfMethod, MmrmEstimate, MmrmFit } from '../numerics/mmrm/types.js';
import type { CliIo } from './io.js';

export interface MmrmCommandOptions {
  readonly data: string;
  readonly response: string;
  readonly subject: string;
  readonly visit: string;
  /** Right-hand side (`ARMCD*AVISIT + RACE`) or a whole formula whose response is `response`. */
  readonly model: string;
  readonly cov: CovarianceType;
  readonly df: MmrmDfMethod;
  readonly method: 'reml' | 'ml';
  readonly lsmeans: string | null;
  /** `VAR=LEVEL` items. */
  readonly refs: readonly string[];
  readonly out: string | null;
  /** Visit order of the covariance (default: natural order of the labels, WEEK4 < WEEK12). */
  readonly visitOrder?: readonly string[] | null;
}

type Row = Record<string, string>;

/** A data row with the physical line of the CSV it ends on (header = 1). */
interface DataRow {
  readonly record: Row;
  readonly line: number;
}

/**
 * Largest --data accepted (128 MiB, about a million rows): long-format trial data are far smaller (the
 * FEV1 example is 60 kB). Parsed rows take ~16 times the file's size (128 MiB: 2.1 GB resident, fitted
 * in a minute), so the cap keeps a wrong path (a log, a dump) within V8's heap instead of aborting.
 */
export const MAX_DATA_BYTES = 128 * 1024 * 1024;

/** The text of --data: a regular file of at most MAX_DATA_BYTES (read in bounded pieces). */
function readDataText(file: string, shown: string): string {
  let fd: number;
  try {
    // A FIFO would block open() and a device never ends: look before opening.
    if (!statSync(file).isFile())
      throw new RunError(EXIT.NOINPUT, `${shown}: not a regular file (cannot be read as a data file)`);
    fd = openSync(file, 'r');
  } catch (e) {
    if (e instanceof RunError) throw e;
    throw new RunError(EXIT.NOINPUT, `${shown}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    if (!fstatSync(fd).isFile())
      throw new RunError(EXIT.NOINPUT, `${shown}: not a regular file (cannot be read as a data file)`);
    const tooLarge = () =>
      new RunError(
        EXIT.DATAERR,
        `${shown}: larger than ${MAX_DATA_BYTES / 1024 / 1024} MiB, the most a --data file may hold`,
      );
    if (fstatSync(fd).size > MAX_DATA_BYTES) throw tooLarge();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.alloc(1 << 20);
      const got = readSync(fd, buf, 0, buf.length, null);
      if (got === 0) break;
      total += got;
      if (total > MAX_DATA_BYTES) throw tooLarge(); // grew while being read
      chunks.push(buf.subarray(0, got));
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch (e) {
    if (e instanceof RunError) throw e;
    throw new RunError(EXIT.NOINPUT, `${shown}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    closeSync(fd);
  }
}

function readRows(file: string, shown: string): DataRow[] {
  const text = readDataText(file, shown);
  try {
    const parsed = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true, info: true }) as {
      record: Row;
      info: { lines: number };
    }[];
    return parsed.map((p) => ({ record: p.record, line: p.info.lines }));
  } catch (e) {
    throw new RunError(EXIT.DATAERR, `${shown}: not a readable CSV (${(e as Error).message})`);
  }
}

/**
 * Rules on the rows that the model's own messages could only state by internal index: one row per
 * subject and visit, a numeric response. Each defect names the CSV line, the column, the subject id
 * and the visit value as they are in the file.
 */
function rowIssues(rows: readonly DataRow[], opts: MmrmCommandOptions, shown: string): Issue[] {
  const issues: Issue[] = [];
  const header = new Set(rows.flatMap((r) => Object.keys(r.record)));
  if (header.has(opts.response))
    for (const { record, line } of rows) {
      const v = record[opts.response];
      if (!isMissing(v) && numericValue(v) === null)
        issues.push(
          issue(
            'error',
            shown,
            `response ${opts.response} is not a number: "${v}" (subject ${record[opts.subject] ?? ''})`,
            line,
            opts.response,
          ),
        );
    }
  if (!header.has(opts.subject) || !header.has(opts.visit)) return issues;
  const firstLine = new Map<string, number>();
  for (const { record, line } of rows) {
    const id = record[opts.subject];
    const visit = record[opts.visit];
    if (isMissing(id) || isMissing(visit)) continue;
    const key = JSON.stringify([id, visit]);
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, line);
    else
      issues.push(
        issue(
          'error',
          shown,
          `subject ${id} has more than one row at ${opts.visit} ${visit} (first on line ${first}); one row per subject and visit`,
          line,
          opts.visit,
        ),
      );
  }
  return issues;
}

/** cli.md: never overwrite an input. Same file = same real path or same device and inode (hard links). */
function assertOutputIsNotData(outFile: string, dataFile: string, shownOut: string): void {
  if (!existsSync(outFile)) return;
  const same =
    realpathSync(outFile) === realpathSync(dataFile) ||
    (() => {
      const o = statSync(outFile);
      const d = statSync(dataFile);
      return o.dev === d.dev && o.ino === d.ino;
    })();
  if (same) throw new RunError(EXIT.CANTCREAT, `--out ${shownOut} is the --data file; refusing to overwrite an input`);
}

/** Writes to a temporary file beside `file`, then renames it into place: never a half-written --out. */
function writeAtomically(file: string, text: string, shown: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}-${Math.floor(Math.random() * 1e9)}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, file);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing to remove
    }
    throw new RunError(EXIT.CANTCREAT, `${shown}: cannot be written (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function parseRefs(refs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of refs) {
    const i = r.indexOf('=');
    if (i <= 0 || i === r.length - 1) throw new RunError(EXIT.USAGE, `--ref ${r}: expected VAR=LEVEL`);
    out[r.slice(0, i).trim()] = r.slice(i + 1).trim();
  }
  return out;
}

function formulaOf(opts: MmrmCommandOptions): string {
  if (!opts.model.includes('~')) return `${opts.response} ~ ${opts.model}`;
  const lhs = opts.model.split('~')[0]!.trim();
  if (lhs !== opts.response)
    throw new RunError(EXIT.USAGE, `--model has response ${lhs} but --response is ${opts.response}`);
  return opts.model;
}

const num = (x: number | null): string =>
  x === null || !Number.isFinite(x) ? (x === Infinity ? 'Inf' : '') : String(x);
const levelsText = (l: Readonly<Record<string, string>>): string =>
  Object.entries(l)
    .map(([k, v]) => `${k}=${v}`)
    .join(';');

const HEADER = ['section', 'term', 'name', 'levels', 'reference', 'estimate', 'se', 'df', 'lower', 'upper', 't', 'p'];

function estimateCells(e: MmrmEstimate): string[] {
  return [num(e.estimate), num(e.se), num(e.df), num(e.lower), num(e.upper), num(e.t), num(e.p)];
}

/** All result rows of the output CSV. */
export function mmrmResultRows(fit: MmrmFit, ls: MmrmLsMeansResult | null): string[][] {
  const blank = ['', '', '', '', '', ''];
  const rows: string[][] = [
    ['fit', '', 'converged', '', '', fit.converged ? '1' : '0', ...blank],
    ['fit', '', 'minus2_log_likelihood', '', '', num(fit.minus2LogLik), ...blank],
    ['fit', '', 'aic', '', '', num(fit.aic), ...blank],
    ['fit', '', 'bic', '', '', num(fit.bic), ...blank],
    ['fit', '', 'observations', '', '', String(fit.nObs), ...blank],
    ['fit', '', 'subjects', '', '', String(fit.nSubjects), ...blank],
  ];
  for (const c of fit.fixedEffects)
    rows.push(['fixed_effect', c.term, c.name, levelsText(c.levels), '', ...estimateCells(c)]);
  for (const c of fit.covarianceParameters)
    rows.push(['covariance_parameter', '', c.name, '', '', num(c.estimate), ...blank]);
  if (ls) {
    for (const l of ls.lsmeans) rows.push(['lsmean', ls.term, '', levelsText(l.levels), '', ...estimateCells(l)]);
    for (const d of ls.differences)
      rows.push([
        'difference',
        ls.term,
        `${d.variable} ${d.levels[d.variable]} - ${d.reference}`,
        levelsText(d.levels),
        d.reference,
        ...estimateCells(d),
      ]);
  }
  return rows;
}

function fixed(x: number | null, digits: number): string {
  return x === null ? 'NE' : x === Infinity ? 'Inf' : x.toFixed(digits);
}

function pText(p: number | null): string {
  return p === null ? 'NE' : p < 1e-4 ? '<.0001' : p.toFixed(4);
}

function table(title: string, header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [`${title}`, line(header), ...rows.map(line), ''].join('\n');
}

/** The readable summary printed to stdout. */
export function mmrmSummaryText(fit: MmrmFit, ls: MmrmLsMeansResult | null, formula: string): string {
  const c = fit.convergence;
  const out = [
    `MMRM  ${formula}`,
    `covariance ${SAS_COVARIANCE_NAME[fit.covariance]} (${fit.covariance}), ${fit.estimation.toUpperCase()}, df ${fit.dfMethod}; method ${fit.method}`,
    `visits (covariance order): ${fit.visits.join(', ')}`,
    `${fit.nObs} observations, ${fit.nSubjects} subjects, ${fit.nPatterns} missing-data patterns, rank X = ${fit.rank}`,
    `convergence: ${fit.converged ? 'yes' : 'NO'} (${c.message}; ${c.iterations} iterations; relative decrement ${c.relativeDecrement.toExponential(2)}; ` +
      `Hessian PD ${c.hessianPositiveDefinite ? 'yes' : 'no'}; covariance PD ${c.covariancePositiveDefinite ? 'yes' : 'no'}, max |r| ${c.maxAbsCorrelation.toFixed(4)})`,
    `-2 ${fit.estimation === 'reml' ? 'Res ' : ''}Log Likelihood ${fit.minus2LogLik.toFixed(4)}   AIC ${fit.aic.toFixed(4)}   BIC ${fit.bic.toFixed(4)}`,
    '',
  ];
  const est = (e: MmrmEstimate) => [
    fixed(e.estimate, 4),
    fixed(e.se, 4),
    fixed(e.df, 2),
    fixed(e.t, 2),
    pText(e.p),
    fixed(e.lower, 4),
    fixed(e.upper, 4),
  ];
  const cols = ['estimate', 'SE', 'df', 't', 'p', 'lower', 'upper'];
  out.push(
    table(
      'Fixed effects',
      ['effect', ...cols],
      fit.fixedEffects.map((f) => [f.name, ...est(f)]),
    ),
  );
  out.push(
    table(
      'Covariance parameters',
      ['parameter', 'estimate'],
      fit.covarianceParameters.map((p) => [p.name, p.estimate.toFixed(4)]),
    ),
  );
  if (ls) {
    out.push(
      table(
        `LS means ${ls.term}`,
        ['levels', ...cols],
        ls.lsmeans.map((l) => [levelsText(l.levels), ...est(l)]),
      ),
    );
    out.push(
      table(
        `Differences (${ls.variables[0]} vs ${ls.differences[0]?.reference ?? ''})`,
        ['levels', ...cols],
        ls.differences.map((d) => [levelsText(d.levels), ...est(d)]),
      ),
    );
  }
  for (const w of fit.warnings) out.push(`warning: ${w}`);
  return out.join('\n') + '\n';
}

function asRunError(e: unknown): never {
  if (e instanceof ModelInputError) throw new RunError(e.kind === 'spec' ? EXIT.USAGE : EXIT.DATAERR, e.message);
  if (e instanceof MmrmFitError) throw new RunError(EXIT.DATAERR, `the model cannot be fitted: ${e.message}`);
  throw e;
}

export async function runMmrmCommand(opts: MmrmCommandOptions, io: CliIo): Promise<void> {
  const reference = parseRefs(opts.refs);
  const formula = formulaOf(opts);
  const dataFile = resolve(io.cwd, opts.data);
  const outFile = opts.out ? resolve(io.cwd, opts.out) : null;
  const dataRows = readRows(dataFile, opts.data);
  if (outFile) assertOutputIsNotData(outFile, dataFile, opts.out!);
  if (dataRows.length === 0) throw new RunError(EXIT.DATAERR, `${opts.data}: no data rows`);
  const issues = rowIssues(dataRows, opts, opts.data);
  if (issues.length > 0)
    throw new RunError(EXIT.DATAERR, `${opts.data}: ${issues.length} row(s) the model cannot use`, issues);
  const rows = dataRows.map((r) => r.record);
  let fit: MmrmFit;
  let ls: MmrmLsMeansResult | null = null;
  try {
    fit = fitMmrm(rows, {
      formula,
      subject: opts.subject,
      visit: opts.visit,
      covariance: opts.cov,
      estimation: opts.method,
      df: opts.df,
      reference,
      ...(opts.visitOrder ? { visitLevels: opts.visitOrder } : {}),
    });
    if (opts.lsmeans) ls = mmrmLsMeans(fit, opts.lsmeans);
  } catch (e) {
    asRunError(e);
  }
  if (outFile) writeAtomically(outFile, stringify([HEADER, ...mmrmResultRows(fit, ls)]), opts.out!);
  if (!io.quiet) io.stdout(mmrmSummaryText(fit, ls, formula));
  if (!fit.converged) io.stderr(`sle-msc mmrm: warning: the model did not converge (${fit.convergence.message})\n`);
}
