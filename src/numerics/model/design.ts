/**
 * Fixed-effects design of a linear model from data rows: observations with a missing response or
 * covariate (or a missing value in `requiredColumns`) are dropped; each term is coded with full
 * indicators, reference level last (SAS's GLM parametrisation); aliased columns are then dropped
 * (../model/aliasing.ts), which gives R's treatment contrasts. X is stored sparse by rows (CSR) over the
 * kept columns.
 */
import { findAliasedColumns } from './aliasing.js';
import { ModelInputError } from './errors.js';
import type { ModelFormula } from './formula.js';
import { classifyVariable, isMissing, levelLabel, numericValue } from './variables.js';
import type { ClassVariable, DataRow, ModelVariable } from './variables.js';

export interface DesignColumn {
  /** R-style name: `(Intercept)`, `ARMCDTRT`, `ARMCDTRT:AVISITVIS2`, `BASE`, `AVISITVIS2:BASE`. */
  readonly name: string;
  /** Term label, `(Intercept)` for the intercept. */
  readonly term: string;
  /** Level of each class variable of the term. */
  readonly levels: Readonly<Record<string, string>>;
}

export interface DesignSpec {
  readonly formula: ModelFormula;
  /** Variables treated as class whatever their values. */
  readonly classVariables?: readonly string[];
  /** Reference level per class variable. */
  readonly reference?: Readonly<Record<string, string>>;
  /** Columns that must be non-missing for a row to be used (e.g. subject and visit). */
  readonly requiredColumns?: readonly string[];
}

export interface ModelDesign {
  readonly formula: ModelFormula;
  readonly variables: ReadonlyMap<string, ModelVariable>;
  /** All columns of the full-indicator coding. */
  readonly allColumns: readonly DesignColumn[];
  /** Indices into allColumns of the kept (estimable) columns: the columns of X. */
  readonly kept: readonly number[];
  /** Aliased columns with their coefficients on the kept columns. */
  readonly aliased: readonly { readonly column: number; readonly coefficients: Float64Array }[];
  /** Indices of the input rows used, in input order. */
  readonly usedRows: Int32Array;
  readonly y: Float64Array;
  /** CSR storage of X over kept columns. */
  readonly rowPtr: Int32Array;
  readonly colIdx: Int32Array;
  readonly values: Float64Array;
  /**
   * X'X over all columns (allColumns × allColumns, row-major), observation by observation: the
   * aliasing check's, kept for the OLS start values (its kept rows and columns are X'X).
   */
  readonly fullCrossProducts: Float64Array;
  readonly warnings: readonly string[];
}

interface TermCoding {
  readonly label: string;
  readonly variables: readonly ModelVariable[];
  /** For each class variable of the term, its levels in coding order (reference last). */
  readonly codingLevels: readonly (readonly string[])[];
  readonly offset: number;
  readonly size: number;
}

function codingLevels(v: ClassVariable): string[] {
  return [...v.levels.filter((l) => l !== v.reference), v.reference];
}

function columnName(vars: readonly ModelVariable[], levels: readonly (string | null)[]): string {
  return vars.map((v, i) => (v.kind === 'class' ? `${v.name}${levels[i]}` : v.name)).join(':');
}

function buildTermCodings(
  formula: ModelFormula,
  variables: ReadonlyMap<string, ModelVariable>,
): {
  codings: TermCoding[];
  columns: DesignColumn[];
} {
  const columns: DesignColumn[] = [{ name: '(Intercept)', term: '(Intercept)', levels: {} }];
  const codings: TermCoding[] = [];
  for (const term of formula.terms) {
    const vars = term.variables.map((n) => variables.get(n)!);
    const lv = vars.map((v) => (v.kind === 'class' ? codingLevels(v) : [null]));
    const offset = columns.length;
    // cartesian product, last variable fastest (SAS and R order)
    let combos: (string | null)[][] = [[]];
    for (const l of lv) combos = combos.flatMap((c) => l.map((x) => [...c, x]));
    for (const c of combos) {
      const levels: Record<string, string> = {};
      vars.forEach((v, i) => {
        if (v.kind === 'class') levels[v.name] = c[i]!;
      });
      columns.push({ name: columnName(vars, c), term: term.label, levels });
    }
    codings.push({
      label: term.label,
      variables: vars,
      codingLevels: lv.map((l) => l.filter((x): x is string => x !== null)),
      offset,
      size: combos.length,
    });
  }
  return { codings, columns };
}

