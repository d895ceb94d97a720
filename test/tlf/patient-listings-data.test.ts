import { describe, expect, it } from 'vitest';
import type { BilagGradeRecord, BilagVisitRecord } from '../../src/derive/bilag.js';
import type { LabRecord } from '../../src/derive/lab-results.js';
import type { PgaRecord } from '../../src/derive/pga.js';
import type { SledaiRecord } from '../../src/derive/sledai.js';
import { holdAsColumns } from '../../src/derive/record-columns.js';
import { SourceLines } from '../../src/derive/source-lines.js';
import type { LbRow } from '../../src/lock/types.js';
import { defaultSettingsPath, loadSapSettings } from '../../src/sap/index.js';
import type { TlfContext } from '../../src/tlf/context.js';
import {
  bilagListingSpec,
  domainHeaders,
  hundredthsText,
  pgaListingSpec,
  sledaiListingSpec,
} from '../../src/tlf/listings/efficacy.js';
import {
  LAB_LISTINGS,
  changeCell,
  labListingIndex,
  labListingSpec,
  labValueText,
  rangeFlag,
  rangeText,
} from '../../src/tlf/listings/labs.js';
import { adslRecord, blind } from '../helpers/adsl-record.js';

const ctx = (blinding: TlfContext['blinding']): TlfContext => ({
  blinding,
  draft: false,
  totalLabel: 'Total',
  includeTotal: true,
  armLabels: { PBO: 'Placebo', MSC1E6: 'Low', MSC5E6: 'High' },
});
const adsl = [
  adslRecord('S2', { ARMCD: 'PBO', ACTARMCD: 'MSC5E6' }),
  adslRecord('S1', { ARMCD: 'MSC1E6', ACTARMCD: 'MSC1E6' }),
  adslRecord('S9', { FASFL: 'N' }),
];
const timing = (USUBJID: string, VISITNUM: number, ADT: string, ADY: number) => ({
  USUBJID,
  VISITNUM,
  VISIT: `V${VISITNUM}`,
  AVISIT: null,
  ADT,
  ADY,
});

