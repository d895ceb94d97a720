/**
 * One analysis run without I/O: validated lock + unblinding + settings → ADaM datasets, ARD rows and
 * rendered tables, as a map of output files (everything but manifest.json). Pure: the same inputs give
 * the same bytes.
 */
import type { ArdRow } from '../ard/types.js';
import { issue, type Issue } from '../core/issues.js';
import type { AdamDataset } from '../derive/dataset.js';
import { derivePrimary, primaryDatasetMakers, type PrimaryDerivations } from '../derive/primary.js';
import type { Lock, Unblinding } from '../lock/types.js';
import { ardToCsv, sortArdRows, datasetToCsv } from '../output/ard-csv.js';
import { SAP_VERSION, type SapSettings } from '../sap/index.js';
import { toolVersion } from '../core/package-root.js';
import type { RunTrace } from '../render/print-form.js';
import { analyzeSri4 } from '../analyze/sri4.js';
import { analyzeFlares } from '../analyze/flares.js';
import { deriveFlares, toFlareDatasets } from '../derive/flares.js';
import { toTteDataset } from '../derive/flares-tte.js';
import { renderFlareListing } from '../tlf/flares-listing.js';
import { analyzeSteroids } from '../analyze/steroids.js';
import { analyzeSdi } from '../analyze/sdi.js';
import { analyzeBiomarkers } from '../analyze/biomarkers.js';
import { deriveSteroidSparing, toSteroidDiscontinuationTte, toSteroidSparingDataset } from '../derive/steroid-sparing.js';
import { biomarkerDatasetMakers, deriveBiomarkers } from '../derive/biomarkers.js';
import { computeLabPrecision } from '../derive/lab-results.js';
import { renderTables, tlfContext } from './tables.js';
import { renderFigureFiles } from '../figures/figure-files.js';
import { trialFigureSpecs } from '../figures/trial-figures.js';
import { analyzePros } from '../analyze/pro.js';
import { analyzeSledaiChange } from '../analyze/sledai-change.js';
import { derivePros, toProDataset, type ProRecord } from '../derive/pro.js';
import { indexLock } from '../derive/lock-index.js';
import { computeProPrecision } from '../derive/pro-precision.js';
import { analyzeSafety } from '../analyze/safety.js';
import { analyzeDisposition } from '../analyze/disposition.js';
import { analyzeBaselineCharacteristics } from '../analyze/baseline-characteristics.js';
import { deriveAdae, toAdaeDataset } from '../derive/adae.js';
import { aeHierarchy } from '../tlf/ae-soc-pt.js';
import { baselinePrecision } from '../tlf/baseline-characteristics.js';

export interface PipelineInput {
  readonly lock: Lock;
  readonly unblinding: Unblinding;
  readonly settings: SapSettings;
}

export interface PipelineResult {
  readonly derivations: PrimaryDerivations;
  /** Sorted as ard.md requires. */
  readonly ard: readonly ArdRow[];
  /** Output files by relative path (ard.csv, adam/*.csv, tables/*, figures/* — PNGs as bytes), manifest excluded. */
  readonly files: ReadonlyMap<string, string | Uint8Array>;
  /** Protocol deviations and other findings that do not stop the run. */
  readonly warnings: readonly Issue[];
}

export function runPipeline({ lock, unblinding, settings }: PipelineInput): PipelineResult {
  const blinded = unblinding.kind === 'blinded';
  const trace = runTrace(lock, settings);
  const { derivations, pro } = deriveFromQs(lock, unblinding, settings);
  const flares = deriveFlares({ adsl: derivations.adsl, bilagGrades: derivations.bilagGrades, sv: lock.sv }, settings);
  const steroidSparing = deriveSteroidSparing(derivations.steroid.profiles, settings);
  const biomarkers = deriveBiomarkers(lock, settings);
  const adae = deriveAdae(lock, derivations.adsl, settings);
  const ard = sortArdRows([
    ...analyzeSledaiChange(derivations.adsl, derivations.sledai, settings, blinded),
    ...analyzePros(derivations.adsl, pro, settings, blinded),
    ...analyzeSafety(derivations.adsl, adae, settings, blinded),
    ...analyzeDisposition(derivations.adsl, blinded),
    ...analyzeBaselineCharacteristics(derivations.adsl, derivations.bilagBaseline, settings, blinded),
    ...analyzeSteroids(derivations.adsl, steroidSparing, settings, blinded),
    ...analyzeSdi(derivations.adsl, derivations.sdi, settings, blinded),
    ...analyzeBiomarkers(derivations.adsl, biomarkers, settings, blinded),
    ...analyzeSri4(derivations.adsl, derivations.sri4, settings, blinded), ...analyzeFlares(derivations.adsl, flares, settings, blinded)]);

  const files = new Map<string, string | Uint8Array>();
  files.set('ard.csv', ardToCsv(ard));
  for (const make of primaryDatasetMakers(derivations, settings)) addDataset(files, make());
  for (const ds of toFlareDatasets(flares, settings)) files.set(`adam/${ds.name}.csv`, datasetToCsv(ds));
  files.set('adam/adae.csv', datasetToCsv(toAdaeDataset(adae)));
  files.set('adam/adpro.csv', datasetToCsv(toProDataset(pro)));
  const tte = [...flares.tte, ...toSteroidDiscontinuationTte(steroidSparing, new Map(lock.dm.map((r) => [r.USUBJID, r.RFSTDTC])))];
  files.set('adam/adtte.csv', datasetToCsv(toTteDataset(tte)));
  files.set('adam/adcsspar.csv', datasetToCsv(toSteroidSparingDataset(steroidSparing)));
  for (const make of biomarkerDatasetMakers(biomarkers)) addDataset(files, make());
  for (const [path, text] of renderFlareListing(flares.transitions, derivations.adsl, tlfContext(settings, unblinding.kind, lock.draft, trace))) files.set(path, text);
  for (const [path, text] of renderTables(ard, tlfContext(settings, unblinding.kind, lock.draft, trace), { settings, baselinePrecision: baselinePrecision(lock, settings), aeHierarchy: aeHierarchy(adae), proPrecision: computeProPrecision(lock.qs, settings), labPrecision: computeLabPrecision(biomarkers.labs) })) files.set(path, text);

  for (const [path, content] of renderFigureFiles(trialFigureSpecs({ adsl: derivations.adsl, tte, ard, settings, ctx: tlfContext(settings, unblinding.kind, lock.draft, trace) }))) files.set(path, content);

  return { derivations, ard, files, warnings: stratumWarnings(derivations, unblinding) };
}

/**
 * The provenance every output prints (trace line): tool and SAP versions, the lock id and its date as
 * the data cut, from the run's inputs, never the clock. A draft without lock.json says so.
 */
function runTrace(lock: Lock, settings: SapSettings): RunTrace {
  return {
    study: settings.study,
    toolVersion: toolVersion(),
    lockId: lock.manifest?.lockId ?? 'none (draft)',
    sapVersion: SAP_VERSION,
    dataCut: lock.manifest?.lockedAt ?? 'unknown (draft)',
  };
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
        `${s.USUBJID}: randomization stratum ${s.RANDSTR} disagrees with screening SLEDAI-2K ${s.SCRSLED} (stratum ${s.STRATUM}); analysed as randomized (protocol deviation)`,
        r?.src.line,
        'STRATUM',
      );
    });
}