/**
 * Which of a term's columns one row falls in (0 … size − 1): its class variables' levels, last
 * fastest. Column index and value are two functions, not one returning an object: an object per
 * row and term was most of the garbage of a design of 50,000 observations.
 */
function termLevelIndex(t: TermCoding, row: DataRow): number {
  let idx = 0;
  let ci = 0;
  for (let i = 0; i < t.variables.length; i++) {
    const v = t.variables[i] as ModelVariable;
    if (v.kind !== 'class') continue;
    const levels = t.codingLevels[ci++]!;
    idx = idx * levels.length + levels.indexOf(levelLabel(row[v.name]));
  }
  return idx;
}

/** The value of one row in its term's column: the product of the term's continuous variables (1 if none). */
function termValue(t: TermCoding, row: DataRow): number {
  let value = 1;
  for (let i = 0; i < t.variables.length; i++) {
    const v = t.variables[i] as ModelVariable;
    if (v.kind !== 'class') value *= numericValue(row[v.name])!;
  }
  return value;
}

/** Whether `name` is one of the row's own enumerable fields (one of its `Object.keys`). */
function isOwnField(row: DataRow, name: string): boolean {
  return Object.prototype.propertyIsEnumerable.call(row, name);
}

/** Whether none of `names` is missing in the row. */
function hasEvery(row: DataRow, names: readonly string[]): boolean {
  for (let i = 0; i < names.length; i++) if (isMissing(row[names[i] as string])) return false;
  return true;
}

/**
 * One observation's products x_a·x_b into the upper triangle of X'X (a ≤ b: its entries' columns
 * increase, one per term after the intercept). The lower triangle is the same sums of the same
 * products (x_b·x_a = x_a·x_b exactly), so it is copied afterwards instead of summed again: half the
 * products of a loop that runs ~250,000 times a sample run, mostly before V8 has compiled it.
 */
function addUpperCrossProducts(
  xtx: Float64Array,
  pFull: number,
  cols: Int32Array,
  vals: Float64Array,
  start: number,
  count: number,
): void {
  for (let a = start; a < start + count; a++) {
    const row = cols[a]! * pFull;
    const va = vals[a]!;
    for (let b = a; b < start + count; b++) xtx[row + cols[b]!]! += va * vals[b]!;
  }
}

/** The lower triangle of a square row-major matrix set from its upper one. */
function mirrorUpperTriangle(M: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) M[i * n + j] = M[j * n + i]!;
}

// buildDesignMatrix's loops over the observations are functions of their own: V8 compiled the whole
// function, inlined callees and all, to optimize its loop while it ran (one compilation of ~50 ms, up to
// ~230 ms on a busy machine, for the 29 designs of a sample run); compiled alone each loop costs a few ms.

/** Indices of the rows where none of `names` is missing, in order. */
function rowsWithEvery(rows: readonly DataRow[], names: readonly string[]): number[] {
  const used: number[] = [];
  for (let i = 0; i < rows.length; i++) if (hasEvery(rows[i] as DataRow, names)) used.push(i);
  return used;
}

/** Throws on the first used row whose response is not a number. */
function checkNumericResponse(rows: readonly DataRow[], used: readonly number[], response: string): void {
  for (let k = 0; k < used.length; k++) {
    const row = rows[used[k]!]!;
    if (numericValue(row[response]) === null)
      throw new ModelInputError('data', `response ${response} has a non-numeric value "${String(row[response])}"`);
  }
}

/** The full-indicator coding's arrays, filled by `codeObservations`. */
interface FullCoding {
  /** Column and value of each observation's entries: the intercept, then one per term. */
  readonly fullCol: Int32Array;
  readonly fullVal: Float64Array;
  readonly y: Float64Array;
  /** X'X over all columns, upper triangle. */
  readonly xtx: Float64Array;
  readonly pFull: number;
}

/** Each used row's response, its entries in the full coding, and its products into X'X's upper triangle. */
function codeObservations(
  rows: readonly DataRow[],
  used: readonly number[],
  response: string,
  codings: readonly TermCoding[],
  { fullCol, fullVal, y, xtx, pFull }: FullCoding,
): void {
  const nnzPerRow = 1 + codings.length;
  for (let o = 0; o < used.length; o++) {
    const row = rows[used[o]!]!;
    y[o] = numericValue(row[response])!;
    fullCol[o * nnzPerRow] = 0;
    fullVal[o * nnzPerRow] = 1;
    for (let k = 0; k < codings.length; k++) {
      const t = codings[k] as TermCoding;
      fullCol[o * nnzPerRow + 1 + k] = t.offset + termLevelIndex(t, row);
      fullVal[o * nnzPerRow + 1 + k] = termValue(t, row);
    }
    addUpperCrossProducts(xtx, pFull, fullCol, fullVal, o * nnzPerRow, nnzPerRow);
  }
}