describe('L-16.2.6.x efficacy listings', () => {
  it('prints hundredths exactly', () => {
    expect([hundredthsText(108), hundredthsText(-3), hundredthsText(0), hundredthsText(null)]).toEqual([
      '1.08',
      '-0.03',
      '0.00',
      '',
    ]);
  });

  it('SLEDAI-2K and PGA: FAS only, arm then subject, assessments in date order', () => {
    const sled = (
      USUBJID: string,
      VISITNUM: number,
      ADT: string,
      AVAL: number | null,
      over: Partial<SledaiRecord> = {},
    ): SledaiRecord =>
      ({
        ...timing(USUBJID, VISITNUM, ADT, 0),
        AVAL,
        MISSDESC: [],
        ABLFL: null,
        BASE: null,
        CHG: null,
        src: SourceLines.of([]),
        ...over,
      }) as SledaiRecord;
    const spec = sledaiListingSpec(
      [
        sled('S1', 3, '2025-02-01', 6, { CHG: -4 }),
        sled('S1', 2, '2025-01-05', 10, { ABLFL: 'Y' }),
        sled('S2', 3, '2025-02-01', null, { MISSDESC: ['SLEDX1', 'SLEDX2'] }),
        sled('S9', 2, '2025-01-05', 4),
      ],
      adsl,
      ctx('randomization'),
    );
    expect([...spec.blocks].map((b) => b.map((r) => r.join('|')))).toEqual([
      ['S2|PBO|V3 (D0)|2025-02-01||||SLEDX1 SLEDX2'],
      ['S1|MSC1E6|V2 (D0)|2025-01-05|10|Y||', 'S1|MSC1E6|V3 (D0)|2025-02-01|6||-4|'],
    ]);
    const pga = (USUBJID: string, AVALH: number, CHGH: number | null): PgaRecord =>
      ({
        ...timing(USUBJID, 3, '2025-02-01', 27),
        AVAL: AVALH / 100,
        AVALH,
        ABLFL: null,
        BASE: null,
        BASEH: null,
        CHGH,
        CHG: null,
        src: SourceLines.of([]),
      }) as PgaRecord;
    expect([...pgaListingSpec([pga('S1', 125, -5)], adsl.map(blind), ctx('blinded')).blocks]).toEqual([
      [['S1', 'V3 (D27)', '2025-02-01', '1.25', '', '-0.05']],
    ]);
  });

  it('BILAG-2004: one row per assessment with each domain grade and new A / new B', () => {
    const settings = loadSapSettings(defaultSettingsPath());
    const [d1, d2] = settings.bilag.domains;
    const g = (PARAMCD: string, VISITNUM: number, AVALC: string | null): BilagGradeRecord =>
      ({
        ...timing('S1', VISITNUM, VISITNUM === 2 ? '2025-01-05' : '2025-02-01', VISITNUM === 2 ? 0 : 27),
        PARAMCD,
        AVALC,
        ABLFL: null,
        BASEC: null,
        src: null,
      }) as BilagGradeRecord;
    const visits = [{ ...timing('S1', 3, '2025-02-01', 27), NEWA: 1, NEWB: 0, MISSREAS: null } as BilagVisitRecord];
    const spec = bilagListingSpec(
      [g(d1!.code, 2, 'C'), g(d2!.code, 3, 'A'), g(d1!.code, 3, 'B')],
      visits,
      adsl.map(blind),
      settings,
      ctx('blinded'),
    );
    const others = settings.bilag.domains.length - 2;
    expect(spec.columns.slice(3, 5)).toEqual(['Con', 'Muc']);
    expect(spec.footnotes[0]).toMatch(/^Domains: Con Constitutional, Muc Mucocutaneous, /);
    expect([...spec.blocks]).toEqual([
      [
        ['S1', 'V2 (D0)', '2025-01-05', 'C', '', ...new Array<string>(others).fill(''), ''],
        ['S1', 'V3 (D27)', '2025-02-01', 'B', 'A', ...new Array<string>(others).fill(''), '1/0'],
      ],
    ]);
    // The run holds the grades as columns (views whose fields are getters): the same listing.
    const held = holdAsColumns([g(d1!.code, 2, 'C'), g(d2!.code, 3, 'A'), g(d1!.code, 3, 'B')])();
    expect(bilagListingSpec(held, visits, adsl.map(blind), settings, ctx('blinded'))).toEqual(spec);
    // Three letters that would not tell two domains apart: the names themselves.
    expect(domainHeaders(['Renal', 'Renovascular'])).toEqual(['Renal', 'Renovascular']);
  });
});

