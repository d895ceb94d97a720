/**
 * The validated, typed content of a lock (../shared/dts/). Readers produce these only from input that
 * passed every rule; derivations consume them. Every row remembers where it came from (`src`) so that
 * `sle-msc explain` can cite file and line.
 *
 * Conventions: empty CSV fields are `null`; `date` columns hold the date part `YYYY-MM-DD` (a date-time's
 * time is dropped); `pdate` columns hold the text as given (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); numeric
 * columns are numbers. `*_DEC` fields record how many decimals the number was written with (the data's
 * precision, which drives display rounding per the SAP).
 */
import type { Arm } from '../ard/arms.js';
import type { IsoDate } from '../core/dates.js';

/** Rows read one at a time by position (0 to length − 1) rather than as an array of all of them. */
export interface RowsByPosition<R> {
  readonly length: number;
  at(i: number): R;
}

/**
 * Rows to pass over by index: an array, or a `RowsByPosition` (views made one at a time). A loop by
 * index takes no iterator: a `for…of` over a generator made a result object per row and resumed the
 * generator per row, in rule code that mostly runs before V8 optimizes it (~5 passes over QS).
 */
export interface Positional<R> {
  readonly length: number;
  at(i: number): R | undefined;
}

/** An array's rows by position (its elements themselves). */
export function rowsOfArray<R>(rows: readonly R[]): RowsByPosition<R> {
  return { length: rows.length, at: (i) => rows[i] as R };
}

export interface SourceRef {
  /** File name within the lock folder, e.g. `qs.csv`, or the randomization file's name. */
  readonly file: string;
  /** Physical line (header = 1). */
  readonly line: number;
}

interface Row {
  readonly src: SourceRef;
  readonly STUDYID: string;
  readonly USUBJID: string;
}

export interface DmRow extends Row {
  readonly SUBJID: string;
  readonly SITEID: string;
  readonly RFSTDTC: IsoDate | null;
  readonly RFENDTC: IsoDate | null;
  readonly AGE: number;
  readonly AGEU: string;
  readonly SEX: string;
  readonly RACE: string;
  readonly ETHNIC: string;
  readonly COUNTRY: string;
  readonly ARMCD: string;
  readonly ARM: string;
  readonly ACTARMCD: string;
  readonly ACTARM: string;
  readonly WEIGHTBL: number | null;
  readonly WEIGHTBL_DEC: number | null;
}

export interface DsRow extends Row {
  readonly DSSEQ: number;
  readonly DSCAT: 'PROTOCOL MILESTONE' | 'DISPOSITION EVENT';
  readonly DSDECOD: string;
  readonly DSTERM: string;
  readonly DSSTDTC: IsoDate;
}

export interface SvRow extends Row {
  readonly VISITNUM: number;
  readonly VISIT: string;
  readonly SVSTDTC: IsoDate;
}

export interface ExRow extends Row {
  readonly EXSEQ: number;
  readonly EXTRT: string;
  readonly EXROUTE: string;
  readonly EXVOL: number | null;
  readonly EXSTDTC: IsoDate;
  readonly EXOCCUR: 'Y' | 'N';
}

export interface QsRow extends Row {
  readonly QSSEQ: number;
  readonly QSCAT: string;
  readonly QSTESTCD: string;
  readonly QSTEST: string;
  readonly QSORRES: string | null;
  readonly QSSTRESC: string | null;
  readonly QSSTRESN: number | null;
  readonly QSSTRESN_DEC: number | null;
  /** `NOT DONE` or null. */
  readonly QSSTAT: string | null;
  readonly QSREASND: string | null;
  readonly VISITNUM: number;
  readonly VISIT: string;
  readonly QSDTC: IsoDate;
}

export interface LbRow extends Row {
  readonly LBSEQ: number;
  readonly LBTESTCD: string;
  readonly LBTEST: string;
  readonly LBCAT: string;
  readonly LBSPEC: string;
  readonly LBORRES: string | null;
  readonly LBORRESU: string | null;
  readonly LBSTRESN: number | null;
  readonly LBSTRESN_DEC: number | null;
  readonly LBSTRESC: string | null;
  readonly LBSTRESU: string | null;
  readonly LBSTNRLO: number | null;
  readonly LBSTNRHI: number | null;
  readonly LBNRIND: string | null;
  readonly LBSTAT: string | null;
  readonly VISITNUM: number;
  readonly VISIT: string;
  readonly LBDTC: IsoDate;
}

