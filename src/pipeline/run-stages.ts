/**
 * One analysis run without I/O: validated lock + unblinding + settings → ADaM datasets, ARD rows and
 * rendered tables, as a map of output files (everything but manifest.json). Pure: the same inputs give
 * the same bytes. The figures' drawing code (Observable Plot, linkedom, resvg) is not imported here:
 * `runPipelineAsync` hands the figure specs to `renderFigures` (the command line's figure thread, which
 * loaded that code while this thread derived and analysed) or imports it when the tables are done; the
 * synchronous `runPipeline` (run-pipeline.ts) draws them in this thread.
 */
import { analyzeAll } from '../analyze/analyze-all.js';
import type { SurvivalCurve } from '../analyze/km-curves.js';
import type { ArdRow } from '../ard/types.js';
import { issue, type Issue } from '../core/issues.js';
import { adamDatasetMakers } from '../derive/adam-datasets.js';
import { deriveAll, type Derived } from '../derive/derive-all.js';
import type { PrimaryDerivations } from '../derive/primary.js';
import type { Lock, Unblinding } from '../lock/types.js';
import { ardCsvPieces, datasetCsvPieces } from '../output/ard-csv.js';
import { memoryOutput, type OutputSink } from '../output/output-files.js';
import type { FigureSpec } from '../render/charts/figure-spec.js';
import type { CatalogEntry } from '../render/index-page.js';
import { SAP_VERSION, type SapSettings } from '../sap/index.js';
import { toolVersion } from '../core/package-root.js';
import type { RunTrace } from '../render/print-form.js';
import { runSubmissionWriter } from './submission.js';
import { deviationListingSpec } from '../tlf/deviations-listing.js';
import { isBlinded } from '../tlf/context.js';
import type { TlfContext } from '../tlf/context.js';
import { figureCatalogEntry, figureSpecs } from '../tlf/figures/index.js';
import { flareListingSpec } from '../tlf/flares-listing.js';
import { applyShell, unusedShellNotices } from '../tlf/shells.js';
import { listingCatalogEntry, patientListingSpecs, renderListingFilePieces } from '../tlf/listings/index.js';
import { renderTables, tableLayoutOf, tlfContext } from './tables.js';

export interface PipelineInput {
  readonly lock: Lock;
  readonly unblinding: Unblinding;
  readonly settings: SapSettings;
  /** Called at the end of each stage with its name (profiling: the run log's timings, bench/). */
  readonly mark?: (stage: string) => void;
  /**
   * Called inside a stage where its transient data have just become garbage (derive-all.ts `settled`):
   * the command line collects them there (memory). Changes nothing computed.
   */
  readonly settled?: () => void;
  /**
   * Where the output files go as they are made (the command line: the staged output folder, so that no
   * file stays in memory). Without it they are collected in `PipelineResult.files`.
   */
  readonly output?: OutputSink;
  /**
   * Draws the figures (SVG and PNG files by path, render/charts/figure-files.ts `renderFigureFiles`'s
   * bytes) for runPipelineAsync while the rest is written; default: this thread once the tables are
   * done, the PNGs on resvg's threads. The command line passes a worker thread's (cli/figure-thread.ts).
   */
  readonly renderFigures?: (specs: readonly FigureSpec[]) => Promise<ReadonlyMap<string, string | Uint8Array>>;
}

export interface PipelineResult {
  readonly derivations: PrimaryDerivations;
  /** Sorted as ard.md requires. */
  readonly ard: readonly ArdRow[];
  /**
   * Output files by relative path (ard.csv, adam/*.csv, tables/*, figures/* — PNGs as bytes), manifest
   * excluded; empty when `PipelineInput.output` took them.
   */
  readonly files: ReadonlyMap<string, string | Uint8Array>;
  /** Findings that do not stop the run: stratum deviations, then the analysis's issues (codes in `Issue.code`). */
  readonly warnings: readonly Issue[];
  /** Every table, listing and figure with its title and files, for the entry page (index.html). */
  readonly catalog: readonly CatalogEntry[];
}

