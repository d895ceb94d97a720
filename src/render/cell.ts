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
import type { CellFormat, StatRef, WhenMissing } from './table-spec.js';

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

/** A descriptive cell whose statistic does not exist is empty rather than NE (SAP §3). */
function blankable(x: number | null, decimals: number, whenMissing: WhenMissing | undefined): string {
  return x === null && whenMissing === 'blank' ? '' : formatNumber(x, decimals);
}

export function formatCell(format: CellFormat, read: StatReader): string {
  switch (format.kind) {
    case 'number':
      return blankable(read(format.value), format.decimals, format.whenMissing);
    case 'count':
      return formatCount(read(format.value));
    case 'countPct': {
      const n = read(format.n);
      const bigN = read(format.bigN);
      if (format.showDenominator !== true) return formatCountPct(n, bigN);
      // n/N (pct): the count and the percentage part as formatCountPct writes them, N between.
      const text = formatCountPct(n, bigN);
      const space = text.indexOf(' ');
      return space < 0
        ? `${text}/${formatCount(bigN)}`
        : `${text.slice(0, space)}/${formatCount(bigN)}${text.slice(space)}`;
    }
    case 'meanSd': {
      const mean = read(format.mean);
      const sd = read(format.sd);
      if (format.whenMissing === 'blank' && mean === null) return '';
      if (format.whenMissing === 'blank' && sd === null) return formatNumber(mean, format.meanDecimals);
      return `${formatNumber(mean, format.meanDecimals)} (${formatNumber(sd, format.sdDecimals)})`;
    }
    case 'pair': {
      const first = read(format.first);
      const second = read(format.second);
      if (format.whenMissing === 'blank' && first === null && second === null) return '';
      const pair = `${formatNumber(first, format.decimals)}, ${formatNumber(second, format.decimals)}`;
      return format.parenthesized === true ? `(${pair})` : pair;
    }
    case 'estimateCi':
      return formatEstimateCi(read(format.estimate), read(format.lower), read(format.upper), estimatePart(format));
    case 'pValue':
      return formatP(read(format.value));
  }
}
