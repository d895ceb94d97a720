/**
 * The only code that writes a run's output folder (cli.md "Output folder").
 *
 * DIR may be absent, empty, or a previous sle-msc output, which is replaced; anything else (a file,
 * a link, a folder with other content) is refused with exit 73 unless `force`. A previous output is
 * recognised by its `manifest.json` (`"tool": "sle-msc"`) **and** by holding nothing, in any
 * sub-folder, but the files that manifest lists, so a file a user put anywhere into an old output
 * folder is never deleted without `--force`. Regardless of `force`, DIR may not be, lie inside or
 * contain an input of the run (lock folder, randomization file, SAP file; compared both as written
 * and with symbolic links resolved), a file-system root, the working directory or one of its
 * ancestors: replacing it would destroy the inputs or pull the ground from under the process.
 *
 * `prepareOutputFolder` makes these checks before the analysis starts; `writeOutputAtomically` makes
 * them again at write time (the folder may have changed meanwhile) and then:
 * write everything into a fresh folder beside DIR (same parent, so `rename` is atomic on one file
 * system), rename DIR (if it exists) away, rename the new folder in, delete the old one. The side
 * folders are named `.sle-msc-<hash of DIR's name>.tmp|old-<pid>-<n>`: short whatever DIR's name (so
 * any name the OS allows works), tied to DIR by the hash and to the writing process by its id. On a
 * failure before the new folder is in place, the temporary folder is removed and DIR put back.
 *
 * `stageOutput` splits the write for a large run: the temporary folder is made first and each file is
 * written into it as the analysis makes it (only its size and SHA-256 stay in memory); `commit` then
 * makes the checks again, writes the manifest and moves the folder into place as above.
 *
 * A killed process cannot clean up, and between the two renames DIR is briefly absent (POSIX has no
 * atomic exchange of two non-empty folders). So the next run into the same DIR first looks beside it
 * for side folders of processes that no longer run: an old folder whose DIR is absent is renamed back
 * (the killed run did not succeed, so DIR is as it was), the others are removed; each step is named
 * in a notice. SIGINT/SIGTERM during the write are caught: before the new folder is in place the
 * write rolls back; afterwards it finishes; either way the run then ends with 128 + signal number.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { EXIT, RunError } from '../core/exit-codes.js';
import { issue, type Issue } from '../core/issues.js';
import { MANIFEST_FILE, readManifestOutputs } from './manifest.js';
import { contentChunks, type FileDigest, type OutputContent, type OutputSink } from './output-files.js';
import { checkOutputPath, compareCodeUnits } from './paths.js';

/** The file operations the writer uses; tests inject failures through it. */
export interface OutputFs {
  lstat(p: string): Promise<{ isDirectory(): boolean; isFile(): boolean }>;
  readdir(p: string): Promise<string[]>;
  readFile(p: string, encoding: 'utf8'): Promise<string>;
  realpath(p: string): Promise<string>;
  mkdir(p: string, options: { recursive: boolean }): Promise<unknown>;
  writeFile(p: string, data: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(p: string, options: { recursive: true; force: true }): Promise<void>;
}

export interface OutputFolderOptions {
  readonly force: boolean;
  /** Defaults to node:fs/promises. */
  readonly fs?: OutputFs;
  /** Defaults to process.cwd(): relative paths resolve against it, and it may not be replaced. */
  readonly cwd?: string;
  /** The run's inputs (lock folder, randomization file, SAP file): DIR may never overlap them. */
  readonly inputs?: readonly string[];
  /** Whether a process id still runs (side folders of live processes are left alone). */
  readonly isAlive?: (pid: number) => boolean;
}

/** Named moments of the write, for the test hook that stops the process there. */
export type WriteStep = 'staged' | 'temp-created' | 'half-written' | 'written' | 'old-moved' | 'new-moved' | 'done';
export type StepHook = (step: WriteStep, ctx: { readonly signalled: Promise<void> }) => Promise<void> | void;

/** Where SIGINT/SIGTERM come from (the process; a stand-in in tests). */
export interface SignalSource {
  on(signal: InterruptSignal, listener: () => void): unknown;
  removeListener(signal: InterruptSignal, listener: () => void): unknown;
}

export interface WriteOutputOptions extends OutputFolderOptions {
  /** Defaults to the process. */
  readonly signals?: SignalSource;
  /** Defaults to the hook of SLE_MSC_TEST_SIGNAL_AT (see stepHookFromEnv), normally none. */
  readonly onStep?: StepHook;
}

export type InterruptSignal = 'SIGINT' | 'SIGTERM';
const SIGNAL_EXIT: Readonly<Record<InterruptSignal, number>> = { SIGINT: 130, SIGTERM: 143 };

/** The write was stopped by SIGINT/SIGTERM; the process should end with `exitCode` (128 + signal). */
export class Interrupted extends Error {
  readonly exitCode: number;
  constructor(
    readonly signal: InterruptSignal,
    message: string,
  ) {
    super(message);
    this.name = 'Interrupted';
    this.exitCode = SIGNAL_EXIT[signal];
  }
}

type TargetState = 'absent' | 'empty' | 'previous' | 'foreign';

export interface PreparedOutput {
  /** DIR as an absolute path. */
  readonly target: string;
  /** What became of side folders left beside DIR by killed runs. */
  readonly notices: readonly Issue[];
}

/**
 * Node's synchronous file calls behind the async interface: the folder checks lstat every file of an
 * earlier output (~230 for the sample, three times a run that replaces one), one thread-pool round
 * trip after another with node:fs/promises: 25–95 ms a check on this host at load 3–5, synchronous
 * ~12 ms (a few ms when idle). Same calls, same errors (`realpathSync.native` is the system's realpath, as
 * the promise API's). Only the old folder's removal stays on the thread pool: it unlinks a folder's
 * files in parallel, and an unlink can wait for the file system's journal (10–60 ms for the sample's
 * old output, up to ~0.2–0.6 s when the disk is busy), which parallel unlinks wait for together.
 * Signals are let in between the write's steps by `signalTurn`.
 */
const defaultFs: OutputFs = {
  lstat: async (p) => lstatSync(p),
  readdir: async (p) => readdirSync(p),
  readFile: async (p, encoding) => readFileSync(p, encoding),
  realpath: async (p) => realpathSync.native(p),
  mkdir: async (p, options) => mkdirSync(p, options),
  writeFile: async (p, data) => writeFileSync(p, data),
  rename: async (from, to) => renameSync(from, to),
  rm: (p, options) => rm(p, options),
};

/**
 * Two turns of the event loop, so that a SIGINT/SIGTERM that arrived during synchronous file calls has
 * its handler run (node dispatches signals from the loop's poll phase) before the write checks for it.
 */
async function signalTurn(): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

function errnoCode(e: unknown): string | undefined {
  return e !== null && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

function cannotCreate(outDir: string, what: string, cause?: unknown): RunError {
  const detail = cause instanceof Error ? `: ${cause.message}` : '';
  return new RunError(EXIT.CANTCREAT, `${outDir}: ${what}${detail}`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoCode(e) === 'EPERM';
  }
}

function isAncestorOrSelf(dir: string, of: string): boolean {
  const rel = path.relative(dir, of);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** `p` with symbolic links resolved as far as it exists (the rest appended as written). */
async function resolveLinks(fs: OutputFs, p: string): Promise<string> {
  const rest: string[] = [];
  let cur = p;
  for (;;) {
    try {
      return path.join(await fs.realpath(cur), ...rest.reverse());
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return p;
      rest.push(path.basename(cur));
      cur = parent;
    }
  }
}

/** The refusals that no `--force` overrides; they touch nothing. */
async function checkNeverReplaceable(
  fs: OutputFs,
  outDir: string,
  target: string,
  cwd: string,
  inputs: readonly string[],
): Promise<void> {
  const targetForms = [target, await resolveLinks(fs, target)];
  const cwdForms = [cwd, await resolveLinks(fs, cwd)];
  if (targetForms.some((t) => path.dirname(t) === t || cwdForms.some((c) => isAncestorOrSelf(t, c)))) {
    throw cannotCreate(outDir, 'refusing to replace a file-system root or a folder that holds the working directory');
  }
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const inputForms = [abs, await resolveLinks(fs, abs)];
    const overlaps = targetForms.some((t) => inputForms.some((i) => isAncestorOrSelf(t, i) || isAncestorOrSelf(i, t)));
    if (overlaps) {
      throw cannotCreate(
        outDir,
        `is, lies inside or contains an input of this run (${input}); refused even with --force`,
      );
    }
  }
}

// ---- side folders (temporary and old) beside DIR ----

const SIDE = /^\.sle-msc-([0-9a-f]{12})\.(tmp|old)-(\d+)-(\d+)$/;
/** Side folders this process is using now (an in-process second writer must not take them for debris). */
const inUse = new Set<string>();
let sideCounter = 0;

/** 12 hex digits of SHA-256 of DIR's name: ties a side folder to DIR in a few characters. */
function dirTag(target: string): string {
  return createHash('sha256').update(path.basename(target)).digest('hex').slice(0, 12);
}

function sidePath(target: string, kind: 'tmp' | 'old', n: number): string {
  return path.join(path.dirname(target), `.sle-msc-${dirTag(target)}.${kind}-${process.pid}-${n}`);
}

/**
 * Creates the temporary folder with a plain mkdir (not mkdtemp, which makes it 0700): the folder that
 * becomes DIR gets the mode any folder the user makes gets (0777 & ~umask).
 */
async function makeTempFolder(fs: OutputFs, target: string): Promise<string> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  for (;;) {
    const temp = sidePath(target, 'tmp', ++sideCounter);
    try {
      await fs.mkdir(temp, { recursive: false });
      inUse.add(temp);
      return temp;
    } catch (e) {
      if (errnoCode(e) !== 'EEXIST') throw e;
    }
  }
}

interface SideFolder {
  readonly path: string;
  readonly kind: 'tmp' | 'old';
  readonly pid: number;
}

async function namesBeside(fs: OutputFs, target: string): Promise<string[]> {
  try {
    return await fs.readdir(path.dirname(target));
  } catch (e) {
    if (errnoCode(e) === 'ENOENT' || errnoCode(e) === 'ENOTDIR') return [];
    throw e;
  }
}

/**
 * Side folders of earlier builds (`.<DIR name>.tmp-XXXXXX`, the suffix of mkdtemp): no process id
 * tells whether their run still goes on, so they are only named.
 */
async function legacySideFolders(fs: OutputFs, target: string): Promise<string[]> {
  const prefix = `.${path.basename(target)}.`;
  return (await namesBeside(fs, target))
    .filter((n) => n.startsWith(prefix) && /^(tmp|old)-[A-Za-z0-9]{6}$/.test(n.slice(prefix.length)))
    .sort(compareCodeUnits)
    .map((n) => path.join(path.dirname(target), n));
}

async function sideFoldersOf(fs: OutputFs, target: string): Promise<SideFolder[]> {
  const parent = path.dirname(target);
  const names = await namesBeside(fs, target);
  const tag = dirTag(target);
  return names
    .sort(compareCodeUnits)
    .map((name) => ({ name, m: SIDE.exec(name) }))
    .filter(({ m }) => m !== null && m[1] === tag)
    .map(({ name, m }) => ({ path: path.join(parent, name), kind: m?.[2] as 'tmp' | 'old', pid: Number(m?.[3]) }));
}

/**
 * Cleans up after runs into DIR that were killed (their process is gone): puts an old folder back
 * when DIR is absent (the killed run had not succeeded), removes the rest. Folders of running
 * processes are only named.
 */
async function recoverKilledRuns(
  fs: OutputFs,
  outDir: string,
  target: string,
  isAlive: (pid: number) => boolean,
  own: string | null,
): Promise<Issue[]> {
  // The check at commit time (`own` set) does not name them again: staging did.
  const legacy = own === null ? await legacySideFolders(fs, target) : [];
  const notices: Issue[] = legacy.map((p) =>
    issue(
      'notice',
      p,
      `probably left by an interrupted run of an earlier sle-msc version into ${outDir}; remove it by hand`,
    ),
  );
  const stale: SideFolder[] = [];
  for (const side of await sideFoldersOf(fs, target)) {
    if (side.path === own) continue;
    const live = side.pid === process.pid ? inUse.has(side.path) : isAlive(side.pid);
    if (live) notices.push(issue('notice', side.path, `in use by a running sle-msc (process ${side.pid}); left alone`));
    else stale.push(side);
  }
  const olds = stale.filter((s) => s.kind === 'old');
  let restored: string | null = null;
  if (olds.length > 0 && (await absent(fs, target))) {
    if (olds.length === 1) {
      restored = (olds[0] as SideFolder).path;
      await fs.rename(restored, target);
      notices.push(issue('notice', outDir, `restored from ${restored}, where a killed run had moved it`));
    } else {
      for (const o of olds)
        notices.push(
          issue(
            'notice',
            o.path,
            `an earlier output of ${outDir} left by killed runs; ${outDir} is absent, check by hand`,
          ),
        );
      return notices;
    }
  }
  for (const side of stale) {
    if (side.path === restored) continue;
    await fs.rm(side.path, { recursive: true, force: true });
    notices.push(issue('notice', side.path, `removed: left by a killed run into ${outDir}`));
  }
  return notices;
}

async function absent(fs: OutputFs, p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return false;
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return true;
    throw e;
  }
}

