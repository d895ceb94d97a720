/**
 * Reading the SAP settings: `sap/settings.json` validated by `sapSettingsSchema`, plus the PROMIS
 * conversion tables it names. As in zod, one implementation sits behind a result-returning entry
 * point (`safeParseSapSettings`) and a throwing one (`loadSapSettings`); problems are `Issue`s with
 * the JSON path in their rule, collected before failing.
 */
import { checkFixedSettings } from './fixed-settings.js';
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { EXIT, RunError } from '../core/exit-codes.js';
import { issue, type Issue } from '../core/issues.js';
import { parsePromisTable, type PromisTableRow } from './promis-table.js';
import { sapSettingsSchema, type SapSettingsFile } from './schema.js';

type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** The validated settings every stage receives (never module state). */
export type SapSettings = DeepReadonly<SapSettingsFile> & {
  /** Raw → T-score rows of each PROMIS form, by form code (`PROMISFAT` …). */
  readonly promisTables: Readonly<Record<string, readonly PromisTableRow[]>>;
  /** Absolute path of the settings file read. */
  readonly path: string;
};

export type SapSettingsParseResult =
  | { readonly ok: true; readonly value: SapSettingsFile }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** `arms[1].code` from zod's path array. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(top level)' : out;
}

/** Validates already-parsed JSON; `file` names the file in the issues. */
export function safeParseSapSettings(input: unknown, file: string): SapSettingsParseResult {
  const r = sapSettingsSchema.safeParse(input);
  if (r.success) {
    const fixed: Issue[] = [];
    checkFixedSettings(r.data, (path, message) => fixed.push(issue('error', file, `${formatPath(path)}: ${message}`)));
    return fixed.length === 0 ? { ok: true, value: r.data } : { ok: false, issues: fixed };
  }
  return {
    ok: false,
    issues: r.error.issues.map((i) => issue('error', file, `${formatPath(i.path)}: ${i.message}`)),
  };
}

export interface LoadSapSettingsOptions {
  /**
   * The file as the user named it (`--sap FILE`): its problems are then invalid input (exit 65) and
   * issues name it as given. Without it the file is the bundled one, and a problem is a defect of the
   * installation (exit 70).
   */
  readonly userFile?: string;
}

/** The issues travel in the error (printed once by the caller); the message only counts them. */
function settingsError(path: string, issues: readonly Issue[], opts: LoadSapSettingsOptions): RunError {
  const code = opts.userFile === undefined ? EXIT.SOFTWARE : EXIT.DATAERR;
  const n = issues.length;
  return new RunError(code, `the SAP settings ${path} are invalid (${n} problem${n === 1 ? '' : 's'})`, issues);
}

/**
 * Reads, validates and completes the settings at `path` (PROMIS tables resolved relative to its
 * folder). Throws a `RunError` listing every problem found: exit 70 for the bundled file (it ships
 * with the program), 65 for a file the user named (see LoadSapSettingsOptions).
 */
export function loadSapSettings(path: string, opts: LoadSapSettingsOptions = {}): SapSettings {
  const abs = resolve(path);
  const file = opts.userFile ?? basename(abs);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    throw settingsError(abs, [issue('error', file, `cannot be read: ${(e as Error).message}`)], opts);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw settingsError(abs, [issue('error', file, `is not valid JSON: ${(e as Error).message}`)], opts);
  }
  const parsed = safeParseSapSettings(json, file);
  if (!parsed.ok) throw settingsError(abs, parsed.issues, opts);

  const issues: Issue[] = [];
  const promisTables: Record<string, readonly PromisTableRow[]> = {};
  parsed.value.pro.promis.forEach((form, i) => {
    const tablePath = resolve(dirname(abs), form.table);
    const where = `pro.promis[${i}].table`;
    let tableText: string;
    try {
      tableText = readFileSync(tablePath, 'utf8');
    } catch (e) {
      issues.push(issue('error', file, `${where}: ${form.table} cannot be read: ${(e as Error).message}`));
      return;
    }
    const n = form.items.length;
    const table = parsePromisTable(tableText, n * form.itemMin, n * form.itemMax);
    if (table.ok) promisTables[form.code] = table.rows;
    else for (const p of table.problems) issues.push(issue('error', file, `${where}: ${form.table}: ${p}`));
  });
  if (issues.length > 0) throw settingsError(abs, issues, opts);
  return { ...parsed.value, promisTables, path: abs };
}
