import { describe, expect, it } from 'vitest';
import type { AdaeRecord } from '../../src/derive/adae.js';
import type { ExRow, SvRow } from '../../src/lock/types.js';
import type { TlfContext } from '../../src/tlf/context.js';
import { AE_LISTINGS, aeListingSpec } from '../../src/tlf/listings/adverse-events.js';
import {
  demographicsListingSpec,
  discontinuedListingSpec,
  excludedListingSpec,
  exclusionReason,
  infusionListingSpec,
  lastVisit,
} from '../../src/tlf/listings/subjects.js';
import { PAGE_CHARS } from '../../src/render/page-layout.js';
import { adslRecord, blind } from '../helpers/adsl-record.js';
import { sampleRun } from '../helpers/sample-run.js';

const ctx = (blinding: TlfContext['blinding']): TlfContext => ({
  blinding,
  draft: false,
  totalLabel: 'Total',
  includeTotal: true,
  armLabels: { PBO: 'Placebo', MSC1E6: 'Low', MSC5E6: 'High' },
});
const UNBLINDED = ctx('randomization');
const BLINDED = ctx('blinded');

const sv = (USUBJID: string, VISITNUM: number, VISIT: string, SVSTDTC: string): SvRow =>
  ({ USUBJID, VISITNUM, VISIT, SVSTDTC }) as SvRow;
const ex = (USUBJID: string, EXOCCUR: 'Y' | 'N', EXSTDTC: string, EXVOL: number | null): ExRow =>
  ({ USUBJID, EXSEQ: 1, EXTRT: 'BLINDED STUDY INFUSION', EXROUTE: 'INTRAVENOUS', EXVOL, EXSTDTC, EXOCCUR }) as ExRow;

const adsl = [
  adslRecord('S3', {
    ARMCD: 'PBO',
    ACTARMCD: 'PBO',
    EOSSTT: 'DISCONTINUED',
    DCSREAS: 'WITHDRAWAL BY SUBJECT',
    EOSDT: '2025-02-04',
    TRTSDT: '2025-01-05',
  }),
  adslRecord('S1', {
    ARMCD: 'MSC5E6',
    ACTARMCD: 'MSC1E6',
    EOSSTT: 'DISCONTINUED',
    DCSREAS: 'ADVERSE EVENT',
    EOSDT: '2025-01-15',
    TRTSDT: '2025-01-05',
  }),
  adslRecord('S2', {
    ARMCD: 'MSC1E6',
    ACTARMCD: null,
    INFFL: 'N',
    FASFL: 'N',
    SAFFL: 'N',
    TRTSDT: null,
    EOSSTT: 'DISCONTINUED',
    DCSREAS: 'WITHDRAWAL BY SUBJECT',
    EOSDT: '2025-01-03',
    EXVOL: null,
  }),
];
const svRows = [
  sv('S1', 1, 'SCREENING', '2024-12-20'),
  sv('S1', 3, 'WEEK 1', '2025-01-12'),
  sv('S1', 2, 'DAY 0', '2025-01-05'),
  sv('S3', 2, 'DAY 0', '2025-01-05'),
];

describe('L-16.2.1 discontinued subjects', () => {
  it('sorts by randomized arm then subject, with the last visit and protocol days', () => {
    const spec = discontinuedListingSpec(adsl, svRows, UNBLINDED);
    expect(spec.columns.slice(0, 2)).toEqual(['Subject', 'Arm']);
    expect(spec.blocks).toEqual([
      [['S3', 'PBO', '2025-01-05', 'WITHDRAWAL BY SUBJECT', '2025-02-04 (D30)', 'DAY 0', '2025-01-05 (D0)']],
      [['S2', 'MSC1E6', '', 'WITHDRAWAL BY SUBJECT', '2025-01-03', '', '']],
      [['S1', 'MSC5E6', '2025-01-05', 'ADVERSE EVENT', '2025-01-15 (D10)', 'WEEK 1', '2025-01-12 (D7)']],
    ]);
    // The arm codes decoded from the run's labels.
    expect(spec.footnotes[0]).toBe(
      'Arm: the arm randomized (PBO = Placebo, MSC1E6 = Low, MSC5E6 = High); empty if none.',
    );
  });

  it('lists no arm and sorts by subject only when blinded', () => {
    const spec = discontinuedListingSpec(adsl.map(blind), svRows, BLINDED);
    expect(spec.columns).not.toContain('Arm');
    expect(spec.footnotes.join(' ')).not.toMatch(/Arm|PBO|Placebo/);
    expect(spec.blocks.map((b) => b[0]![0])).toEqual(['S1', 'S2', 'S3']);
  });

  it('takes the latest visit by date, then visit number', () => {
    expect(
      lastVisit([
        sv('A', 4, 'WEEK 4', '2025-02-01'),
        sv('A', 4.01, 'UNSCHEDULED', '2025-02-01'),
        sv('A', 3, 'WEEK 2', '2025-01-20'),
      ])?.VISIT,
    ).toBe('UNSCHEDULED');
    expect(lastVisit([])).toBeNull();
  });
});

