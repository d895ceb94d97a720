/**
 * One analysis run without I/O: validated lock + unblinding + settings → ADaM datasets, ARD rows and
 * rendered tables, as a map of output files (everything but manifest.json). Pure: the same inputs give
 * the same bytes.
 */
import { analyzeAll } from '../analyze/analyze-all.js';
import type { SurvivalCurve } from '../analyze/km-curves.js';
import type { ArdRow } from '../ard/types.js';
import { issue, type Issue } from '../core/issues.js';
import { adamDatasetMakers } from '../derive/adam-datasets.js';
import { deriveAll, type Derived } from '../derive/derive-all.js';
import { computeLabPrecision } from '../derive/lab-results.js';
import type { PrimaryDerivations } from '../derive/primary.js';
import { computeProPrecision } from '../derive/pro-precision.js';
import type { Lock, Unblinding } from '../lock/types.js';
import { ardToCsv, datasetCsvPieces } from '../output/ard-csv.js';
import { memoryOutput, type OutputSink } from '../output/output-files.js';
import { pngPathOf, renderFigureSvgFiles, renderPngFilesAsync } from '../render/charts/figure-files.js';
import { svgToPng } from '../render/charts/png.js';
import type { CatalogEntry } from '../render/index-page.js';
import { SAP_VERSION, type SapSettings } from '../sap/index.js';
import { toolVersion } from '../core/package-root.js';
import type { RunTrace } from '../render/print-form.js';
import { runSubmissionWriter } from './submission.js';
import { deviationListingSpec } from '../tlf/deviations-listing.js';
import { isBlinded } from '../tlf/context.js';
import { exposurePrecision } from '../tlf/exposure.js';
import { aeHierarchy } from '../tlf/ae-soc-pt.js';
import { baselinePrecision } from '../tlf/baseline-characteristics.js';
import type { TlfContext } from '../tlf/context.js';
import { figureCatalogEntry, figureSpecs } from '../tlf/figures/index.js';
import { flareListingSpec } from '../tlf/flares-listing.js';
import { applyShell, unusedShellNotices } from '../tlf/shells.js';
import { listingCatalogEntry, patientListingSpecs, renderListingFilePieces } from '../tlf/listings/index.js';
import { computeTestLabels } from '../derive/lab-panels.js';
import { renderTables, tlfContext } from './tables.js';

export interface PipelineInput {
  readonly lock: Lock;
  readonly unblinding: Unblinding;
  readonly settings: SapSettings;
  /** Called at the end of each stage with its name (profiling: the run log's timings, bench/). */
  readonly mark?: (stage: string) => void;
  /**
   * Where the output files go as they are made (the command line: the staged output folder, so that no
   * file stays in memory). Without it they are collected in `PipelineResult.files`.
   */
  readonly output?: OutputSink;
  /**
   * Renders the figures' SVGs (by path) to PNG for runPipelineAsync; default resvg's asynchronous
   * rendering (render/charts/png.ts). The command line passes a worker thread's (cli/png-thread.ts).
   */
  readonly renderPngs?: (svgs: ReadonlyMap<string, string>) => Promise<ReadonlyMap<string, Uint8Array>>;
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

/** The run with its figures' PNGs rendered in this thread. */
export function runPipeline(input: PipelineInput): PipelineResult {
  let svgs = new Map<string, string>();
  const memory = memoryOutput();
  const output = input.output ?? memory;
  const result = runStages({ ...input, output }, (figures) => (svgs = figures));
  for (const [path, svg] of svgs) output.set(pngPathOf(path), svgToPng(svg));
  return { ...result, files: memory.files };
}

/**
 * The same run and bytes, with the figures' PNGs rendered on other threads while the tables are built
 * (PNG rendering is the largest single cost of a run; the command line uses this).
 */
export async function runPipelineAsync(input: PipelineInput): Promise<PipelineResult> {
  let pngs: Promise<ReadonlyMap<string, Uint8Array>> = Promise.resolve(new Map());
  const memory = memoryOutput();
  const output = input.output ?? memory;
  const render = input.renderPngs;
  const result = runStages(
    { ...input, output },
    (figures) => (pngs = render === undefined ? renderPngFilesAsync(figures) : render(figures)),
  );
  // renderPngFilesAsync keys its PNGs by their own paths; a renderPngs function by the SVGs'.
  for (const [path, png] of await pngs) output.set(render === undefined ? path : pngPathOf(path), png);
  input.mark?.('figures (PNG, other threads; waited for)');
  return { ...result, files: memory.files };
}

type OutputFiles = OutputSink;

/** Everything but the PNGs; `startFigures` receives the SVG figure files as soon as they exist. */
function runStages(
  { lock, unblinding, settings, mark, output }: PipelineInput & { readonly output: OutputSink },
  startFigures: (svgs: Map<string, string>) => void,
): Omit<PipelineResult, 'files'> {
  const stage = mark ?? (() => undefined);
  const blinded = unblinding.kind === 'blinded';
  const ctx = tlfContext(settings, unblinding.kind, lock.draft, runTrace(lock, settings));
  const files: OutputFiles = output;
  const catalog: CatalogEntry[] = [];

  const derived = deriveAll(lock, unblinding, settings);
  stage('derive');
  const { rows: ard, issues, curves } = analyzeAll(derived, settings, blinded);
  stage('analyze');
  // Figures first: their PNGs then render on other threads while the rest is written.
  startFigures(writeFigures(files, catalog, ard, curves, settings, ctx));
  stage('figures (SVG)');
  writeArdAndDatasets(files, lock, derived, ard, settings);
  stage('ard.csv and datasets');
  writeListings(files, catalog, lock, derived, settings, ctx);
  stage('listings');
  writeTables(files, catalog, lock, derived, ard, settings, ctx);
  stage('tables');

  const producedIds = new Set(catalog.map((c) => c.id));
  const warnings = [
    ...stratumWarnings(derived.primary, unblinding),
    ...issues,
    ...unusedShellNotices(settings.display.shells, producedIds),
  ];
  return { derivations: derived.primary, ard, warnings, catalog };
}

/** The figures' SVG files, added to `files`; returned so that their PNGs can start. */
function writeFigures(
  files: OutputFiles,
  catalog: CatalogEntry[],
  ard: readonly ArdRow[],
  curves: readonly SurvivalCurve[],
  settings: SapSettings,
  ctx: TlfContext,
): Map<string, string> {
  // A figure's first title is its `Figure F-14.x` line, drawn into the picture: a shell words the rest.
  const specs = figureSpecs({ ard, curves, settings, ctx }).map((f) => applyShell(f, settings.display.shells, 1));
  const svgs = renderFigureSvgFiles(specs);
  for (const [path, svg] of svgs) files.set(path, svg);
  for (const f of specs) catalog.push(figureCatalogEntry(f));
  return svgs;
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
  files.set('ard.csv', ardToCsv(ard));
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
): void {
  const layout = {
    settings,
    baselinePrecision: baselinePrecision(lock, settings),
    aeHierarchy: aeHierarchy(d.adae),
    proPrecision: computeProPrecision(lock.qs, settings),
    labPrecision: computeLabPrecision(d.biomarkers.labs, settings),
    exposurePrecision: exposurePrecision(lock.ex, settings.exposure.infusedValue),
    haematologyTests: d.haematologyTests,
    labLabels: computeTestLabels(lock.lb),
  };
  for (const [path, text] of renderTables(ard, ctx, layout, catalog)) files.set(path, text);
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
