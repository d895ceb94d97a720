import { describe, expect, it } from 'vitest';
import { SubmissionError } from '../../src/submission/columns.js';
import { submissionFiles, submissionWriter, type SubmissionContext } from '../../src/submission/submission-files.js';
import { SAMPLE_CODELISTS, SAMPLE_META, SAMPLE_ROWS, SAMPLE_SUBJECTS } from './samples.js';

const CTX: SubmissionContext = {
  studyOID: 'SLEMSC01',
  studyName: 'SLEMSC01',
  studyDescription: 'A trial',
  protocolName: 'SLEMSC01',
  lockedAt: '2027-01-15',
  toolName: 'sle-msc',
  toolVersion: '0.1.0',
  originator: 'Sponsor',
  codelists: SAMPLE_CODELISTS,
};

const DATASETS = [
  {
    meta: SAMPLE_SUBJECTS,
    rows: [
      { USUBJID: 'S-001', SAFFL: 'Y' },
      { USUBJID: 'S-0002', SAFFL: null },
    ],
  },
  { meta: SAMPLE_META, rows: SAMPLE_ROWS },
];

const bytesOf = (m: Map<string, string | Uint8Array>): Map<string, Buffer> =>
  new Map([...m].map(([k, v]) => [k, typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v)]));

describe('submissionFiles', () => {
  const files = submissionFiles(DATASETS, CTX);

  it('writes an .xpt and a .json per dataset, one define.xml and its HTML rendering', () => {
    expect([...files.keys()]).toEqual([
      'adam/adsb.xpt',
      'adam/adsb.json',
      'adam/adxt.xpt',
      'adam/adxt.json',
      'adam/define.xml',
      'adam/define.html',
    ]);
  });

  it('gives the same bytes on every call', () => {
    const a = bytesOf(files);
    const b = bytesOf(submissionFiles(DATASETS, CTX));
    for (const [path, content] of a) expect(content.equals(b.get(path)!), path).toBe(true);
  });

  it('states the same lengths, OIDs and MetaDataVersion in the three formats', () => {
    const json = JSON.parse(files.get('adam/adsb.json') as string) as {
      metaDataVersionOID: string;
      studyOID: string;
      columns: { itemOID: string; length?: number }[];
    };
    const define = files.get('adam/define.xml') as string;
    expect(define).toContain(`<MetaDataVersion OID="${json.metaDataVersionOID}"`);
    expect(define).toContain(`<Study OID="${json.studyOID}"`);
    const xpt = Buffer.from(files.get('adam/adsb.xpt') as Uint8Array);
    json.columns.forEach((c, i) => {
      const xptLength = xpt.readInt16BE(80 * 8 + i * 140 + 4);
      expect(c.length).toBe(xptLength);
      expect(define).toContain(
        `<ItemDef OID="${c.itemOID}" Name="${c.itemOID.split('.')[2]}" DataType="text" Length="${xptLength}"`,
      );
    });
  });

  it('the incremental writer gives the same files as the one-call form', () => {
    const w = submissionWriter(CTX);
    const parts = new Map<string, string | Uint8Array>();
    for (const d of DATASETS) for (const [k, v] of w.add(d)) parts.set(k, v);
    parts.set('adam/define.xml', w.defineXml());
    parts.set('adam/define.html', w.defineHtml());
    const a = bytesOf(parts);
    for (const [path, content] of bytesOf(files)) expect(content.equals(a.get(path)!), path).toBe(true);
  });

  it('the Dataset-JSON in pieces (1,000 rows each) joins to the same bytes', () => {
    const many = {
      meta: SAMPLE_SUBJECTS,
      rows: Array.from({ length: 2500 }, (_, i) => ({ USUBJID: `S-${i}`, SAFFL: i % 3 === 0 ? null : 'Y' })),
    };
    const whole = submissionWriter(CTX).add(many);
    const inPieces = submissionWriter(CTX).addInPieces(many);
    const jsonPath = `adam/${many.meta.name.toLowerCase()}.json`;
    const pieces = [...(inPieces.get(jsonPath) as Iterable<string>)];
    expect(pieces.length).toBe(2 + 3);
    expect(pieces.join('')).toBe(whole.get(jsonPath));
    expect(JSON.parse(pieces.join('')).rows).toHaveLength(2500);
    const empty = { meta: many.meta, rows: [] };
    expect([...(submissionWriter(CTX).addInPieces(empty).get(jsonPath) as Iterable<string>)].join('')).toBe(
      submissionWriter(CTX).add(empty).get(jsonPath),
    );
  });

  it('refuses the whole set when one dataset is bad, naming the file', () => {
    const bad = [
      ...DATASETS,
      { meta: { ...SAMPLE_SUBJECTS, name: 'ADBAD' }, rows: [{ USUBJID: 'x'.repeat(201), SAFFL: 'Y' }] },
    ];
    expect(() => submissionFiles(bad, CTX)).toThrowError(SubmissionError);
    expect(() => submissionFiles(bad, CTX)).toThrowError(/adbad\.xpt: row 1, USUBJID: 201 characters/);
  });

  it('refuses a lock date that is not YYYY-MM-DD', () => {
    expect(() => submissionFiles(DATASETS, { ...CTX, lockedAt: '15JAN2027' })).toThrowError(
      /lockedAt must be an ISO date/,
    );
  });
});
