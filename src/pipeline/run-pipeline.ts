/**
 * One analysis run without I/O: validated lock + unblinding + settings → ADaM datasets, ARD rows and
 * rendered tables, as a map of output files (everything but manifest.json). Pure: the same inputs give
 * the same bytes.
 */
import type { ArdRow } from '../ard/types.js';
import { issue, type Issue } from '../core/issues.js';
import type { AdamDataset } from '../derive/dataset.js';
import { derivePrimary, primaryDatasetContext, primaryDatasetMakers, type PrimaryDerivations } from '../derive/primary.js';
import type { Lock, Unblinding } from '../lock/types.js';
import { ardToCsv, sortArdRows, datasetToCsv } from '../output/ard-csv.js';
import type { SapSettings } from '../sap/index.js';
import { analyzeSri4 } from '../analyze/sri4.js';
import { analyzeFlares } from '../analyze/flares.js';
import { deriveFlares, toFlareDatasets } from '../derive/flares.js';
import { toTteDataset } from '../derive/flares-tte.js';
import { FLARE_LISTING_ID, flareListingTitle, renderFlareListing } from '../tlf/flares-listing.js';
import { listingCatalogEntry as patientListingEntry, patientListingSpecs, renderListingFiles } from '../tlf/listings/index.js';
import type { CatalogEntry } from '../render/index-page.js';
import type { FigureSpec } from '../figures/figure-spec.js';
import { analyzeSteroids } from '../analyze/steroids.js';
import { analyzeSdi } from '../analyze/sdi.js';
import { analyzeBiomarkers } from '../analyze/biomarkers.js';
import { deriveSteroidSparing, toSteroidDiscontinuationTte, toSteroidSparingDataset } from '../derive/steroid-sparing.js';
import { biomarkerDatasetMakers, deriveBiomarkers } from '../derive/biomarkers.js';
import { computeLabPrecision } from '../derive/lab-results.js';
import { renderTables, tlfContext } from './tables.js';
import { FIGURES_FOLDER, pngPathOf, renderFigureSvgFiles, renderPngFilesAsync } from '../figures/figure-files.js';
import { svgToPng } from '../figures/png.js';
import { trialFigureSpecs } from '../figures/trial-figures.js';
import { analyzePros } from '../analyze/pro.js';
import { analyzeSledaiChange } from '../analyze/sledai-change.js';
import { derivePros, toProDataset, type ProRecord } from '../derive/pro.js';
import { indexLock } from '../derive/lock-index.js';
import { computeProPrecision } from '../derive/pro-precision.js';
import { analyzeSafety } from '../analyze/safety.js';
import { analyzeSafetyDetail } from '../analyze/safety-detail.js';
import { analyzeSites } from '../analyze/sites.js';
import { analyzeHaematology } from '../analyze/haematology.js';
import { analyzeBilagGradesByVisit, analyzePgaByVisit } from '../analyze/pga-bilag-visits.js';
import { computeHaematologyTests, computeTestLabels } from '../derive/lab-panels.js';
import { analyzeDisposition } from '../analyze/disposition.js';
import { analyzeBaselineCharacteristics } from '../analyze/baseline-characteristics.js';
import { deriveAdae, toAdaeDataset } from '../derive/adae.js';
import { toAdexDataset } from '../derive/adex.js';
import { aeHierarchy } from '../tlf/ae-soc-pt.js';
import { baselinePrecision } from '../tlf/baseline-characteristics.js';
import { analyzeSri4Sensitivity } from '../analyze/sri4-sensitivity.js';
import { analyzeExposure } from '../analyze/exposure.js';
import { analyzeConmed } from '../analyze/conmed.js';
import { analyzeDeviations } from '../analyze/deviations.js';
import { deriveConmedAtDay0, toConmedDataset } from '../derive/conmed.js';
import { deriveDeviations, toDeviationDataset } from '../derive/deviations.js';

export interface PipelineInput {
  readonly lock: Lock;
  readonly unblinding: Unblinding;
  readonly settings: SapSettings;
  /** Called at the end of each stage with its name (profiling: the run log's timings, bench/). */
  readonly mark?: (stage: string) => void;
}

