/**
 * One cell's text from its format and the statistics it names (all rounding in format.ts).
 */
import {
  formatCountPct,
  formatEstimateCi,
  formatFractionAsPercent,
  formatNumber,
  formatP,
  formatRatio,
} from './format.js';
import type { CellFormat, StatRef } from './table-spec.js';

/** Reads one statistic of the cell's row and column (null = not estimable). */
export type StatReader = (ref: StatRef) => number | null;

function formatCount(x: number | null): string {
  if (x === null) return formatNumber(null, 0);
  if (!Number.isInteger(x)) throw new RangeError(`a count must be whole: ${x}`);
  return String(x);
}

function estimatePart(format: Extract<CellFormat, { kind: 'estimateCi' }>): (x: number | null) => string {
  switch (format.scale) {
    case 'percent':
      return (x) => formatFractionAsPercent(x, format.decimals);
    case 'ratio':
      return formatRatio;
    case 'number':
      return (x) => formatNumber(x, format.decimals);
  }
}

export function formatCell(format: CellFormat, read: StatReader): string {
  switch (format.kind) {
    case 'number':
      return formatNumber(read(format.value), format.decimals);
    case 'count':
      return formatCount(read(format.value));
    case 'countPct':
      return formatCountPct(read(format.n), read(format.bigN));
    case 'meanSd':
      return `${formatNumber(read(format.mean), format.meanDecimals)} (${formatNumber(read(format.sd), format.sdDecimals)})`;
    case 'pair':
      return `${formatNumber(read(format.first), format.decimals)}, ${formatNumber(read(format.second), format.decimals)}`;
    case 'estimateCi':
      return formatEstimateCi(read(format.estimate), read(format.lower), read(format.upper), estimatePart(format));
    case 'pValue':
      return formatP(read(format.value));
  }
}