describe('L-16.2.8.x laboratory listings', () => {
  it('flags values outside their own range, honouring <x and >x', () => {
    const r = (AVAL: number, AVALQUAL: '<' | '>' | null) => ({ AVAL, AVALQUAL, ANRLO: 1, ANRHI: 5 });
    expect(
      [r(0.9, null), r(1, null), r(5, null), r(5.1, null), r(1, '<'), r(5, '>'), r(5, '<')].map(rangeFlag),
    ).toEqual(['L', '', '', 'H', 'L', 'H', '']);
    expect(rangeFlag({ AVAL: null, AVALQUAL: null, ANRLO: 1, ANRHI: 5 })).toBe('');
    expect([rangeText(null, 30), rangeText(1, null), rangeText(0.9, 1.8), rangeText(null, null)]).toEqual([
      '<=30',
      '>=1',
      '0.9-1.8',
      '',
    ]);
    expect([changeCell(true, ''), changeCell(false, '-0.2'), changeCell(true, '0.0')]).toEqual([
      'Baseline',
      '-0.2',
      'Baseline\n0.0',
    ]);
    expect([
      labValueText({ AVAL: 300, AVALQUAL: '>', AVALDEC: 0 }),
      labValueText({ AVAL: 8, AVALQUAL: null, AVALDEC: 1 }),
    ]).toEqual(['>300', '8.0']);
  });

  it('splits haematology (sorted by arm infused) from the other tests (arm randomized), tests in LB order', () => {
    const lb = (USUBJID: string, LBSEQ: number, LBTESTCD: string, LBCAT: string, LBTEST: string): LbRow =>
      ({ USUBJID, LBSEQ, LBTESTCD, LBCAT, LBTEST, LBSTRESU: 'u', LBSTAT: null, LBSTRESC: null }) as LbRow;
    const lab = (
      USUBJID: string,
      LBSEQ: number,
      PARAMCD: string,
      AVAL: number | null,
      over: Partial<LabRecord> = {},
    ): LabRecord =>
      ({
        USUBJID,
        LBSEQ,
        PARAMCD,
        VISITNUM: 2,
        VISIT: 'DAY 0',
        AVISIT: null,
        ADT: '2025-01-05',
        ADY: 0,
        AVAL,
        AVALQUAL: null,
        AVALDEC: 1,
        LBSTRESC: null,
        ANRLO: 4,
        ANRHI: 11,
        ABLFL: 'Y',
        BASE: AVAL,
        BASEQUAL: null,
        CHG: null,
        src: null,
        ...over,
      }) as LabRecord;
    const lbRows = [
      lb('S1', 1, 'WBC', 'HEMATOLOGY', 'Leukocytes'),
      lb('S1', 2, 'C3', 'IMMUNOLOGY', 'Complement C3'),
      lb('S1', 3, 'HGB', 'HEMATOLOGY', 'Hemoglobin'),
      lb('S2', 1, 'WBC', 'HEMATOLOGY', 'Leukocytes'),
    ];
    const labs = [
      lab('S1', 3, 'HGB', 130),
      lab('S1', 2, 'C3', 0.7, { ANRLO: 0.9, ANRHI: 1.8 }),
      lab('S1', 1, 'WBC', 3.2),
      lab('S2', 1, 'WBC', null),
    ];
    const haem = labListingSpec(LAB_LISTINGS[0]!, labs, lbRows, adsl, ctx('randomization'));
    // Made anew each time they are read (a lab listing is rendered streamed): the same blocks each time.
    expect([...haem.blocks]).toEqual([...haem.blocks]);
    expect([...haem.blocks].map((b) => b.map((r) => `${r[0]} ${r[1]} ${r[4]} ${r[5]}`))).toEqual([
      ['S1 MSC1E6 Leukocytes 3.2 L', 'S1 MSC1E6 Hemoglobin 130.0 H'],
      ['S2 MSC5E6 Leukocytes '],
    ]);
    expect(haem.footnotes[0]).toMatch(/^Arm: the arm infused /);
    const other = labListingSpec(LAB_LISTINGS[1]!, labs, lbRows, adsl.map(blind), ctx('blinded'));
    expect(other.columns[1]).toBe('Visit (Day)');
    expect([...other.blocks]).toEqual([
      [['S1', 'DAY 0 (D0)', '2025-01-05', 'Complement C3', '0.7 L', 'u', '0.9-1.8', 'Baseline']],
    ]);
    // The index patientListingSpecs makes once for both listings gives each the blocks of its own.
    const shared = labListingIndex(labs, lbRows);
    for (const [sub, blinding, rows] of [
      [LAB_LISTINGS[0]!, 'randomization', adsl],
      [LAB_LISTINGS[1]!, 'blinded', adsl.map(blind)],
    ] as const) {
      const alone = labListingSpec(sub, labs, lbRows, rows, ctx(blinding));
      expect([...labListingSpec(sub, labs, lbRows, rows, ctx(blinding), shared).blocks]).toEqual([...alone.blocks]);
    }
  });
});
