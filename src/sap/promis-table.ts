/**
 * A PROMIS short form's summed-score conversion table (raw → T-score), read from `sap/promis/*.csv`
 * (columns `raw`, `tscore`, `se`). Checked at start: one row for every raw score the form can give
 * (items × itemMin … items × itemMax), nothing else.
 */
import { parse } from 'csv-parse/sync';

export interface PromisTableRow {
  readonly raw: number;
  readonly tscore: number;
  /** T-score standard error; null where no source gives it. */
  readonly se: number | null;
}

export type PromisTableResult =
  | { readonly ok: true; readonly rows: readonly PromisTableRow[] }
  | { readonly ok: false; readonly problems: readonly string[] };

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Parses and checks one table; `rawMin`/`rawMax` are the form's possible summed scores. */
export function parsePromisTable(text: string, rawMin: number, rawMax: number): PromisTableResult {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    return { ok: false, problems: [`not a readable CSV: ${(e as Error).message}`] };
  }
  const [header, ...body] = records;
  if (!header || header.join(',') !== 'raw,tscore,se') {
    return { ok: false, problems: ['the header must be raw,tscore,se'] };
  }
  const problems: string[] = [];
  const rows: PromisTableRow[] = [];
  body.forEach((r, i) => {
    const line = i + 2;
    const [raw = '', tscore = '', se = ''] = r;
    if (!/^\d+$/.test(raw) || !NUMBER.test(tscore) || (se !== '' && !NUMBER.test(se))) {
      problems.push(`line ${line}: raw must be a whole number, tscore a number, se a number or empty`);
      return;
    }
    rows.push({ raw: Number(raw), tscore: Number(tscore), se: se === '' ? null : Number(se) });
  });
  const raws = rows.map((r) => r.raw);
  for (let raw = rawMin; raw <= rawMax; raw++) {
    const n = raws.filter((x) => x === raw).length;
    if (n !== 1) problems.push(`raw score ${raw} must appear exactly once (found ${n})`);
  }
  for (const raw of raws) {
    if (raw < rawMin || raw > rawMax) problems.push(`raw score ${raw} is outside ${rawMin}–${rawMax}`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}