describe('L-16.2.3 subjects excluded from the efficacy analysis', () => {
  it('lists non-FAS subjects with the reason', () => {
    const spec = excludedListingSpec(adsl, UNBLINDED);
    expect(spec.columns[0]).toBe('Subject/ Arm');
    expect(spec.blocks).toEqual([
      [
        [
          'S2\nMSC1E6',
          '2025-01-01',
          'No',
          'FAS, SAF',
          'Randomized, never infused',
          'DISCONTINUED\nWITHDRAWAL BY SUBJECT\n2025-01-03',
        ],
      ],
    ]);
    expect(excludedListingSpec(adsl.map(blind), BLINDED).blocks[0]![0]![0]).toBe('S2');
    expect(exclusionReason(adslRecord('X', { RANDFL: 'N', RANDDT: null, FASFL: 'N' }))).toBe('Not randomized');
  });
  it('says so when every subject is in the FAS', () => {
    expect(excludedListingSpec([adslRecord('S9')], BLINDED).blocks).toEqual([]);
  });
});

describe('L-16.2.4 demographics', () => {
  it('lists every subject with population flags and baselines, no arm when blinded', () => {
    const spec = demographicsListingSpec(adsl.map(blind), BLINDED);
    expect(spec.columns[0]).toBe('Subject');
    expect(spec.columns[1]).toBe('Site/ country');
    expect(spec.blocks[1]).toEqual([
      ['S2', '101/USA', 'N/N', '40/F', 'WHITE\nNOT HISPANIC OR LATINO', '70', '8 (<10)', '8/1/0', '0'],
    ]);
  });
});

describe('L-16.2.5 study infusion', () => {
  const exRows = [
    ex('S1', 'Y', '2025-01-05', 100),
    ex('S3', 'Y', '2025-01-05', 95.5),
    ex('S2', 'N', '2025-01-04', null),
  ];
  it('shows the arm infused beside the arm randomized when unblinded', () => {
    const spec = infusionListingSpec(adsl, exRows, UNBLINDED);
    expect(spec.columns.slice(0, 3)).toEqual(['Subject', 'Arm', 'Arm infused']);
    expect(spec.blocks.at(-1)).toEqual([
      ['S1', 'MSC5E6', 'MSC1E6', '2025-01-01', 'Yes', 'BLINDED STUDY INFUSION\nINTRAVENOUS', '2025-01-05 (D0)', '100'],
    ]);
    expect(spec.blocks[1]).toEqual([
      ['S2', 'MSC1E6', '', '2025-01-01', 'No', 'BLINDED STUDY INFUSION\nINTRAVENOUS', '2025-01-04', ''],
    ]);
  });
  it('shows neither arm when blinded, and randomized subjects without EX', () => {
    const spec = infusionListingSpec(adsl.map(blind), exRows.slice(0, 2), BLINDED);
    expect(spec.columns).not.toContain('Arm infused');
    expect(spec.blocks[1]).toEqual([['S2', '2025-01-01', 'No record', '', '', '']]);
  });
});

