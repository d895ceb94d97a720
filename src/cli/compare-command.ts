/**
 * `sle-msc compare DIR_A DIR_B [--tolerance REL]` (cli.md): prints each difference between two output
 * folders on stdout, one per line (`file: key: A → B`), and a summary on stderr. Exit 0 when nothing
 * differs, 1 when something does; a folder that does not exist or cannot be read is 66.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT, RunError, type ExitCode } from '../core/exit-codes.js';
import { compareOutputFolders, formatDifference } from '../output/compare.js';
import { compareCodeUnits } from '../output/paths.js';
import type { CliIo } from './io.js';

export interface CompareCommandOptions {
  readonly dirA: string;
  readonly dirB: string;
  readonly tolerance: number;
  /** Key variables of a dataset by name, from the dataset metadata; null = compare rows by position. */
  readonly datasetKeys: (name: string) => readonly string[] | null;
}

/** A file larger than this is not an sle-msc output (the largest, adam/adpro.csv at 20,000 subjects, is far below). */
const MAX_FILE_BYTES = 2 ** 31 - 1;

export function runCompareCommand(opts: CompareCommandOptions, io: CliIo): ExitCode {
  const a = readOutputFolder(resolve(io.cwd, opts.dirA), opts.dirA);
  const b = readOutputFolder(resolve(io.cwd, opts.dirB), opts.dirB);
  const differences = compareOutputFolders(a, b, { tolerance: opts.tolerance, datasetKeys: opts.datasetKeys });
  for (const d of differences) io.stdout(`${formatDifference(d)}\n`);
  if (!io.quiet) {
    const files = new Set(differences.map((d) => d.file)).size;
    io.stderr(
      differences.length === 0
        ? `sle-msc: ${opts.dirA} and ${opts.dirB} agree (${a.size} files; numbers within relative tolerance ${opts.tolerance})\n`
        : `sle-msc: ${differences.length} difference${differences.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}\n`,
    );
  }
  return differences.length === 0 ? EXIT.OK : EXIT.DIFFERENT;
}

/** Every regular file under `dir` by its path relative to it (`/`-separated); links are not followed. */
export function readOutputFolder(dir: string, shown: string): Map<string, Uint8Array> {
  try {
    if (!statSync(dir).isDirectory()) throw new RunError(EXIT.NOINPUT, `${shown} is not a folder`);
  } catch (e) {
    if (e instanceof RunError) throw e;
    throw new RunError(
      EXIT.NOINPUT,
      `cannot read output folder ${shown}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
    );
  }
  const files = new Map<string, Uint8Array>();
  const walk = (abs: string, rel: string) => {
    for (const name of readdirSync(abs).sort(compareCodeUnits)) {
      const p = join(abs, name);
      const r = rel === '' ? name : `${rel}/${name}`;
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p, r);
      else if (st.isFile()) {
        if (st.size > MAX_FILE_BYTES)
          throw new RunError(EXIT.NOINPUT, `${shown}/${r} is too large to be an sle-msc output`);
        files.set(r, readFileSync(p));
      } else files.set(r, Buffer.from(`(not a regular file)`));
    }
  };
  try {
    walk(dir, '');
  } catch (e) {
    if (e instanceof RunError) throw e;
    throw new RunError(
      EXIT.NOINPUT,
      `cannot read output folder ${shown}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
    );
  }
  return files;
}