export interface PipelineResult {
  readonly derivations: PrimaryDerivations;
  /** Sorted as ard.md requires. */
  readonly ard: readonly ArdRow[];
  /** Output files by relative path (ard.csv, adam/*.csv, tables/*, figures/* — PNGs as bytes), manifest excluded. */
  readonly files: ReadonlyMap<string, string | Uint8Array>;
  /** Protocol deviations and other findings that do not stop the run. */
  readonly warnings: readonly Issue[];
  /** Every table, listing and figure with its title and files, for the entry page (index.html). */
  readonly catalog: readonly CatalogEntry[];
}

/** The run with its figures' PNGs rendered in this thread. */
export function runPipeline(input: PipelineInput): PipelineResult {
  let svgs = new Map<string, string>();
  const result = runStages(input, (figures) => (svgs = figures));
  const files = new Map(result.files);
  for (const [path, svg] of svgs) files.set(pngPathOf(path), svgToPng(svg));
  return { ...result, files };
}

/**
 * The same run and bytes, with the figures' PNGs rendered on other threads while the tables are built
 * (PNG rendering is the largest single cost of a run; the command line uses this).
 */
export async function runPipelineAsync(input: PipelineInput): Promise<PipelineResult> {
  let pngs: Promise<Map<string, Uint8Array>> = Promise.resolve(new Map());
  const result = runStages(input, (figures) => (pngs = renderPngFilesAsync(figures)));
  const files = new Map(result.files);
  for (const [path, png] of await pngs) files.set(path, png);
  input.mark?.('figures (PNG, other threads; waited for)');
  return { ...result, files };
}

/** Everything but the PNGs; `startFigures` receives the SVG figure files as soon as they exist. */
function runStages({ lock, unblinding, settings, mark }: PipelineInput, startFigures: (svgs: Map<string, string>) => void): PipelineResult {
  const stage = mark ?? (() => undefined);
  const blinded = unblinding.kind === 'blinded';
  const ctx = tlfContext(settings, unblinding.kind, lock.draft);
  const { derivations, pro } = deriveFromQs(lock, unblinding, settings);
  const flares = deriveFlares({ adsl: derivations.adsl, bilagGrades: derivations.bilagGrades, sv: lock.sv }, settings);
  const steroidSparing = deriveSteroidSparing(derivations.steroid.profiles, settings);
  const biomarkers = deriveBiomarkers(lock, settings);
  const adae = deriveAdae(lock, derivations.adsl, settings);
  const conmed = deriveConmedAtDay0(lock.cm, derivations.adsl);
  const deviations = deriveDeviations(derivations.adsl);
  const tte = [...flares.tte, ...toSteroidDiscontinuationTte(steroidSparing, new Map(lock.dm.map((r) => [r.USUBJID, r.RFSTDTC])))];
  stage('derive');
  const ard = sortArdRows([
    ...analyzeSledaiChange(derivations.adsl, derivations.sledai, settings, blinded),
    ...analyzePros(derivations.adsl, pro, settings, blinded),
    ...analyzeSafety(derivations.adsl, adae, settings, blinded),
    ...analyzeSafetyDetail(derivations.adsl, adae, settings, blinded),
    ...analyzeDisposition(derivations.adsl, blinded),
    ...analyzeSites(derivations.adsl, blinded),
    ...analyzeBaselineCharacteristics(derivations.adsl, derivations.bilagBaseline, settings, blinded),
    ...analyzeSteroids(derivations.adsl, steroidSparing, settings, blinded),
    ...analyzeSdi(derivations.adsl, derivations.sdi, settings, blinded),
    ...analyzePgaByVisit(derivations.adsl, derivations.pga, settings, blinded),
    ...analyzeBilagGradesByVisit(derivations.adsl, derivations.bilagGrades, settings, blinded),
    ...analyzeBiomarkers(derivations.adsl, biomarkers, settings, blinded),
    ...analyzeHaematology(derivations.adsl, biomarkers.labs, computeHaematologyTests(lock.lb), settings, blinded),
    ...analyzeSri4(derivations.adsl, derivations.sri4, settings, blinded), ...analyzeFlares(derivations.adsl, flares, settings, blinded),
    ...analyzeSri4Sensitivity(derivations.adsl, derivations.sri4, settings, blinded),
    ...analyzeExposure(derivations.adsl, blinded),
    ...analyzeConmed(derivations.adsl, conmed, settings, blinded),
    ...analyzeDeviations(derivations.adsl, deviations, blinded)]);
  stage('analyze');

  // Figures first: their PNGs then render on other threads while the rest is written.
  const files = new Map<string, string | Uint8Array>();
  const catalog: CatalogEntry[] = [];
  const figureSpecs = trialFigureSpecs({ adsl: derivations.adsl, tte, ard, settings, ctx });
  const figureSvgs = renderFigureSvgFiles(figureSpecs);
  for (const [path, svg] of figureSvgs) files.set(path, svg);
  startFigures(figureSvgs);
  for (const f of figureSpecs) catalog.push(figureCatalogEntry(f));
  stage('figures (SVG)');

  files.set('ard.csv', ardToCsv(ard));
  const datasetContext = primaryDatasetContext(derivations, settings);
  for (const make of primaryDatasetMakers(derivations, datasetContext)) addDataset(files, make());
  for (const ds of toFlareDatasets(flares, datasetContext)) files.set(`adam/${ds.name}.csv`, datasetToCsv(ds));
  files.set('adam/adae.csv', datasetToCsv(toAdaeDataset(adae, datasetContext)));
  files.set('adam/adpro.csv', datasetToCsv(toProDataset(pro, datasetContext)));
  files.set('adam/adtte.csv', datasetToCsv(toTteDataset(tte, datasetContext)));
  files.set('adam/adcsspar.csv', datasetToCsv(toSteroidSparingDataset(steroidSparing, datasetContext)));
  for (const make of biomarkerDatasetMakers(biomarkers, datasetContext)) addDataset(files, make());
  addDataset(files, toAdexDataset(lock, datasetContext));
  addDataset(files, toConmedDataset(conmed, datasetContext));
  // Deviations need the randomization file: a blinded run has none and writes no addv.
  if (!blinded) addDataset(files, toDeviationDataset(deviations, datasetContext));
  stage('ard.csv and datasets');

  for (const spec of patientListingSpecs({
    lock, settings, adsl: derivations.adsl, adae, sri4: derivations.sri4, sledai: derivations.sledai, bilagGrades: derivations.bilagGrades,
    bilagVisits: derivations.bilagVisits, pga: derivations.pga, labs: biomarkers.labs,
  }, ctx)) {
    for (const [path, text] of renderListingFiles(spec, ctx)) files.set(path, text);
    catalog.push(patientListingEntry(spec));
  }
  for (const [path, text] of renderFlareListing(flares.transitions, derivations.adsl, ctx)) files.set(path, text);
  catalog.push(listingCatalogEntry(FLARE_LISTING_ID, flareListingTitle()));
  stage('listings');
  for (const [path, text] of renderTables(ard, ctx, { settings, baselinePrecision: baselinePrecision(lock, settings), aeHierarchy: aeHierarchy(adae), proPrecision: computeProPrecision(lock.qs, settings), labPrecision: computeLabPrecision(biomarkers.labs, settings), haematologyTests: computeHaematologyTests(lock.lb), labLabels: computeTestLabels(lock.lb) }, catalog)) files.set(path, text);
  stage('tables');

  return { derivations, ard, files, warnings: stratumWarnings(derivations, unblinding), catalog };
}