// ---- what DIR holds ----

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
  const files = new Set([MANIFEST_FILE, ...listed]);
  const folders = new Set(
    listed.flatMap((p) =>
      p
        .split('/')
        .slice(0, -1)
        .map((_, i, segs) => segs.slice(0, i + 1).join('/')),
    ),
  );
  return (await holdsOnly(fs, target, '', files, folders)) ? 'previous' : 'foreign';
}

/** True when every entry under `root/rel`, at any depth, is a listed file or a folder on the way to one. */
async function holdsOnly(
  fs: OutputFs,
  root: string,
  rel: string,
  files: ReadonlySet<string>,
  folders: ReadonlySet<string>,
): Promise<boolean> {
  for (const name of await fs.readdir(path.join(root, ...rel.split('/')))) {
    const r = rel === '' ? name : `${rel}/${name}`;
    const st = await fs.lstat(path.join(root, ...r.split('/')));
    if (st.isDirectory()) {
      if (!folders.has(r) || !(await holdsOnly(fs, root, r, files, folders))) return false;
    } else if (!st.isFile() || !files.has(r)) {
      return false;
    }
  }
  return true;
}

/** `own`: the temporary folder of this very write (checked again at commit time), not debris. */
async function prepare(
  outDir: string,
  opts: OutputFolderOptions,
  own: string | null = null,
): Promise<PreparedOutput & { readonly state: TargetState }> {
  const fs = opts.fs ?? defaultFs;
  const cwd = path.resolve(opts.cwd ?? process.cwd());
  const target = path.resolve(cwd, outDir);
  await checkNeverReplaceable(fs, outDir, target, cwd, opts.inputs ?? []);
  let notices: Issue[];
  let state: TargetState;
  try {
    notices = await recoverKilledRuns(fs, outDir, target, opts.isAlive ?? processAlive, own);
    state = await inspectTarget(fs, target);
  } catch (e) {
    throw cannotCreate(outDir, 'cannot inspect the output folder', e);
  }
  if (state === 'foreign' && !opts.force) {
    throw cannotCreate(outDir, 'exists and is not an earlier sle-msc output (use --force to replace it)');
  }
  return { target, notices, state };
}

