/**
 * Test helpers: copy a valid lock to a temporary folder, change one cell or line, and reseal lock.json
 * (recompute the SHA-256 of its files) so that the only defect is the one made.
 */
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { simulateTrial } from '../../src/simulate/simulate-trial.js';

export const SAMPLE_LOCK = 'data-samples/lock';
export const MINI_LOCK = 'test/fixtures/lock/mini';
export const MINI_RANDOMIZATION = 'test/fixtures/lock/mini-randomization.csv';

/**
 * A small complete lock made by the simulator (every domain, instrument and visit of the real one, for
 * `n` subjects), sealed, in a new temporary folder: a quick base for one-defect copies.
 */
export async function simulatedMiniLock(seed = 'mini', n = 6): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sle-mini-lock-'));
  for (const [name, text] of simulateTrial({ seed, n }).lockFiles) await writeFile(join(dir, name), text);
  return dir;
}

export async function copyLock(from: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sle-lock-'));
  await cp(from, dir, { recursive: true });
  return dir;
}

interface PhysicalLines {
  readonly lines: string[];
  readonly bom: boolean;
}

async function readLines(path: string): Promise<PhysicalLines> {
  let text = await readFile(path, 'utf8');
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  return { lines: text.split('\n'), bom };
}

async function writeLines(path: string, { lines, bom }: PhysicalLines): Promise<void> {
  await writeFile(path, (bom ? '\ufeff' : '') + lines.join('\n'));
}

/** Replaces physical line `line` (header = 1) by `edit(old)`; a CR line end is kept. */
export async function editLine(dir: string, file: string, line: number, edit: (text: string) => string): Promise<void> {
  const path = join(dir, file);
  const f = await readLines(path);
  const old = f.lines[line - 1];
  if (old === undefined) throw new Error(`${file} has no line ${line}`);
  const cr = old.endsWith('\r');
  f.lines[line - 1] = edit(cr ? old.slice(0, -1) : old) + (cr ? '\r' : '');
  await writeLines(path, f);
}

function fieldsOf(text: string): string[] {
  const rows = parse(text) as string[][];
  if (rows.length !== 1 || rows[0] === undefined) throw new Error(`not a one-line record: ${text}`);
  return rows[0];
}

const recordText = (fields: readonly string[]) => stringify([fields]).replace(/\r?\n$/, '');

async function columnIndex(dir: string, file: string, column: string): Promise<number> {
  const header = fieldsOf((await readLines(join(dir, file))).lines[0]?.replace(/\r$/, '') ?? '');
  const i = header.indexOf(column);
  if (i === -1) throw new Error(`${file} has no column ${column}`);
  return i;
}

/** Sets one cell of the one-line record on physical line `line`. */
export async function editCell(dir: string, file: string, line: number, column: string, value: string): Promise<void> {
  const i = await columnIndex(dir, file, column);
  await editLine(dir, file, line, (text) => {
    const fields = fieldsOf(text);
    fields[i] = value;
    return recordText(fields);
  });
}

/** Appends a copy of the record on `line` with some cells changed; returns the new record's line. */
export async function appendCopy(
  dir: string,
  file: string,
  line: number,
  changes: Readonly<Record<string, string>>,
): Promise<number> {
  const path = join(dir, file);
  const f = await readLines(path);
  const header = fieldsOf(f.lines[0]?.replace(/\r$/, '') ?? '');
  const fields = fieldsOf(f.lines[line - 1]?.replace(/\r$/, '') ?? '');
  for (const [c, v] of Object.entries(changes)) fields[header.indexOf(c)] = v;
  const cr = f.lines[0]?.endsWith('\r') === true;
  // The file ends with a line end: the last element of the split is empty, the new record goes there.
  const last = f.lines.length - 1;
  if (f.lines[last] !== '') throw new Error(`${file} does not end with a line end`);
  f.lines[last] = recordText(fields) + (cr ? '\r' : '');
  f.lines.push('');
  await writeLines(path, f);
  return last + 1;
}

/** Recomputes the SHA-256 of every file lock.json lists (keeping its other fields). */
export async function resealLock(dir: string): Promise<void> {
  const path = join(dir, 'lock.json');
  const json = JSON.parse(await readFile(path, 'utf8')) as { files: Record<string, string> };
  const present = new Set(await readdir(dir));
  for (const name of Object.keys(json.files)) {
    if (present.has(name))
      json.files[name] = createHash('sha256')
        .update(await readFile(join(dir, name)))
        .digest('hex');
  }
  await writeFile(path, `${JSON.stringify(json, null, 2)}\n`);
}