export interface CmRow extends Row {
  readonly CMSEQ: number;
  readonly CMTRT: string;
  readonly CMDECOD: string;
  readonly CMCAT: string;
  readonly CMDOSE: number | null;
  readonly CMDOSU: string | null;
  readonly CMDOSFRQ: string | null;
  readonly CMROUTE: string;
  /** Partial date allowed. */
  readonly CMSTDTC: string;
  /** Partial date allowed; null only when CMENRTPT = ONGOING. */
  readonly CMENDTC: string | null;
  readonly CMENRTPT: string | null;
}

export interface AeRow extends Row {
  readonly AESEQ: number;
  readonly AETERM: string;
  readonly AEDECOD: string;
  readonly AEBODSYS: string;
  /** Partial date allowed. */
  readonly AESTDTC: string;
  readonly AEENDTC: string | null;
  readonly AESER: 'Y' | 'N';
  readonly AESEV: 'MILD' | 'MODERATE' | 'SEVERE';
  readonly AEREL: string;
  readonly AEOUT: string | null;
  readonly AEACN: string | null;
}

export interface LockManifest {
  readonly study: string;
  readonly lockId: string;
  readonly lockedAt: string;
  readonly blinded: true;
  readonly files: Readonly<Record<string, string>>;
}

/** A lock that passed validation. */
export interface Lock {
  /** Absolute path of the lock folder. */
  readonly dir: string;
  /** Parsed lock.json; null in a draft run whose lock.json is missing or unusable. */
  readonly manifest: LockManifest | null;
  /** True when the run was asked for with --draft and lock.json is missing or does not match. */
  readonly draft: boolean;
  /** SHA-256 (hex) of every domain file read, by file name. */
  readonly fileHashes: Readonly<Record<string, string>>;
  readonly dm: readonly DmRow[];
  readonly ds: readonly DsRow[];
  readonly sv: readonly SvRow[];
  readonly ex: readonly ExRow[];
  /**
   * QS and LB rows as read are views of columns (table.ts, layout `columns`): their fields are getters
   * on the prototype, so read them by name; `{ ...row }`, `Object.keys(row)` and JSON see only the index.
   * Each read of `qs` makes new views of the same rows (none is kept between passes): take it once per
   * pass, and compare its rows by their values or `src`, not by identity across reads.
   */
  readonly qs: readonly QsRow[];
  /**
   * The same rows as `qs`, one at a time by position (`qsRows.at(i)` is a new view of `qs[i]`): for a
   * pass that keeps row positions rather than rows (the derive stage's QS index: 10.8M views of a
   * 20,000-subject lock took ~0.4 GB while they were all alive).
   */
  readonly qsRows: RowsByPosition<QsRow>;
  readonly lb: readonly LbRow[];
  readonly cm: readonly CmRow[];
  readonly ae: readonly AeRow[];
}

/** The arm codes in display order, from the ARD's one statement of the arms (src/ard/arms.ts). */
export { ARMS as ARM_CODES } from '../ard/arms.js';
export type ArmCode = Arm;

export interface RandomizationRow {
  readonly src: SourceRef;
  readonly STUDYID: string;
  readonly USUBJID: string;
  readonly RANDNO: string;
  readonly RANDDT: IsoDate;
  readonly STRATUM: '<10' | '>=10';
  readonly ARMCD: ArmCode;
  readonly ARM: string;
  readonly ACTARMCD: ArmCode | null;
}

/** Where the arms of a run come from. */
export type Unblinding =
  | { readonly kind: 'blinded' }
  | {
      readonly kind: 'randomization';
      readonly file: string;
      readonly sha256: string;
      readonly rows: readonly RandomizationRow[];
    }
  | { readonly kind: 'dummy'; readonly seed: string; readonly rows: readonly RandomizationRow[] };