/**
 * X in CSR form over the kept columns (`keptIndex`: kept position of each full column, −1 if aliased),
 * zero values left out. At most nnzPerRow entries a row: filled in arrays of that size and cut to the
 * entries kept (growing arrays by push took most of the design's time at 50,000 observations).
 */
function keptEntries(
  fullCol: Int32Array,
  fullVal: Float64Array,
  n: number,
  nnzPerRow: number,
  keptIndex: Int32Array,
): { rowPtr: Int32Array; colIdx: Int32Array; values: Float64Array } {
  const rowPtr = new Int32Array(n + 1);
  const colIdxAll = new Int32Array(n * nnzPerRow);
  const valuesAll = new Float64Array(n * nnzPerRow);
  let nnz = 0;
  for (let o = 0; o < n; o++) {
    for (let a = 0; a < nnzPerRow; a++) {
      const c = keptIndex[fullCol[o * nnzPerRow + a]!]!;
      const v = fullVal[o * nnzPerRow + a]!;
      if (c >= 0 && v !== 0) {
        colIdxAll[nnz] = c;
        valuesAll[nnz] = v;
        nnz++;
      }
    }
    rowPtr[o + 1] = nnz;
  }
  return { rowPtr, colIdx: colIdxAll.slice(0, nnz), values: valuesAll.slice(0, nnz) };
}

export function buildDesignMatrix(rows: readonly DataRow[], spec: DesignSpec): ModelDesign {
  const { formula } = spec;
  const needed = [formula.response, ...formula.variables, ...(spec.requiredColumns ?? [])];
  for (const n of needed)
    if (!rows.some((r) => isOwnField(r, n))) throw new ModelInputError('spec', `unknown variable ${n}`);
  for (const n of Object.keys(spec.reference ?? {}))
    if (!formula.variables.includes(n))
      throw new ModelInputError('spec', `reference given for ${n}, which is not in the model`);

  const used = rowsWithEvery(rows, needed);
  checkNumericResponse(rows, used, formula.response);
  if (used.length === 0) throw new ModelInputError('data', 'no observation has the response and every covariate');
  const usedRows = Int32Array.from(used);

  const forced = new Set(spec.classVariables ?? []);
  const variables = new Map<string, ModelVariable>();
  for (const n of formula.variables)
    variables.set(n, classifyVariable(n, rows, usedRows, forced.has(n), spec.reference?.[n]));

  const { codings, columns } = buildTermCodings(formula, variables);
  const pFull = columns.length;
  const n = used.length;
  const nnzPerRow = 1 + codings.length;
  const fullCol = new Int32Array(n * nnzPerRow);
  const fullVal = new Float64Array(n * nnzPerRow);
  const y = new Float64Array(n);
  const xtx = new Float64Array(pFull * pFull);
  codeObservations(rows, used, formula.response, codings, { fullCol, fullVal, y, xtx, pFull });
  mirrorUpperTriangle(xtx, pFull);
  const { kept, aliased } = findAliasedColumns(xtx, pFull);
  const keptIndex = new Int32Array(pFull).fill(-1);
  kept.forEach((c, i) => (keptIndex[c] = i));

  const { rowPtr, colIdx, values } = keptEntries(fullCol, fullVal, n, nnzPerRow, keptIndex);

  const warnings: string[] = [];
  for (const { column } of aliased) {
    const col = columns[column]!;
    const involvesReference = Object.entries(col.levels).some(
      ([v, l]) => (variables.get(v) as ClassVariable).reference === l,
    );
    if (!involvesReference && column !== 0)
      warnings.push(`column ${col.name} is aliased with earlier columns (e.g. an empty cell) and is dropped`);
  }
  return {
    formula,
    variables,
    allColumns: columns,
    kept,
    aliased,
    usedRows,
    y,
    rowPtr,
    colIdx,
    values,
    fullCrossProducts: xtx,
    warnings,
  };
}