/**
 * The output-folder checks of cli.md, made before the analysis starts so that a refused folder costs
 * nothing: exit 73 for a folder that may never be replaced or (without force) holds other content.
 * Also cleans up after killed runs into the same folder (see the file comment).
 */
export async function prepareOutputFolder(outDir: string, opts: OutputFolderOptions): Promise<PreparedOutput> {
  const { target, notices } = await prepare(outDir, opts);
  return { target, notices };
}

// ---- the write ----

interface SignalWatch {
  readonly signal: () => InterruptSignal | null;
  readonly signalled: Promise<void>;
  readonly stop: () => void;
}

/** Catches SIGINT/SIGTERM while the write runs; a second signal ends the process at once. */
function watchSignals(src: SignalSource): SignalWatch {
  let caught: InterruptSignal | null = null;
  let resolve: () => void = () => undefined;
  const signalled = new Promise<void>((r) => (resolve = r));
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((sig) => {
    const h = () => {
      if (caught !== null && src === process) {
        stop();
        process.kill(process.pid, sig);
        return;
      }
      caught ??= sig;
      resolve();
    };
    src.on(sig, h);
    return [sig, h] as const;
  });
  const stop = () => handlers.forEach(([sig, h]) => src.removeListener(sig, h));
  return { signal: () => caught, signalled, stop };
}

