/**
 * Least-squares means of a class term of a fitted MMRM (SAS LSMEANS / R emmeans defaults): at each
 * level combination of the term's variables, class variables not in the term averaged with equal
 * weights, continuous covariates at their mean over the observations used (a product of continuous
 * covariates at the product of their means). Differences: each level of the term's first variable
 * minus its reference level, within each level combination of the others, each with its own df.
 * Non-estimable cells (e.g. an arm without data at a visit) are all-null records.
 */
import { ModelInputError } from '../model/errors.js';
import { estimableContrast } from '../model/estimability.js';
import type { DesignColumn } from '../model/design.js';
import type { ClassVariable, ModelVariable } from '../model/variables.js';
import { NOT_ESTIMABLE, contrastEstimate } from './contrast.js';
import type { MmrmEstimate, MmrmFit } from './types.js';

export interface MmrmLsMean extends MmrmEstimate {
  readonly levels: Readonly<Record<string, string>>;
}

export interface MmrmLsMeanDifference extends MmrmEstimate {
  /** Level of the compared variable and of the other variables of the term. */
  readonly levels: Readonly<Record<string, string>>;
  readonly variable: string;
  readonly reference: string;
}

export interface MmrmLsMeansResult {
  readonly term: string;
  readonly variables: readonly string[];
  readonly lsmeans: readonly MmrmLsMean[];
  readonly differences: readonly MmrmLsMeanDifference[];
  readonly method: string;
  readonly converged: boolean;
  readonly warnings: readonly string[];
}

export interface LsMeansOptions {
  readonly alpha?: number;
  /** Reference level of the first variable (default: the variable's reference level). */
  readonly reference?: string;
  /**
   * Whether each LS mean gets its p-value against 0 (default true); false leaves them null (the
   * differences always get theirs). The trial's analyses report none: ~280 incomplete beta functions a
   * run for nothing.
   */
  readonly lsmeanPValues?: boolean;
}

/** The variables of each column's term (null for the intercept), looked up once per LS means call. */
function columnVariables(fit: MmrmFit): readonly (readonly ModelVariable[] | null)[] {
  const { design } = fit;
  return design.allColumns.map((col) => {
    if (col.term === '(Intercept)') return null;
    const term = design.formula.terms.find((t) => t.label === col.term)!;
    return term.variables.map((name) => design.variables.get(name)!);
  });
}

/** L over all columns of the design for one cell of the term (`variables`: columnVariables(fit)). */
function cellContrast(
  fit: MmrmFit,
  variables: readonly (readonly ModelVariable[] | null)[],
  cell: Readonly<Record<string, string>>,
): Float64Array {
  // A loop, not `Float64Array.from` with a mapping function (an iterator step and a closure call per column).
  const columns = fit.design.allColumns;
  const L = new Float64Array(columns.length);
  for (let c = 0; c < columns.length; c++) L[c] = cellWeight(columns[c]!, variables[c] ?? null, cell);
  return L;
}

/** One column's entry of a cell's L: 1 for the intercept, else the product over the term's variables. */
function cellWeight(
  col: DesignColumn,
  termVariables: readonly ModelVariable[] | null,
  cell: Readonly<Record<string, string>>,
): number {
  if (!termVariables) return 1;
  let w = 1;
  for (let i = 0; i < termVariables.length; i++) {
    const v = termVariables[i]!;
    const name = v.name;
    if (v.kind === 'continuous') w *= v.mean;
    else if (name in cell) w *= col.levels[name] === cell[name] ? 1 : 0;
    else w /= v.levels.length;
  }
  return w;
}

/**
 * `cell` with `name` set to `level` (kept in its place when present, else last): the same keys in the
 * same order as `{ ...cell, [name]: level }`, whose computed key in optimized code gave each cell a
 * hidden class of its own (~270 a run); stores key by key share one chain of maps.
 */
function withLevel(cell: Readonly<Record<string, string>>, name: string, level: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(cell)) out[key] = cell[key]!;
  out[name] = level;
  return out;
}

function estimateFor(fit: MmrmFit, full: Float64Array, alpha: number, withP = true): MmrmEstimate {
  const c = estimableContrast(fit.design, full);
  return c ? contrastEstimate(fit.inference, fit.dfMethod, c, alpha, withP) : NOT_ESTIMABLE;
}

/** `term`: variables joined by `*` or `:` (e.g. `ARMCD*AVISIT`), each a class variable of the model. */
export function mmrmLsMeans(fit: MmrmFit, term: string, options: LsMeansOptions = {}): MmrmLsMeansResult {
  const alpha = options.alpha ?? 0.05;
  const names = term.split(/[*:]/).map((s) => s.trim());
  const vars = names.map((n) => {
    const v = fit.design.variables.get(n);
    if (!v) throw new ModelInputError('spec', `LS means: ${n} is not a variable of the model`);
    if (v.kind !== 'class') throw new ModelInputError('spec', `LS means: ${n} is not a class variable`);
    return v;
  });
  if (new Set(names).size !== names.length) throw new ModelInputError('spec', `LS means: ${term} repeats a variable`);
  let cells: Record<string, string>[] = [{}];
  for (const v of vars) cells = cells.flatMap((c) => v.levels.map((l) => withLevel(c, v.name, l)));
  const variables = columnVariables(fit);
  const withP = options.lsmeanPValues ?? true;
  const lsmeans = cells.map((cell) => ({
    levels: cell,
    ...estimateFor(fit, cellContrast(fit, variables, cell), alpha, withP),
  }));

  const first = vars[0]! as ClassVariable;
  const reference = options.reference ?? first.reference;
  if (!first.levels.includes(reference))
    throw new ModelInputError('spec', `LS means: "${reference}" is not a level of ${first.name}`);
  const differences: MmrmLsMeanDifference[] = [];
  const others = cells.filter((c) => c[first.name] === reference);
  for (const base of others) {
    const b = cellContrast(fit, variables, base);
    for (const level of first.levels) {
      if (level === reference) continue;
      const cell = withLevel(base, first.name, level);
      const a = cellContrast(fit, variables, cell);
      const diff = a.map((x, i) => x - b[i]!);
      differences.push({ levels: cell, variable: first.name, reference, ...estimateFor(fit, diff, alpha) });
    }
  }
  return {
    term: names.join('*'),
    variables: names,
    lsmeans,
    differences,
    method: fit.method,
    converged: fit.converged,
    warnings: fit.warnings,
  };
}
