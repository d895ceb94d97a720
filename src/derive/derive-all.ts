/**
 * Every derivation of a run, in dependency order, from a validated lock: the records the analysis stage
 * reads and the dataset registry (`adamDatasetMakers`) writes.
 */
import type { Lock, Unblinding } from '../lock/types.js';
import type { SapSettings } from '../sap/index.js';
import { deriveAdae, type AdaeRecord } from './adae.js';
import { deriveBiomarkers, type BiomarkerDerivations } from './biomarkers.js';
import { deriveConmedAtDay0, type ConmedRecord } from './conmed.js';
import { deriveDeviations, type DeviationRecord } from './deviations.js';
import type { TteRecord } from './flares-tte.js';
import { deriveFlares, type FlareDerivations } from './flares.js';
import { indexLock, keepInstruments } from './lock-index.js';
import { computeHaematologyTests } from './lab-panels.js';
import { derivePrimary, type PrimaryDerivations } from './primary.js';
import { holdPros, proInstruments, type ProRecord } from './pro.js';
import { holdLargeAsColumns } from './record-columns.js';
import { deriveSteroidSparing, toSteroidDiscontinuationTte, type SteroidSparingRecord } from './steroid-sparing.js';

export interface Derived {
  /** ADSL, SLEDAI-2K, BILAG, PGA, SDI, steroid doses, SRI-4. */
  readonly primary: PrimaryDerivations;
  readonly pro: readonly ProRecord[];
  readonly flares: FlareDerivations;
  readonly steroidSparing: readonly SteroidSparingRecord[];
  readonly biomarkers: BiomarkerDerivations;
  readonly adae: readonly AdaeRecord[];
  /** CM records with the medication-at-Day-0 flag. */
  readonly conmed: readonly ConmedRecord[];
  /** Derived protocol deviations; empty in a blinded run (they need the randomization file). */
  readonly deviations: readonly DeviationRecord[];
  /** Every time-to-event parameter: time to first flare (each kind), time to steroid discontinuation. */
  readonly tte: readonly TteRecord[];
  /** The EX rows as locked: ADEX is made from them directly. */
  readonly ex: Lock['ex'];
  /** The lock's haematology tests (LBTESTCD), none when its LB has none. */
  readonly haematologyTests: readonly string[];
}

/**
 * `settled` is called after each large step, once the data it made on the way (the QS index, the records
 * before they were held as columns) are garbage: the command line collects them there (memory), so that
 * the next step does not start on them. It changes nothing computed.
 */
export function deriveAll(
  lock: Lock,
  unblinding: Unblinding,
  settings: SapSettings,
  settled: () => void = () => undefined,
): Derived {
  const { primary, pro } = deriveFromQs(lock, unblinding, settings);
  settled();
  const biomarkers = deriveBiomarkers(lock, settings, holdLargeAsColumns);
  settled();
  const flares = deriveFlares({ adsl: primary.adsl, bilagGrades: primary.bilagGrades, sv: lock.sv }, settings);
  const steroidSparing = deriveSteroidSparing(primary.steroid.profiles, settings);
  const startDates = new Map(lock.dm.map((r) => [r.USUBJID, r.RFSTDTC]));
  const conmed = holdLargeAsColumns(deriveConmedAtDay0(lock.cm, primary.adsl));
  return {
    primary,
    get pro() {
      return pro();
    },
    flares,
    steroidSparing,
    biomarkers,
    adae: deriveAdae(lock, primary.adsl, settings),
    get conmed() {
      return conmed();
    },
    deviations: deriveDeviations(primary.adsl),
    tte: [...flares.tte, ...toSteroidDiscontinuationTte(steroidSparing, startDates)],
    ex: lock.ex,
    haematologyTests: computeHaematologyTests(lock.lb),
  };
}

/**
 * The derivations that read QS, from one index of it: the index (a map per assessment) is garbage once
 * they are made, rather than live through the analyses and the output.
 */
function deriveFromQs(
  lock: Lock,
  unblinding: Unblinding,
  settings: SapSettings,
): { primary: PrimaryDerivations; pro: () => readonly ProRecord[] } {
  const index = indexLock(lock);
  const primary = derivePrimary(lock, unblinding, settings, index, holdLargeAsColumns);
  // The PRO scores read only the PRO instruments: the others' assessments (SLEDAI-2K, BILAG, SDI, PGA:
  // two thirds of QS) are let go before the PRO records are made.
  keepInstruments(index, proInstruments(settings));
  return { primary, pro: holdPros(settings, index, holdLargeAsColumns) };
}
