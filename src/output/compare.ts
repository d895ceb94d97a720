/**
 * `sle-msc compare`: what differs between two output folders (cli.md), as a CI job asks after
 * regenerating the TLFs at a new lock. Pure: the folders come in as maps of relative path → bytes.
 *
 * - `ard.csv`: rows matched by their eight key columns; values equal, or within a relative tolerance
 *   of the larger magnitude (`|a − b| ≤ tol · max(|a|, |b|)`); an empty value equals only an empty one.
 * - `adam/*.csv`: rows matched by the dataset's key variables (when known and unique in both files),
 *   otherwise by position; each differing variable is named. Numbers compare as the ARD's do.
 * - `manifest.json`: the inputs (hashes of the lock files, SAP settings, randomization) and the run's
 *   settings (tool and SAP version, blinding, draft) — the explanations of the other differences; its
 *   list of output hashes is not compared again, the files themselves are.
 * - `log.txt`: its lines aligned by a line diff, without its timings and command line (the only parts that
 *   must differ).
 * - every other file: byte for byte (none carries a clock time).
 */
import { parse } from 'csv-parse/sync';
import { ARD_COLUMNS, ARD_KEY_COLUMNS, ardKeyText } from '../ard/types.js';
import { compareCodeUnits } from './paths.js';
import { diffArrays } from 'diff';
import { comparableLogText, RUN_LOG_FILE } from './run-log.js';

export interface Difference {
  /** The file, relative to the output folder. */
  readonly file: string;
  /** ARD key, dataset key + variable, or manifest field; empty for a whole-file difference. */
  readonly where: string;
  /** Value in A and in B; null when absent on that side. */
  readonly a: string | null;
  readonly b: string | null;
}

export interface CompareOptions {
  /** Relative tolerance for numbers in ard.csv and datasets (cli.md default 1e-9). */
  readonly tolerance: number;
  /** Key variables of a dataset by its file name (`adsl` for `adam/adsl.csv`); null = compare by position. */
  readonly datasetKeys: (name: string) => readonly string[] | null;
}

export type OutputFolder = ReadonlyMap<string, Uint8Array>;

export function compareOutputFolders(a: OutputFolder, b: OutputFolder, options: CompareOptions): Difference[] {
  const out: Difference[] = [];
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort(compareCodeUnits);
  for (const path of paths) {
    const fa = a.get(path);
    const fb = b.get(path);
    if (fa === undefined || fb === undefined) {
      out.push({
        file: path,
        where: '',
        a: fa === undefined ? null : 'present',
        b: fb === undefined ? null : 'present',
      });
      continue;
    }
    if (Buffer.from(fa).equals(Buffer.from(fb))) continue;
    if (path === 'ard.csv') out.push(...compareArd(fa, fb, options.tolerance));
    else if (path === 'manifest.json') out.push(...compareManifests(fa, fb));
    else if (path === RUN_LOG_FILE) out.push(...compareLogs(fa, fb));
    else if (/^adam\/[^/]+\.csv$/.test(path)) {
      const name = path.slice('adam/'.length, -'.csv'.length);
      out.push(...compareDatasets(path, fa, fb, options.datasetKeys(name), options.tolerance));
    } else
      out.push({ file: path, where: '', a: `${fa.byteLength} bytes`, b: `${fb.byteLength} bytes, different content` });
  }
  return out;
}

/** `|a − b| ≤ tol · max(|a|, |b|)` for two numbers; text otherwise must be identical. */
export function valuesAgree(a: string, b: string, tolerance: number): boolean {
  if (a === b) return true;
  if (a === '' || b === '') return false;
  const x = Number(a);
  const y = Number(b);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  return Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y));
}

function readCsv(bytes: Uint8Array): string[][] {
  return parse(Buffer.from(bytes), { relax_column_count: true, bom: true }) as string[][];
}

function compareArd(a: Uint8Array, b: Uint8Array, tolerance: number): Difference[] {
  const file = 'ard.csv';
  const index = (bytes: Uint8Array) => {
    const [header, ...rows] = readCsv(bytes);
    const at = ARD_COLUMNS.map((c) => header?.indexOf(c) ?? -1);
    if (at.some((i) => i < 0)) return null;
    const byKey = new Map<string, string>();
    for (const r of rows) {
      const key = ardKeyText(
        Object.fromEntries(ARD_KEY_COLUMNS.map((c, i) => [c, r[at[i] as number] ?? ''])) as Parameters<
          typeof ardKeyText
        >[0],
      );
      byKey.set(key, r[at[8] as number] ?? '');
    }
    return byKey;
  };
  const ia = index(a);
  const ib = index(b);
  if (ia === null || ib === null)
    return [
      {
        file,
        where: 'header',
        a: ia === null ? 'not an ARD header' : 'ARD header',
        b: ib === null ? 'not an ARD header' : 'ARD header',
      },
    ];
  const out: Difference[] = [];
  for (const key of [...new Set([...ia.keys(), ...ib.keys()])].sort(compareCodeUnits)) {
    const va = ia.get(key);
    const vb = ib.get(key);
    if (va === undefined || vb === undefined || !valuesAgree(va, vb, tolerance))
      out.push({ file, where: key, a: va ?? null, b: vb ?? null });
  }
  return out;
}

