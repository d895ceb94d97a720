/**
 * `sle-msc mmrm`: fits an MMRM to a long-format CSV (one row per subject and visit; empty field =
 * missing) and writes the results as one CSV (sections as rows: fit statistics, fixed effects,
 * covariance parameters, LS means, differences; numbers at full precision) plus a readable summary on
 * stdout. Exit codes (cli.md): 66 unreadable --data, 64 unknown variable or bad option value, 65 data
 * the model cannot use, 73 --out cannot be written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { EXIT, RunError } from '../core/exit-codes.js';
import { ModelInputError } from '../numerics/model/errors.js';
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

function readRows(file: string): Row[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new RunError(EXIT.NOINPUT, `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Row[];
  } catch (e) {
    throw new RunError(EXIT.DATAERR, `${file}: not a readable CSV (${(e as Error).message})`);
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
  if (lhs !== opts.response) throw new RunError(EXIT.USAGE, `--model has response ${lhs} but --response is ${opts.response}`);
  return opts.model;
}

const num = (x: number | null): string => (x === null || !Number.isFinite(x) ? (x === Infinity ? 'Inf' : '') : String(x));
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
  for (const c of fit.fixedEffects) rows.push(['fixed_effect', c.term, c.name, levelsText(c.levels), '', ...estimateCells(c)]);
  for (const c of fit.covarianceParameters) rows.push(['covariance_parameter', '', c.name, '', '', num(c.estimate), ...blank]);
  if (ls) {
    for (const l of ls.lsmeans) rows.push(['lsmean', ls.term, '', levelsText(l.levels), '', ...estimateCells(l)]);
    for (const d of ls.differences)
      rows.push(['difference', ls.term, `${d.variable} ${d.levels[d.variable]} - ${d.reference}`, levelsText(d.levels), d.reference, ...estimateCells(d)]);
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
  const est = (e: MmrmEstimate) => [fixed(e.estimate, 4), fixed(e.se, 4), fixed(e.df, 2), fixed(e.t, 2), pText(e.p), fixed(e.lower, 4), fixed(e.upper, 4)];
  const cols = ['estimate', 'SE', 'df', 't', 'p', 'lower', 'upper'];
  out.push(table('Fixed effects', ['effect', ...cols], fit.fixedEffects.map((f) => [f.name, ...est(f)])));
  out.push(table('Covariance parameters', ['parameter', 'estimate'], fit.covarianceParameters.map((p) => [p.name, p.estimate.toFixed(4)])));
  if (ls) {
    out.push(table(`LS means ${ls.term}`, ['levels', ...cols], ls.lsmeans.map((l) => [levelsText(l.levels), ...est(l)])));
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
  const rows = readRows(resolve(io.cwd, opts.data));
  if (rows.length === 0) throw new RunError(EXIT.DATAERR, `${opts.data}: no data rows`);
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
  if (opts.out) {
    const file = resolve(io.cwd, opts.out);
    try {
      writeFileSync(file, stringify([HEADER, ...mmrmResultRows(fit, ls)]));
    } catch (e) {
      throw new RunError(EXIT.CANTCREAT, `${opts.out}: cannot be written (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  if (!io.quiet) io.stdout(mmrmSummaryText(fit, ls, formula));
  if (!fit.converged) io.stderr(`sle-msc mmrm: warning: the model did not converge (${fit.convergence.message})\n`);
}
