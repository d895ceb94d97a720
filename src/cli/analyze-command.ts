/**
 * `sle-msc analyze`: read and validate the lock (and the randomization file), run the pipeline, and
 * write the output folder atomically with its manifest. All I/O of a run lives here; the pipeline
 * itself is pure (src/pipeline/).
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT, RunError } from '../core/exit-codes.js';
import { packageRoot, toolVersion } from '../core/package-root.js';
import { derivePrimary } from '../derive/primary.js';
import { sha256File } from '../lock/index.js';
import type { Lock, RandomizationRow, Unblinding } from '../lock/types.js';
import type { Issue } from '../core/issues.js';
import { buildManifest, MANIFEST_FILE, type ManifestWarning } from '../output/manifest.js';
import { prepareOutputFolder, stageOutput, type StagedOutput } from '../output/write-output.js';
import { buildRunLog, RUN_LOG_FILE } from '../output/run-log.js';
import { renderIndexPage } from '../render/index-page.js';
import { runPipelineAsync } from '../pipeline/run-stages.js';
import { defaultSettingsPath, loadSapSettings, SAP_VERSION, type SapSettings } from '../sap/index.js';
import { dummyRandomization } from '../unblinding/dummy-randomization.js';
import { printIssues } from './diagnostics.js';
import type { CliIo } from './io.js';
import { assertReadableFile, loadRunInputs } from './load-inputs.js';
import { startFigureThread, type FigureThread } from './figure-thread.js';
import { boundHeapGrowth, lockBytesOf, stageEndCollector } from './heap-growth.js';
import { raiseTierUpBudget } from './tier-up-budget.js';
import { limitInlining } from './inlining-budget.js';
import { keepBytecode } from './bytecode-flushing.js';

const INDEX_PAGE_FILE = 'index.html';

export interface AnalyzeCommandOptions {
  /** `sle-msc analyze` with no arguments: the bundled sample lock, unblinded, into ./out. */
  readonly demo: boolean;
  readonly lockDir: string | null;
  readonly randomization: string | null;
  readonly dummySeed: string | null;
  readonly out: string;
  readonly draft: boolean;
  readonly force: boolean;
  readonly sap: string | null;
  /** The arguments after `sle-msc`, for the run log. */
  readonly commandLine?: readonly string[];
}

export async function runAnalyzeCommand(opts: AnalyzeCommandOptions, io: CliIo): Promise<void> {
  raiseTierUpBudget();
  limitInlining();
  keepBytecode();
  const collect = stageEndCollector();
  const demo = opts.demo;
  const lockDir = demo ? join(packageRoot(), 'data-samples', 'lock') : resolve(io.cwd, opts.lockDir ?? '');
  const randomizationFile = demo
    ? join(packageRoot(), 'data-samples', 'randomization.csv')
    : opts.randomization === null
      ? null
      : resolve(io.cwd, opts.randomization);
  boundHeapGrowth(lockBytesOf(lockDir));
  if (demo && !io.quiet)
    io.stderr(
      `sle-msc: no arguments: running the bundled demo (${lockDir} with its randomization file, unblinded) into ./${opts.out}\n`,
    );

  const settingsPath = opts.sap === null ? defaultSettingsPath() : resolve(io.cwd, opts.sap);
  // --sap names a path on the command line: unreadable is 66 (cli.md); a broken bundled file stays 70.
  if (opts.sap !== null) assertReadableFile(settingsPath, 'SAP settings file');
  const timings: { stage: string; ms: number }[] = [];
  let started = performance.now();
  const lap = (stage: string) => {
    // The stage's garbage collected before the next stage starts (memory; its time counted in this stage).
    collect();
    const now = performance.now();
    timings.push({ stage, ms: now - started });
    started = now;
  };
  // The output folder is checked before any analysis (cli.md), and again when written.
  const outputOpts = {
    force: opts.force,
    cwd: io.cwd,
    inputs: protectedInputs(lockDir, randomizationFile, settingsPath),
  };
  printIssues(io, (await prepareOutputFolder(opts.out, outputOpts)).notices, Number.POSITIVE_INFINITY);
  const settings = loadSapSettings(settingsPath, opts.sap === null ? {} : { userFile: opts.sap });
  const inputs = await loadRunInputs(lockDir, randomizationFile, opts.draft);
  lap('read and validate the lock and randomization file');
  const lock = inputs.lock;
  printIssues(io, inputs.issues, Number.POSITIVE_INFINITY);

  const unblinding = await unblindingFor(lock, settings, randomizationFile, inputs.randomization, opts.dummySeed);
  lap('unblinding');
  // Each output file goes into the temporary folder beside DIR as soon as it is made (memory: a large
  // lock's output is gigabytes); the folder is moved into place only when the run succeeds.
  const staged = await stageOutput(opts.out, outputOpts);
  printIssues(io, staged.notices, Number.POSITIVE_INFINITY);
  let written: { readonly files: number; readonly ardRows: number };
  // The figures are drawn (SVG, PNG) on a worker thread while this thread makes the tables.
  const figureThread = startFigureThread();
  try {
    written = await runAndCommit({
      opts,
      io,
      lock,
      inputs,
      settings,
      settingsPath,
      unblinding,
      staged,
      lap,
      collect,
      timings,
      figureThread,
    });
  } catch (e) {
    await staged.discard();
    throw e;
  } finally {
    figureThread?.stop();
  }
  const mode =
    unblinding.kind === 'blinded'
      ? 'blinded (TOTAL only)'
      : unblinding.kind === 'dummy'
        ? `DUMMY randomization (seed ${unblinding.seed})`
        : 'unblinded';
  io.stdout(
    `sle-msc: analyzed ${lock.dm.length} subjects${lock.draft ? ' (DRAFT: lock not verified)' : ''}, ${mode}; ` +
      `wrote ${written.files} files (${written.ardRows} ARD rows) to ${opts.out}\n`,
  );
}