function compareDatasets(
  file: string,
  a: Uint8Array,
  b: Uint8Array,
  keys: readonly string[] | null,
  tolerance: number,
): Difference[] {
  const [ha = [], ...ra] = readCsv(a);
  const [hb = [], ...rb] = readCsv(b);
  const out: Difference[] = [];
  for (const c of [...new Set([...ha, ...hb])]) {
    if (!ha.includes(c) || !hb.includes(c))
      out.push({
        file,
        where: `variable ${c}`,
        a: ha.includes(c) ? 'present' : null,
        b: hb.includes(c) ? 'present' : null,
      });
  }
  const common = ha.filter((c) => hb.includes(c));
  const keyed = keys !== null && keys.length > 0 && keys.every((k) => ha.includes(k) && hb.includes(k));
  const rowKey = (header: string[], row: string[], i: number) =>
    keyed ? keys.map((k) => `${k}=${row[header.indexOf(k)] ?? ''}`).join(' ') : `row ${i + 1}`;
  const index = (header: string[], rows: string[][]) => {
    const m = new Map<string, string[]>();
    rows.forEach((r, i) => m.set(rowKey(header, r, i), r));
    return m.size === rows.length ? m : null;
  };
  let ma = index(ha, ra);
  let mb = index(hb, rb);
  let byKey = keyed;
  if (ma === null || mb === null) {
    // Keys not unique in one of the files: fall back to position so nothing is silently merged.
    byKey = false;
    ma = new Map(ra.map((r, i) => [`row ${i + 1}`, r]));
    mb = new Map(rb.map((r, i) => [`row ${i + 1}`, r]));
  }
  const keyList = [...new Set([...ma.keys(), ...mb.keys()])];
  if (byKey) keyList.sort(compareCodeUnits);
  for (const k of keyList) {
    const x = ma.get(k);
    const y = mb.get(k);
    if (x === undefined || y === undefined) {
      out.push({
        file,
        where: k,
        a: x === undefined ? null : 'row present',
        b: y === undefined ? null : 'row present',
      });
      continue;
    }
    for (const c of common) {
      const vx = x[ha.indexOf(c)] ?? '';
      const vy = y[hb.indexOf(c)] ?? '';
      if (!valuesAgree(vx, vy, tolerance)) out.push({ file, where: `${k} ${c}`, a: vx, b: vy });
    }
  }
  return out;
}

/**
 * The logs' lines aligned by a longest-common-subsequence diff (jsdiff), so one warning more in B is one
 * difference, not every line after it; a run of removed lines followed by added ones pairs up as changes.
 */
function compareLogs(a: Uint8Array, b: Uint8Array): Difference[] {
  const la = comparableLogText(Buffer.from(a).toString('utf8')).split('\n');
  const lb = comparableLogText(Buffer.from(b).toString('utf8')).split('\n');
  const out: Difference[] = [];
  const where = (i: number | null, j: number | null) =>
    i !== null && j !== null && i === j
      ? `line ${i}`
      : [i === null ? '' : `line ${i} of A`, j === null ? '' : `line ${j} of B`].filter((x) => x !== '').join(', ');
  let lineA = 1;
  let lineB = 1;
  const parts = diffArrays(la, lb);
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    if (!part.added && !part.removed) {
      lineA += part.value.length;
      lineB += part.value.length;
      continue;
    }
    const removed = part.removed ? part.value : [];
    const next = parts[p + 1];
    const added = part.added ? part.value : next?.added === true ? (p++, next.value) : [];
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const x = removed[k];
      const y = added[k];
      out.push({
        file: RUN_LOG_FILE,
        where: where(x === undefined ? null : lineA, y === undefined ? null : lineB),
        a: x ?? null,
        b: y ?? null,
      });
      if (x !== undefined) lineA++;
      if (y !== undefined) lineB++;
    }
  }
  return out;
}

type JsonObject = { readonly [k: string]: unknown };

function compareManifests(a: Uint8Array, b: Uint8Array): Difference[] {
  const file = 'manifest.json';
  const read = (bytes: Uint8Array): JsonObject | null => {
    try {
      const v = JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
      return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : null;
    } catch {
      return null;
    }
  };
  const ma = read(a);
  const mb = read(b);
  if (ma === null || mb === null)
    return [{ file, where: '', a: ma === null ? 'not JSON' : 'JSON', b: mb === null ? 'not JSON' : 'JSON' }];
  const out: Difference[] = [];
  const fields = [...new Set([...Object.keys(ma), ...Object.keys(mb)])]
    .filter((k) => k !== 'outputs' && k !== 'inputs')
    .sort(compareCodeUnits);
  for (const k of fields) {
    const va = JSON.stringify(ma[k] ?? null);
    const vb = JSON.stringify(mb[k] ?? null);
    if (va !== vb) out.push({ file, where: k, a: k in ma ? va : null, b: k in mb ? vb : null });
  }
  const inputs = (m: JsonObject) => {
    const list = Array.isArray(m.inputs) ? (m.inputs as unknown[]) : [];
    return new Map(
      list.flatMap((x) => {
        const o = x as { name?: unknown; sha256?: unknown };
        return typeof o.name === 'string' ? [[o.name, String(o.sha256)] as const] : [];
      }),
    );
  };
  const ia = inputs(ma);
  const ib = inputs(mb);
  for (const name of [...new Set([...ia.keys(), ...ib.keys()])].sort(compareCodeUnits)) {
    const va = ia.get(name);
    const vb = ib.get(name);
    if (va !== vb) out.push({ file, where: `input ${name}`, a: va ?? null, b: vb ?? null });
  }
  return out;
}

/** One line per difference: `file: where: A → B` (absent shown as `(absent)`). */
export function formatDifference(d: Difference): string {
  const show = (v: string | null) => (v === null ? '(absent)' : v === '' ? '(empty)' : v);
  return `${d.file}${d.where === '' ? '' : `: ${d.where}`}: ${show(d.a)} → ${show(d.b)}`;
}