/**
 * Test hook: `SLE_MSC_TEST_SIGNAL_AT=<step>:<SIGNAL>` makes the process send itself SIGNAL at that
 * step of the write (SIGKILL: dies there, as a crash or `kill -9` would). Lets tests stop the write at
 * each step without any timing.
 */
export function stepHookFromEnv(env: NodeJS.ProcessEnv): StepHook | undefined {
  const spec = env.SLE_MSC_TEST_SIGNAL_AT;
  if (spec === undefined || spec === '') return undefined;
  const [at, sig = 'SIGKILL'] = spec.split(':');
  return async (step, ctx) => {
    if (step !== at) return;
    // Node's signal handles do not keep the event loop alive: a timer does, until the handler ran.
    const keepAlive = setInterval(() => undefined, 60_000);
    try {
      process.kill(process.pid, sig as NodeJS.Signals);
      await ctx.signalled;
    } finally {
      clearInterval(keepAlive);
    }
  };
}

async function writeAll(
  fs: OutputFs,
  root: string,
  files: ReadonlyMap<string, string | Uint8Array>,
  afterHalf: () => Promise<void>,
  check: () => Promise<void>,
): Promise<void> {
  const names = [...files.keys()].sort(compareCodeUnits);
  for (const [i, name] of names.entries()) {
    const dest = path.join(root, ...name.split('/'));
    await fs.mkdir(path.dirname(dest), { recursive: true });
    await fs.writeFile(dest, files.get(name) as string | Uint8Array);
    if (i === Math.floor(names.length / 2)) await afterHalf();
    await check();
  }
}