/**
 * The same run and bytes as `runPipeline`, with the figures drawn by `renderFigures` (another thread)
 * while the datasets, listings and tables are written (the command line uses this).
 */
export async function runPipelineAsync(input: PipelineInput): Promise<PipelineResult> {
  let figures: Promise<ReadonlyMap<string, string | Uint8Array>> = Promise.resolve(new Map());
  const memory = memoryOutput();
  const output = input.output ?? memory;
  const render = input.renderFigures ?? renderFiguresLater;
  let result: Omit<PipelineResult, 'files'>;
  try {
    result = runStages({ ...input, output }, (specs) => (figures = render(specs)));
  } catch (e) {
    // The run's own error is the one reported: the figures' promise, which rejects once the caller
    // stops their thread, is nobody's to wait for now.
    figures.catch(() => undefined);
    throw e;
  }
  for (const [path, content] of await figures) output.set(path, content);
  input.mark?.('figures (SVG and PNG, other threads; waited for)');
  return { ...result, files: memory.files };
}

/** The figures' files, drawn when the caller next waits: SVGs in this thread, PNGs on resvg's threads. */
async function renderFiguresLater(specs: readonly FigureSpec[]): Promise<Map<string, string | Uint8Array>> {
  const { renderFigureSvgFiles, renderPngFilesAsync } = await import('../render/charts/figure-files.js');
  const svgs = renderFigureSvgFiles(specs);
  return new Map<string, string | Uint8Array>([...svgs, ...(await renderPngFilesAsync(svgs))]);
}

type OutputFiles = OutputSink;

/**
 * Everything but the figures' files; `startFigures` receives the figure specs as soon as they exist (the
 * catalog has their entries already).
 */
export function runStages(
  { lock, unblinding, settings, mark, settled, output }: PipelineInput & { readonly output: OutputSink },
  startFigures: (specs: readonly FigureSpec[]) => void,
): Omit<PipelineResult, 'files'> {
  const stage = mark ?? (() => undefined);
  const blinded = unblinding.kind === 'blinded';
  const ctx = tlfContext(settings, unblinding.kind, lock.draft, runTrace(lock, settings));
  const files: OutputFiles = output;
  const catalog: CatalogEntry[] = [];

  const derived = deriveAll(lock, unblinding, settings, settled);
  stage('derive');
  const { rows: ard, issues, curves } = analyzeAll(derived, settings, blinded);
  stage('analyze');
  // Figures first: they are then drawn on another thread while the rest is written.
  startFigures(figureSpecsOfRun(catalog, ard, curves, settings, ctx));
  stage('figures (specs)');
  writeArdAndDatasets(files, lock, derived, ard, settings);
  stage('ard.csv and datasets');
  writeListings(files, catalog, lock, derived, settings, ctx, settled);
  stage('listings');
  writeTables(files, catalog, lock, derived, ard, settings, ctx, settled);
  stage('tables');

  const producedIds = new Set(catalog.map((c) => c.id));
  const warnings = [
    ...stratumWarnings(derived.primary, unblinding),
    ...issues,
    ...unusedShellNotices(settings.display.shells, producedIds),
  ];
  return { derivations: derived.primary, ard, warnings, catalog };
}

/** The figures' specs, their shells applied, each entered in the catalog. */
function figureSpecsOfRun(
  catalog: CatalogEntry[],
  ard: readonly ArdRow[],
  curves: readonly SurvivalCurve[],
  settings: SapSettings,
  ctx: TlfContext,
): FigureSpec[] {
  // A figure's first title is its `Figure F-14.x` line, drawn into the picture: a shell words the rest.
  const specs = figureSpecs({ ard, curves, settings, ctx }).map((f) => applyShell(f, settings.display.shells, 1));
  for (const f of specs) catalog.push(figureCatalogEntry(f));
  return specs;
}

/**
 * ard.csv and every dataset of the registry, each made and written (CSV, and XPT + Dataset-JSON unless a
 * draft) before the next (memory); then define.xml describing them.
 */
