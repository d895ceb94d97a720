/**
 * The instruments carried in QS (../shared/dts/instruments.md) as data: for each QSCAT its test codes and
 * what a result must look like. Scoring (weights, conversion tables) belongs to the SAP settings, not here.
 */

/** A result given as a controlled text in QSSTRESC. */
interface TextResult {
  readonly kind: 'text';
  readonly terms: readonly string[];
}

/** A result given as a number in QSSTRESN. */
interface NumericResult {
  readonly kind: 'number';
  readonly min?: number;
  readonly max?: number;
  readonly whole?: boolean;
  /** Most decimals the number may be written with. */
  readonly maxDecimals?: number;
}

export type InstrumentResult = TextResult | NumericResult;

export interface Instrument {
  readonly result: InstrumentResult;
  /** QSTESTCD → its own upper limit, where it narrows the instrument's (SLICC/ACR DI systems). */
  readonly tests: Readonly<Record<string, { readonly max?: number }>>;
}

const codes = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);

const plain = (list: readonly string[]): Record<string, { readonly max?: number }> =>
  Object.fromEntries(list.map((c) => [c, {}]));

const SDI_MAX: Readonly<Record<string, number>> = {
  SDIOCUL: 2,
  SDINEUR: 6,
  SDIRENL: 3,
  SDIPULM: 5,
  SDICARD: 6,
  SDIPVAS: 5,
  SDIGAST: 6,
  SDIMUSK: 7,
  SDISKIN: 3,
  SDIGONF: 1,
  SDIDIAB: 1,
  SDIMALG: 2,
};

/** Keyed by QSCAT. */
export const INSTRUMENTS: Readonly<Record<string, Instrument>> = {
  'SLEDAI-2K': { result: { kind: 'text', terms: ['Y', 'N'] }, tests: plain(codes('SLED', 24)) },
  'BILAG-2004': {
    result: { kind: 'text', terms: ['A', 'B', 'C', 'D', 'E'] },
    tests: plain(['BLGCONS', 'BLGMUCO', 'BLGNEUR', 'BLGMUSK', 'BLGCARD', 'BLGGAST', 'BLGOPHT', 'BLGRENL', 'BLGHAEM']),
  },
  PGA: { result: { kind: 'number', min: 0, max: 3, maxDecimals: 2 }, tests: plain(['PGA']) },
  'SLICC/ACR DAMAGE INDEX': {
    result: { kind: 'number', min: 0, whole: true },
    tests: Object.fromEntries(Object.entries(SDI_MAX).map(([c, max]) => [c, { max }])),
  },
  'SF-36 V2': {
    result: { kind: 'number' },
    tests: plain([
      'SF36PF',
      'SF36RP',
      'SF36BP',
      'SF36GH',
      'SF36VT',
      'SF36SF',
      'SF36RE',
      'SF36MH',
      'SF36PCS',
      'SF36MCS',
    ]),
  },
  'PROMIS FATIGUE SF 7A': { result: { kind: 'number', min: 1, max: 5, whole: true }, tests: plain(codes('PRFA', 7)) },
  'PROMIS PAIN INTERFERENCE SF 6A': {
    result: { kind: 'number', min: 1, max: 5, whole: true },
    tests: plain(codes('PRPI', 6)),
  },
  'PROMIS DEPRESSION SF 8A': {
    result: { kind: 'number', min: 1, max: 5, whole: true },
    tests: plain(codes('PRDE', 8)),
  },
  LUPUSPRO: {
    result: { kind: 'number', min: 0, max: 100 },
    tests: plain([
      'LPROLS',
      'LPROCOG',
      'LPROMED',
      'LPROPRO',
      'LPROPHY',
      'LPROPV',
      'LPROEMO',
      'LPROBI',
      'LPRODG',
      'LPROSS',
      'LPROCOP',
      'LPROSAT',
      'LPROHRQ',
      'LPRONHRQ',
    ]),
  },
  LIT: { result: { kind: 'number', min: 0, max: 4, whole: true }, tests: plain(codes('LIT', 10)) },
};

export const QSCATS: readonly string[] = Object.keys(INSTRUMENTS);