/** Bad file names and a missing manifest are bugs of the caller, refused before the disk is touched. */
function checkFinalFiles(files: ReadonlyMap<string, string | Uint8Array>): void {
  for (const name of files.keys()) checkOutputPath(name);
  const manifest = files.get(MANIFEST_FILE) ?? '';
  const manifestText = typeof manifest === 'string' ? manifest : new TextDecoder().decode(manifest);
  if (readManifestOutputs(manifestText) === null) {
    throw new Error(`the output must include an sle-msc ${MANIFEST_FILE} (so that the next run can replace it)`);
  }
}

/**
 * Writes `files` (relative path → content; must include an sle-msc manifest.json) as DIR, atomically.
 * Returns the notices of the clean-up after killed runs. Throws RunError 73 on refusal or failure
 * (DIR as it was), Interrupted on SIGINT/SIGTERM.
 */
export async function writeOutputAtomically(
  outDir: string,
  files: ReadonlyMap<string, string | Uint8Array>,
  opts: WriteOutputOptions,
): Promise<readonly Issue[]> {
  checkFinalFiles(files);
  const staged = await stageOutput(outDir, opts);
  return [...staged.notices, ...(await staged.commit(files))];
}

// ---- the staged write: files go into the temporary folder as the run makes them ----

/**
 * An output folder being written: the temporary folder beside DIR exists, `set` writes a file into it
 * at once (hashing it on the way, so only its size and SHA-256 stay in memory), and `commit` adds the
 * last files (the manifest, which lists the others' digests) and moves the folder into place with the
 * same checks, steps and signal handling as writeOutputAtomically. Until `commit`, DIR is untouched; a
 * failed run calls `discard`, and a killed one leaves the temporary folder, named by its process id,
 * for the next run into DIR to remove (cli.md). SIGINT/SIGTERM are caught only during `commit` (the
 * analysis before it is synchronous, so a handler could not run until it ends; the default action
 * ends the process at once).
 */
export interface StagedOutput extends OutputSink {
  /** DIR as an absolute path. */
  readonly target: string;
  /** What became of side folders left beside DIR by killed runs (found when staging began). */
  readonly notices: readonly Issue[];
  /** Size and SHA-256 of every file `set` so far, by relative path. */
  readonly digests: ReadonlyMap<string, FileDigest>;
  /** Writes `content` to `path` in the temporary folder now (RunError 73 on failure). */
  set(path: string, content: OutputContent): void;
  /**
   * Checks DIR again, writes `files` (which must include manifest.json) and moves the folder into place.
   * Returns the notices of that second check. On failure the temporary folder is gone and DIR as it was.
   */
  commit(files: ReadonlyMap<string, string | Uint8Array>): Promise<readonly Issue[]>;
  /** Removes the temporary folder (a run that failed before `commit`); harmless when already gone. */
  discard(): Promise<void>;
}

/**
 * Checks DIR as prepareOutputFolder does, cleans up after killed runs, and creates the temporary folder
 * (RunError 73 when it cannot). See StagedOutput.
 */
