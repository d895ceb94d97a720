/**
 * The only code that writes a run's output folder (cli.md "Output folder").
 *
 * DIR may be absent, empty, or a previous sle-msc output, which is replaced; anything else (a file,
 * a link, a folder with other content) is refused with exit 73 unless `force`. A previous output is
 * recognised by its `manifest.json` (`"tool": "sle-msc"`) **and** by holding nothing but what that
 * manifest lists, so a file a user put into an old output folder is never deleted without `--force`.
 *
 * Sequence: write everything into a fresh temporary folder beside DIR (same parent, so `rename` is
 * atomic on one file system); then, if DIR exists, rename it away to a hidden `.<name>.old-*`, rename
 * the new folder in, and delete the old one. On any failure before the new folder is in place the
 * temporary folder is removed and DIR is as it was (restored by renaming it back if it had been moved
 * away). Deleting the old folder is best effort: the new output is already complete; a crash at that
 * moment can leave a hidden `.<name>.old-*` beside DIR.
 *
 * Regardless of `force`, a DIR that is a file-system root, the working directory or one of its
 * ancestors is refused: replacing it would pull the ground from under the process.
 */
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { EXIT, RunError } from '../core/exit-codes.js';
import { MANIFEST_FILE, readManifestOutputs } from './manifest.js';
import { checkOutputPath, compareCodeUnits } from './paths.js';

/** The file operations the writer uses; tests inject failures through it. */
export interface OutputFs {
  lstat(p: string): Promise<{ isDirectory(): boolean }>;
  readdir(p: string): Promise<string[]>;
  readFile(p: string, encoding: 'utf8'): Promise<string>;
  mkdir(p: string, options: { recursive: true }): Promise<unknown>;
  mkdtemp(prefix: string): Promise<string>;
  writeFile(p: string, data: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(p: string, options: { recursive: true; force: true }): Promise<void>;
}

export interface WriteOutputOptions {
  readonly force: boolean;
  /** Defaults to node:fs/promises. */
  readonly fs?: OutputFs;
  /** Defaults to process.cwd(); only for the guard against replacing the working directory. */
  readonly cwd?: string;
}

type TargetState = 'absent' | 'empty' | 'previous' | 'foreign';

function errnoCode(e: unknown): string | undefined {
  return e !== null && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

function cannotCreate(outDir: string, what: string, cause?: unknown): RunError {
  const detail = cause instanceof Error ? `: ${cause.message}` : '';
  return new RunError(EXIT.CANTCREAT, `${outDir}: ${what}${detail}`);
}

async function inspectTarget(fs: OutputFs, target: string): Promise<TargetState> {
  let stat;
  try {
    stat = await fs.lstat(target);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return 'absent';
    throw e;
  }
  if (!stat.isDirectory()) return 'foreign';
  const entries = await fs.readdir(target);
  if (entries.length === 0) return 'empty';
  if (!entries.includes(MANIFEST_FILE)) return 'foreign';
  let listed: string[] | null;
  try {
    listed = readManifestOutputs(await fs.readFile(path.join(target, MANIFEST_FILE), 'utf8'));
  } catch {
    return 'foreign';
  }
  if (listed === null) return 'foreign';
  const own = new Set([MANIFEST_FILE, ...listed.map((p) => p.split('/')[0])]);
  return entries.every((e) => own.has(e)) ? 'previous' : 'foreign';
}

function isAncestorOrSelf(dir: string, of: string): boolean {
  const rel = path.relative(dir, of);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function writeAll(fs: OutputFs, root: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
  const names = [...files.keys()].sort(compareCodeUnits);
  for (const name of names) {
    const dest = path.join(root, ...name.split('/'));
    await fs.mkdir(path.dirname(dest), { recursive: true });
    await fs.writeFile(dest, files.get(name) as string | Uint8Array);
  }
}

export async function writeOutputAtomically(
  outDir: string,
  files: ReadonlyMap<string, string | Uint8Array>,
  opts: WriteOutputOptions,
): Promise<void> {
  for (const name of files.keys()) checkOutputPath(name);
  const manifest = files.get(MANIFEST_FILE) ?? '';
  const manifestText = typeof manifest === 'string' ? manifest : new TextDecoder().decode(manifest);
  if (readManifestOutputs(manifestText) === null) {
    throw new Error(`the output must include an sle-msc ${MANIFEST_FILE} (so that the next run can replace it)`);
  }
  const fs = opts.fs ?? (nodeFs as unknown as OutputFs);
  const target = path.resolve(opts.cwd ?? process.cwd(), outDir);
  const parent = path.dirname(target);
  if (parent === target || isAncestorOrSelf(target, path.resolve(opts.cwd ?? process.cwd()))) {
    throw cannotCreate(outDir, 'refusing to replace a file-system root or a folder that holds the working directory');
  }

  let state: TargetState;
  try {
    state = await inspectTarget(fs, target);
  } catch (e) {
    throw cannotCreate(outDir, 'cannot inspect the output folder', e);
  }
  if (state === 'foreign' && !opts.force) {
    throw cannotCreate(outDir, 'exists and is not an earlier sle-msc output (use --force to replace it)');
  }

  let temp: string;
  try {
    await fs.mkdir(parent, { recursive: true });
    temp = await fs.mkdtemp(path.join(parent, `.${path.basename(target)}.tmp-`));
  } catch (e) {
    throw cannotCreate(outDir, 'cannot create a temporary folder beside it', e);
  }

  try {
    await writeAll(fs, temp, files);
  } catch (e) {
    await fs.rm(temp, { recursive: true, force: true }).catch(() => undefined);
    throw cannotCreate(outDir, 'cannot write the output', e);
  }

  await moveIntoPlace(fs, outDir, target, temp, state !== 'absent');
}

async function moveIntoPlace(fs: OutputFs, outDir: string, target: string, temp: string, exists: boolean): Promise<void> {
  const discardTemp = () => fs.rm(temp, { recursive: true, force: true }).catch(() => undefined);
  if (!exists) {
    try {
      await fs.rename(temp, target);
      return;
    } catch (e) {
      await discardTemp();
      throw cannotCreate(outDir, 'cannot move the output into place', e);
    }
  }
  // Same random suffix as the temporary folder: unique beside DIR while the temporary folder exists.
  const old = path.join(path.dirname(target), `.${path.basename(target)}.old-${path.basename(temp).split('.tmp-').pop() ?? ''}`);
  try {
    await fs.rename(target, old);
  } catch (e) {
    await discardTemp();
    throw cannotCreate(outDir, 'cannot move the earlier output away', e);
  }
  try {
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rename(old, target).catch(() => undefined);
    await discardTemp();
    throw cannotCreate(outDir, 'cannot move the output into place', e);
  }
  await fs.rm(old, { recursive: true, force: true }).catch(() => undefined);
}