/** A figure's catalog entry: its titles without the `Figure <id>` line the picture itself carries. */
function figureCatalogEntry(spec: FigureSpec): CatalogEntry {
  const title = spec.titles.filter((t) => t !== `Figure ${spec.id}`).join(' \u2014 ');
  return { id: spec.id, title, kind: 'figure', files: ['svg', 'png'].map((ext) => `${FIGURES_FOLDER}/${spec.id}.${ext}`) };
}

function listingCatalogEntry(id: string, title: string): CatalogEntry {
  return { id, title, kind: 'listing', files: ['html', 'rtf', 'txt'].map((ext) => `listings/${id}.${ext}`) };
}

/** Writes a dataset as `adam/<name>.csv`. A function, so that its rows are garbage once it returns. */
function addDataset(files: Map<string, string | Uint8Array>, ds: AdamDataset): void {
  files.set(`adam/${ds.name}.csv`, datasetToCsv(ds));
}

/**
 * The derivations that read QS, from one index of it: the index (a map per assessment) is garbage once
 * they are made, rather than live through the analyses and the output.
 */
function deriveFromQs(
  lock: Lock,
  unblinding: Unblinding,
  settings: SapSettings,
): { derivations: PrimaryDerivations; pro: ProRecord[] } {
  const index = indexLock(lock);
  return { derivations: derivePrimary(lock, unblinding, settings, index), pro: derivePros(lock, settings, index) };
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
      );
    });
}