describe('L-16.2.7.x adverse events', () => {
  const ae = (USUBJID: string, AESEQ: number, AESTDTC: string, over: Partial<AdaeRecord> = {}): AdaeRecord =>
    ({
      USUBJID,
      AESEQ,
      AETERM: 'headache',
      AEDECOD: 'Headache',
      AEBODSYS: 'Nervous system disorders',
      AESTDTC,
      AEENDTC: null,
      TRTSDT: '2025-01-05',
      ASTDY: 3,
      AESER: 'N',
      AESEV: 'MILD',
      AESEVN: 1,
      AEREL: 'NOT RELATED',
      AEOUT: 'RECOVERED/RESOLVED',
      AEACN: 'DOSE NOT CHANGED',
      TRTEMFL: 'Y',
      AESERFL: 'N',
      AERELFL: 'N',
      AESEVFL: 'N',
      AEDISCFL: 'N',
      AEDTHFL: 'N',
      src: null,
      ...over,
    }) as AdaeRecord;
  const adae = [
    ae('S1', 2, '2025-02-01'),
    ae('S1', 1, '2025-03-01', { AESERFL: 'Y', AESER: 'Y' }),
    ae('S3', 1, '2025-01', { ASTDY: null, AEDTHFL: 'Y' }),
  ];

  it('sorts by arm infused, subject, start date; sub-listings select SAEs, deaths, withdrawals', () => {
    const all = aeListingSpec(AE_LISTINGS[0]!, adae, adsl, UNBLINDED);
    expect(all.blocks.map((b) => b.map((r) => `${r[0]}|${r[1]}`))).toEqual([
      ['S3\nPBO|1\nY'],
      ['S1\nMSC1E6|2\nY', 'S1\nMSC1E6|1\nY'],
    ]);
    // SOC, PT and term stacked; a partial start date has no day; the end line stays (empty) in its place.
    expect(all.blocks[1]![1]!.slice(2)).toEqual([
      'Nervous system disorders\nHeadache\nheadache',
      '2025-03-01 (D3)\n',
      'MILD\nSerious\nNOT RELATED',
      'DOSE NOT CHANGED\nRECOVERED/RESOLVED',
    ]);
    expect(all.blocks[0]![0]![3]).toBe('2025-01\n');
    const blinded = aeListingSpec(AE_LISTINGS[0]!, adae, adsl.map(blind), BLINDED);
    expect(blinded.columns[0]).toBe('Subject');
    expect(blinded.blocks.map((b) => b[0]![0])).toEqual(['S1', 'S3']);
    expect(
      aeListingSpec(AE_LISTINGS[1]!, adae, adsl, UNBLINDED)
        .blocks.flat()
        .map((r) => r[0]),
    ).toEqual(['S1\nMSC1E6']);
    expect(
      aeListingSpec(AE_LISTINGS[2]!, adae, adsl, UNBLINDED)
        .blocks.flat()
        .map((r) => r[0]),
    ).toEqual(['S3\nPBO']);
    expect(aeListingSpec(AE_LISTINGS[3]!, adae, adsl, UNBLINDED).blocks).toEqual([]);
    expect(AE_LISTINGS.map((s) => s.id)).toEqual(['L-16.2.7.1', 'L-16.2.7.2', 'L-16.2.7.3', 'L-16.2.7.4']);
  });
});

describe('patient listings of the sample run', () => {
  it('are written under listings/ and in the catalog, with no arm in a blinded run', async () => {
    const [b, u] = [await sampleRun('blinded'), await sampleRun('unblinded')];
    const ids = [
      'L-16.2.1',
      'L-16.2.3',
      'L-16.2.4',
      'L-16.2.5',
      'L-16.2.6.1',
      'L-16.2.6.2',
      'L-16.2.6.3',
      'L-16.2.6.4',
      'L-16.2.6.5',
      'L-16.2.7.1',
      'L-16.2.7.2',
      'L-16.2.7.3',
      'L-16.2.7.4',
      'L-16.2.8.1',
      'L-16.2.8.2',
    ];
    expect(
      b.result.catalog
        .filter((e) => e.kind === 'listing')
        .map((e) => e.id)
        .sort(),
    ).toEqual([...ids].sort());
    for (const id of ids) {
      for (const ext of ['rtf', 'html', 'txt']) expect(b.result.files.has(`listings/${id}.${ext}`), id).toBe(true);
      expect(b.result.catalog.some((e) => e.id === id && e.kind === 'listing')).toBe(true);
      const txt = b.result.files.get(`listings/${id}.txt`) as string;
      for (const token of ['Placebo', 'PBO', 'MSC1E6', 'MSC5E6', 'cells/kg', 'Arm '])
        expect(txt.includes(token), `${id} ${token}`).toBe(false);
      // Unblinded, the arm codes are decoded in a footnote (the flare listing names no arm).
      expect((u.result.files.get(`listings/${id}.txt`) as string).includes('PBO = ') || id === 'L-16.2.6.5', id).toBe(
        true,
      );
    }
    expect(b.result.files.has('listings/L-16.2.6.5.txt')).toBe(true);
    // Blinded and unblinded, every listing fits the landscape page (rtf-libreoffice.test.ts converts the unblinded ones).
    for (const run of [b, u]) {
      for (const id of ids) {
        const lines = (run.result.files.get(`listings/${id}.txt`) as string).split('\n');
        expect(Math.max(...lines.map((l) => [...l].length)), id).toBeLessThanOrEqual(PAGE_CHARS);
      }
    }
  });
});