interface RunParts {
  readonly opts: AnalyzeCommandOptions;
  readonly io: CliIo;
  readonly lock: Lock;
  readonly inputs: Awaited<ReturnType<typeof loadRunInputs>>;
  readonly settings: SapSettings;
  readonly settingsPath: string;
  readonly unblinding: Unblinding;
  readonly staged: StagedOutput;
  readonly lap: (stage: string) => void;
  readonly collect: () => void;
  readonly timings: readonly { stage: string; ms: number }[];
  readonly figureThread: FigureThread | null;
}

/** The pipeline into the staged folder, then the entry page, manifest and run log, and the commit. */
async function runAndCommit({
  opts,
  io,
  lock,
  inputs,
  settings,
  settingsPath,
  unblinding,
  staged,
  lap,
  collect,
  timings,
  figureThread,
}: RunParts): Promise<{ files: number; ardRows: number }> {
  const result = await runPipelineAsync({
    lock,
    unblinding,
    settings,
    mark: lap,
    settled: collect,
    output: staged,
    ...(figureThread === null ? {} : { renderFigures: figureThread.render }),
  });
  printIssues(io, result.warnings, Number.POSITIVE_INFINITY);

  const hashedInputs = [
    ...Object.entries(lock.fileHashes).map(([name, sha256]) => ({ name: `lock/${name}`, sha256 })),
    { name: `sap/settings.json`, sha256: await sha256File(settingsPath) },
    ...(unblinding.kind === 'randomization' ? [{ name: 'randomization', sha256: unblinding.sha256 }] : []),
  ];
  const blindingText =
    unblinding.kind === 'blinded'
      ? 'blinded (all subjects pooled; no arm anywhere)'
      : unblinding.kind === 'dummy'
        ? `DUMMY randomization (seed ${unblinding.seed})`
        : 'unblinded (randomization file)';
  staged.set(
    INDEX_PAGE_FILE,
    renderIndexPage({
      heading: `${settings.study}: tables, listings and figures`,
      marks: [
        ...(lock.draft ? ['DRAFT: lock not verified'] : []),
        ...(unblinding.kind === 'dummy' ? ['DUMMY RANDOMIZATION'] : []),
      ],
      provenance: [
        { label: 'Study', value: settings.study },
        {
          label: 'Lock',
          value:
            lock.manifest === null ? '(none: draft run)' : `${lock.manifest.lockId} (locked ${lock.manifest.lockedAt})`,
        },
        { label: 'Blinding', value: blindingText },
        { label: 'SAP settings version', value: SAP_VERSION },
        { label: 'Tool', value: `sle-msc ${toolVersion()}` },
      ],
      inputs: hashedInputs,
      dataFiles: [
        { path: 'ard.csv', description: 'analysis results data: every number of every table, one statistic per row' },
        { path: MANIFEST_FILE, description: 'SHA-256 of every input and output' },
        { path: RUN_LOG_FILE, description: 'run log: versions, inputs, warnings, models used, timings' },
        ...[...staged.digests.keys()]
          .filter((p) => /^adam\/[^/]+\.csv$/.test(p))
          .sort()
          .map((path) => ({ path, description: 'analysis dataset' })),
      ],
      entries: result.catalog,
    }),
  );
  const files = new Map<string, string | Uint8Array>();
  files.set(
    MANIFEST_FILE,
    buildManifest({
      toolVersion: toolVersion(),
      sapVersion: SAP_VERSION,
      lockId: lock.manifest?.lockId ?? null,
      draft: lock.draft,
      blinding: unblinding.kind,
      ...(unblinding.kind === 'dummy' ? { dummySeed: unblinding.seed } : {}),
      inputs: hashedInputs,
      outputs: staged.digests,
      unhashedOutputs: [RUN_LOG_FILE],
      warnings: manifestWarnings(result.warnings),
    }),
  );
  lap('build the entry page and manifest');
  files.set(
    RUN_LOG_FILE,
    buildRunLog({
      toolVersion: toolVersion(),
      sapVersion: SAP_VERSION,
      nodeVersion: process.version,
      platform: `${process.platform} ${process.arch}`,
      commandLine: opts.commandLine ?? ['analyze'],
      lockId: lock.manifest?.lockId ?? null,
      draft: lock.draft,
      blinding: blindingText,
      inputs: hashedInputs,
      issues: [...inputs.issues, ...result.warnings].map((i) =>
        namedAsInput(i, unblinding.kind === 'randomization' ? unblinding.file : null),
      ),
      ard: result.ard,
      timings,
    }),
  );
  const written = { files: staged.digests.size + files.size, ardRows: result.ard.length };
  printIssues(io, await staged.commit(files), Number.POSITIVE_INFINITY);
  return written;
}