function writeArdAndDatasets(
  files: OutputFiles,
  lock: Lock,
  d: Derived,
  ard: readonly ArdRow[],
  settings: SapSettings,
): void {
  files.set('ard.csv', ardCsvPieces(ard));
  const submission = runSubmissionWriter(lock, settings, d.primary.blinded);
  for (const { file, make } of adamDatasetMakers(d, settings)) {
    const ds = make();
    files.set(file, datasetCsvPieces(ds));
    if (submission !== undefined) for (const [path, content] of submission.addInPieces(ds)) files.set(path, content);
  }
  if (submission !== undefined) {
    files.set('adam/define.xml', submission.defineXml());
    files.set('adam/define.html', submission.defineHtml());
  }
}

function writeListings(
  files: OutputFiles,
  catalog: CatalogEntry[],
  lock: Lock,
  d: Derived,
  settings: SapSettings,
  ctx: TlfContext,
  settled: () => void = () => undefined,
): void {
  const p = d.primary;
  // The records held as columns are read when a listing asks for them, not held as views for all of them.
  const sources = {
    lock,
    settings,
    adsl: p.adsl,
    adae: d.adae,
    sri4: p.sri4,
    get sledai() {
      return p.sledai;
    },
    get bilagGrades() {
      return p.bilagGrades;
    },
    get bilagVisits() {
      return p.bilagVisits;
    },
    get pga() {
      return p.pga;
    },
    get labs() {
      return d.biomarkers.labs;
    },
  };
  // One listing made, rendered and written before the next is made (memory).
  function* specs() {
    yield flareListingSpec(d.flares.transitions, p.adsl);
    // The derived deviations need the randomization file: a blinded run lists none.
    if (!isBlinded(ctx)) yield deviationListingSpec(ctx, d.deviations);
    yield* patientListingSpecs(sources, ctx);
  }
  for (const made of specs()) {
    const spec = applyShell(made, settings.display.shells);
    for (const [path, pieces] of renderListingFilePieces(spec, ctx)) files.set(path, pieces);
    catalog.push(listingCatalogEntry(spec));
    // What the listing indexed (a lab listing: ~1.7M records' views and maps at 20,000 subjects) is garbage.
    settled();
  }
}

function writeTables(
  files: OutputFiles,
  catalog: CatalogEntry[],
  lock: Lock,
  d: Derived,
  ard: readonly ArdRow[],
  settings: SapSettings,
  ctx: TlfContext,
  settled: () => void = () => undefined,
): void {
  const layout = tableLayoutOf(lock, d, settings);
  // The records the layout read (every lab record's view) are garbage before the tables are made.
  settled();
  // Each table's files are written before the next table is made.
  for (const [path, pieces] of renderTables(ard, ctx, layout, catalog)) files.set(path, pieces);
}

/** The trace line of every output page: program, lock, SAP and data cut, from the inputs (never the clock). */
function runTrace(lock: Lock, settings: SapSettings): RunTrace {
  return {
    study: settings.study,
    toolVersion: toolVersion(),
    lockId: lock.manifest?.lockId ?? 'none (draft)',
    sapVersion: SAP_VERSION,
    dataCut: lock.manifest?.lockedAt ?? 'unknown (draft)',
  };
}

/** SAP §6: a randomized stratum that disagrees with screening SLEDAI-2K is a deviation, not bad input. */
function stratumWarnings(d: PrimaryDerivations, unblinding: Unblinding): Issue[] {
  if (unblinding.kind !== 'randomization') return [];
  const rowOf = new Map(unblinding.rows.map((r) => [r.USUBJID, r]));
  return d.adsl
    .filter((s) => s.STRATDFL === 'Y')
    .map((s) => {
      const r = rowOf.get(s.USUBJID);
      return issue(
        'warning',
        r?.src.file ?? 'randomization',
        `${s.USUBJID}: randomization stratum ${s.RANDSTR} disagrees with screening SLEDAI-2K ${s.SCRSLED} (stratum ${s.STRATUM}); analysed as randomized (protocol deviation STRATUM, kept in adam/addv.csv and the DEVIATION rows)`,
        r?.src.line,
        'STRATUM',
        'STRATUM_DEVIATION',
      );
    });
}