export async function stageOutput(outDir: string, opts: WriteOutputOptions): Promise<StagedOutput> {
  const fs = opts.fs ?? defaultFs;
  const { target, notices } = await prepare(outDir, opts);
  let temp: string;
  try {
    temp = await makeTempFolder(fs, target);
  } catch (e) {
    throw cannotCreate(outDir, 'cannot create a temporary folder beside it', e);
  }
  // Test hook: a stop here is a run killed during the analysis; its temporary folder waits for the next run.
  await (opts.onStep ?? stepHookFromEnv(process.env))?.('staged', { signalled: new Promise<void>(() => undefined) });
  const digests = new Map<string, FileDigest>();
  const madeFolders = new Set<string>();
  let open = true;
  const set = (name: string, content: OutputContent): void => {
    if (!open) throw new Error(`${name}: the output folder was already committed or discarded`);
    checkOutputPath(name);
    try {
      digests.set(name, writeFileNow(temp, name, content, madeFolders));
    } catch (e) {
      // A failed write (no space, no permission) is exit 73; an error of the code making the pieces stays what it is.
      if (errnoCode(e) === undefined) throw e;
      throw cannotCreate(outDir, `cannot write ${name}`, e);
    }
  };
  const discard = async (): Promise<void> => {
    open = false;
    await fs.rm(temp, { recursive: true, force: true }).catch(() => undefined);
    release(temp, null);
  };
  const commit = async (files: ReadonlyMap<string, string | Uint8Array>): Promise<readonly Issue[]> => {
    if (!open) throw new Error('the output folder was already committed or discarded');
    checkFinalFiles(files);
    open = false;
    const watch = watchSignals(opts.signals ?? process);
    try {
      let again: Awaited<ReturnType<typeof prepare>>;
      try {
        again = await prepare(outDir, opts, temp);
      } catch (e) {
        await discard();
        throw e;
      }
      await writeAndSwap(
        fs,
        outDir,
        target,
        again.state !== 'absent',
        temp,
        files,
        watch,
        opts.onStep ?? stepHookFromEnv(process.env),
      );
      return again.notices;
    } finally {
      watch.stop();
    }
  };
  return { target, notices, digests, set, commit, discard };
}

/**
 * Writes one file into `root` synchronously, in chunks of up to 1 MiB, and returns its size and SHA-256.
 * `madeFolders` holds the folders this staged output has made: each is made once, not once per file (a
 * recursive mkdir of an existing folder is two system calls, ~450 of them in a sample run).
 */
function writeFileNow(root: string, name: string, content: OutputContent, madeFolders: Set<string>): FileDigest {
  const dest = path.join(root, ...name.split('/'));
  const folder = path.dirname(dest);
  if (!madeFolders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    madeFolders.add(folder);
  }
  const hash = createHash('sha256');
  let bytes = 0;
  const fd = openSync(dest, 'w');
  try {
    for (const chunk of contentChunks(content)) {
      for (let done = 0; done < chunk.byteLength;) done += writeSync(fd, chunk, done, chunk.byteLength - done);
      hash.update(chunk);
      bytes += chunk.byteLength;
    }
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: hash.digest('hex') };
}

async function writeAndSwap(
  fs: OutputFs,
  outDir: string,
  target: string,
  exists: boolean,
  temp: string,
  files: ReadonlyMap<string, string | Uint8Array>,
  watch: SignalWatch,
  onStep: StepHook | undefined,
): Promise<void> {
  const step = async (s: WriteStep) => {
    if (onStep !== undefined) await onStep(s, { signalled: watch.signalled });
  };
  const check = async () => {
    await signalTurn();
    const sig = watch.signal();
    if (sig !== null) throw new Interrupted(sig, `${outDir}: interrupted by ${sig}; left as it was`);
  };
  let old: string | null = null;
  let phase = 'cannot write the output';
  try {
    await step('temp-created');
    await check();
    await writeAll(fs, temp, files, () => step('half-written'), check);
    await step('written');
    await check();
    if (exists) {
      phase = 'cannot move the earlier output away';
      old = sidePath(target, 'old', Number(path.basename(temp).split('-').pop()));
      inUse.add(old);
      await fs.rename(target, old);
      await step('old-moved');
      await check();
    }
    phase = 'cannot move the output into place';
    await fs.rename(temp, target);
  } catch (e) {
    if (old !== null) await fs.rename(old, target).catch(() => undefined);
    await fs.rm(temp, { recursive: true, force: true }).catch(() => undefined);
    release(temp, old);
    if (e instanceof Interrupted) throw e;
    throw cannotCreate(outDir, phase, e);
  }
  // Committed: DIR is the complete new output. Removing the old one is best effort (a leftover is
  // removed by the next run into DIR).
  await step('new-moved');
  if (old !== null) await fs.rm(old, { recursive: true, force: true }).catch(() => undefined);
  release(temp, old);
  await step('done');
  await signalTurn();
  const sig = watch.signal();
  if (sig !== null)
    throw new Interrupted(sig, `${outDir}: interrupted by ${sig} after the new output was complete and in place`);
}

function release(temp: string, old: string | null): void {
  inUse.delete(temp);
  if (old !== null) inUse.delete(old);
}