/**
 * log.txt names the randomization file as its `## Inputs` section does (`randomization`), never by the
 * absolute path it was read from, so the log of a rerun from another checkout or folder is the same.
 */
function namedAsInput(i: Issue, randomizationFile: string | null): Issue {
  return randomizationFile !== null && i.file === randomizationFile ? { ...i, file: 'randomization' } : i;
}

/**
 * The inputs the output folder may never overlap: those that exist as what the run reads (the lock a
 * folder, the others files). A path of the wrong kind is not an input: the run stops at it with 66
 * (cli.md) before anything is written, and that exit code must not become 73.
 */
function protectedInputs(lockDir: string, randomizationFile: string | null, settingsPath: string): string[] {
  const kind = (p: string) => {
    try {
      const st = statSync(p);
      return st.isDirectory() ? 'folder' : st.isFile() ? 'file' : 'other';
    } catch {
      return 'absent';
    }
  };
  return [
    ...(kind(lockDir) === 'folder' ? [lockDir] : []),
    ...(randomizationFile !== null && kind(randomizationFile) === 'file' ? [randomizationFile] : []),
    ...(kind(settingsPath) === 'file' ? [settingsPath] : []),
  ];
}

async function unblindingFor(
  lock: Lock,
  settings: SapSettings,
  file: string | null,
  rows: readonly RandomizationRow[] | null,
  dummySeed: string | null,
): Promise<Unblinding> {
  if (file !== null) {
    if (rows === null) throw new Error('a randomization file was named but its rows were not read');
    return { kind: 'randomization', file, sha256: await sha256File(file), rows };
  }
  if (dummySeed !== null) {
    if (dummySeed.trim() === '') throw new RunError(EXIT.USAGE, '--dummy-randomization needs a non-empty seed');
    // The dummy assignment needs each subject's stratum and infusion status, which a blinded derivation gives.
    const blinded = derivePrimary(lock, { kind: 'blinded' }, settings);
    const subjects = blinded.adsl.map((s) => ({
      USUBJID: s.USUBJID,
      stratum: isStratum(s.STRATUM) ? s.STRATUM : null,
      infused: s.INFFL === 'Y',
    }));
    return { kind: 'dummy', seed: dummySeed, rows: dummyRandomization(subjects, dummySeed) };
  }
  return { kind: 'blinded' };
}

/** The coded warnings of the run, for the manifest (see `ManifestInput.warnings`). */
function manifestWarnings(issues: readonly Issue[]): ManifestWarning[] {
  return issues.flatMap((i) =>
    i.severity === 'warning' && i.code !== undefined ? [{ code: i.code, message: i.rule }] : [],
  );
}

function isStratum(s: string | null): s is '<10' | '>=10' {
  return s === '<10' || s === '>=10';
}
