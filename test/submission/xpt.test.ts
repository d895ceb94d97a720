import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import xportJs from 'xport-js';
import type { DatasetMeta } from '../../src/derive/dataset-metadata.js';
import { sasDate, SubmissionError, type SubmissionRow } from '../../src/submission/columns.js';
import { PIECE_BYTES } from '../../src/output/text-bytes.js';
import { writeXpt, writeXptPieces } from '../../src/submission/xpt.js';
import { expectedFloat, SAMPLE_META, SAMPLE_ROWS } from './samples.js';

const CTX = { lockedAt: '2027-01-15', version: '0.1.0', system: 'sle-msc' };
const FIXTURES = join(import.meta.dirname, '../fixtures/submission');
/** xport-js's reader class (a CommonJS default export: interop differs between tsc and vitest). */
const Library = ((xportJs as unknown as { default?: unknown }).default ?? xportJs) as unknown as typeof xportJs.default;
const tmp = mkdtempSync(join(tmpdir(), 'sle-msc-xpt-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const sample = (): Uint8Array => writeXpt(SAMPLE_META, SAMPLE_ROWS, CTX);
const latin1 = (b: Uint8Array, from: number, to: number): string => Buffer.from(b).toString('latin1', from, to);

/** What each cell should read back as: texts blank-trimmed ('' for missing), dates as ISO, floats per the IBM policy. */
function expectedColumn(name: string): (string | number | null)[] {
  const v = SAMPLE_META.variables.find((x) => x.name === name)!;
  return SAMPLE_ROWS.map((r) => {
    const x = r[name] ?? null;
    if (v.type === 'text') return x ?? '';
    if (v.type === 'float') return expectedFloat(x as number | null);
    return x;
  });
}

describe('writeXpt: layout (SAS TS-140)', () => {
  const b = sample();
  it('is whole 80-byte records with the library, member, NAMESTR and OBS headers in place', () => {
    expect(b.length % 80).toBe(0);
    expect(latin1(b, 0, 80)).toBe('HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000  ');
    expect(latin1(b, 80, 104)).toBe('SAS     SAS     SASLIB  ');
    expect(latin1(b, 80 * 3, 80 * 4)).toBe(
      'HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!000000000000000001600000000140  ',
    );
    expect(latin1(b, 80 * 4, 80 * 5)).toBe(
      'HEADER RECORD*******DSCRPTR HEADER RECORD!!!!!!!000000000000000000000000000000  ',
    );
    expect(latin1(b, 80 * 5, 80 * 5 + 16)).toBe('SAS     ADXT    ');
    expect(latin1(b, 80 * 6 + 32, 80 * 6 + 72).trimEnd()).toBe(SAMPLE_META.label);
    expect(latin1(b, 80 * 7, 80 * 8)).toBe(
      'HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!000000000900000000000000000000  ',
    );
    const namestrEnd = 80 * 8 + Math.ceil((9 * 140) / 80) * 80;
    expect(latin1(b, namestrEnd, namestrEnd + 80)).toBe(
      'HEADER RECORD*******OBS     HEADER RECORD!!!!!!!000000000000000000000000000000  ',
    );
    const obsLength = 5 + 1 + 8 * 5 + 1 + 200;
    expect(b.length).toBe(namestrEnd + 80 + Math.ceil((SAMPLE_ROWS.length * obsLength) / 80) * 80);
    expect([...b.slice(namestrEnd + 80 + SAMPLE_ROWS.length * obsLength)].every((x) => x === 0x20)).toBe(true);
  });

  it('dates its headers with the lock date, never the clock', () => {
    const text = latin1(b, 0, 80 * 7);
    expect(text.match(/15JAN27:00:00:00/g)).toHaveLength(4);
    const other = writeXpt(SAMPLE_META, SAMPLE_ROWS, { ...CTX, lockedAt: '1999-12-31' });
    expect(latin1(other, 80, 240)).toContain('31DEC99:00:00:00');
  });

  it('gives the same bytes on every call', () => {
    expect(Buffer.from(sample()).equals(Buffer.from(sample()))).toBe(true);
  });

  it('stores SAS dates as days since 1960-01-01', () => {
    expect(sasDate('1960-01-01')).toBe(0);
    expect(sasDate('1959-12-31')).toBe(-1);
    expect(sasDate('2027-01-15')).toBe(24486);
  });

  it('matches the committed sample that R read (regenerate with UPDATE_SUBMISSION_FIXTURES=1)', () => {
    const path = join(FIXTURES, 'adxt.xpt');
    if (process.env.UPDATE_SUBMISSION_FIXTURES === '1') writeFileSync(path, b);
    expect(Buffer.from(b).equals(readFileSync(path))).toBe(true);
  });
});

describe('writeXpt: read back by independent readers', () => {
  it('xport-js reads the names, labels, lengths, formats and every value', async () => {
    const path = join(tmp, 'adxt.xpt');
    writeFileSync(path, sample());
    const lib = new Library(path);
    const meta = (await lib.getMetadata()) as {
      name: string;
      label: string;
      length: number;
      type: string;
      format?: string;
    }[];
    expect(meta.map((m) => m.name)).toEqual(SAMPLE_META.variables.map((v) => v.name));
    expect(meta.map((m) => m.label)).toEqual(SAMPLE_META.variables.map((v) => v.label));
    expect(meta.map((m) => m.length)).toEqual([5, 1, 8, 8, 8, 8, 8, 1, 200]);
    expect(meta.map((m) => m.type)).toEqual(['Char', 'Char', 'Num', 'Num', 'Num', 'Num', 'Num', 'Char', 'Char']);
    expect(meta.find((m) => m.name === 'ADT')?.format).toBe('DATE9.');
    const rows: unknown[][] = [];
    // xport-js 0.3.1 returns arrays whatever rowFormat says; the first is the header.
    for await (const obs of lib.read({ rowFormat: 'array', skipHeader: true })) rows.push(obs as unknown[]);
    expect(rows).toHaveLength(SAMPLE_ROWS.length);
    SAMPLE_META.variables.forEach((v, c) => {
      const got = rows.map((r) => r[c]);
      const want = expectedColumn(v.name).map((x) => (v.type === 'date' && x !== null ? sasDate(x as string) : x));
      expect(got, v.name).toEqual(want);
    });
  });

  it('R haven::read_xpt and foreign::read.xport read the committed sample as written (make-xpt-read.R)', () => {
    const r = JSON.parse(readFileSync(join(FIXTURES, 'xpt-read.json'), 'utf8')) as Record<string, ReaderResult>;
    const haven = r.read_xpt!;
    const foreign = r['read.xport']!;
    for (const reader of [haven, foreign]) {
      expect(reader.names).toEqual(SAMPLE_META.variables.map((v) => v.name));
      expect(Object.values(reader.labels)).toEqual(SAMPLE_META.variables.map((v) => v.label));
      for (const v of SAMPLE_META.variables) {
        const got = reader.columns[v.name]!.map((x) =>
          x === null ? null : v.type === 'float' || v.type === 'integer' ? Number(x) : x,
        );
        const want = expectedColumn(v.name);
        if (v.type === 'date' && reader === foreign)
          expect(
            got.map((x) => (x === null ? null : Number(x))),
            v.name,
          ).toEqual(want.map((x) => (x === null ? null : sasDate(x as string))));
        else expect(got, v.name).toEqual(want);
      }
    }
    expect(haven.formats).toMatchObject({ AVAL: '8.3', ADT: 'DATE9', BDT: 'E8601DA' });
    expect(haven.classes).toMatchObject({ ADT: 'Date', BDT: 'Date', AVAL: 'numeric', USUBJID: 'character' });
    expect(foreign.widths).toMatchObject({ USUBJID: 5, PARAMCD: 1, COMMENT: 200, AVAL: 8 });
    expect(foreign.formats).toMatchObject({ ADT: 'DATE', BDT: 'E8601DA' });
  });
});

describe('writeXptPieces: the same file in pieces of about 64 KiB', () => {
  // 1,200 observations of 255 bytes: ~0.3 MB, so several pieces, the last one padded.
  const rows: SubmissionRow[] = Array.from({ length: 1200 }, (_, i) => ({
    ...SAMPLE_ROWS[i % SAMPLE_ROWS.length]!,
    SEQ: i + 1,
  }));
  const pieces = [...writeXptPieces(SAMPLE_META, rows, CTX)];
  const obsLength = 5 + 1 + 8 * 5 + 1 + 200;
  const headerBytes = 80 * 8 + Math.ceil((9 * 140) / 80) * 80 + 80;

  it('the headers, then whole observations up to PIECE_BYTES a piece, the last padded to a record', () => {
    expect(pieces[0]!.length).toBe(headerBytes);
    const obs = pieces.slice(1);
    expect(obs.length).toBe(Math.ceil(rows.length / Math.floor(PIECE_BYTES / obsLength)));
    for (const p of obs.slice(0, -1)) {
      expect(p.length).toBeLessThanOrEqual(PIECE_BYTES);
      expect(p.length % obsLength).toBe(0);
    }
    const total = pieces.reduce((n, p) => n + p.length, 0);
    expect(total).toBe(headerBytes + Math.ceil((rows.length * obsLength) / 80) * 80);
    expect(Buffer.concat(pieces).equals(Buffer.from(writeXpt(SAMPLE_META, rows, CTX)))).toBe(true);
  });

  it('xport-js reads every observation of the joined pieces back', async () => {
    const path = join(tmp, 'adxt-pieces.xpt');
    writeFileSync(path, Buffer.concat(pieces));
    const read: unknown[][] = [];
    for await (const obs of new Library(path).read({ rowFormat: 'array', skipHeader: true }))
      read.push(obs as unknown[]);
    expect(read).toHaveLength(rows.length);
    const seq = SAMPLE_META.variables.findIndex((v) => v.name === 'SEQ');
    const user = SAMPLE_META.variables.findIndex((v) => v.name === 'USUBJID');
    expect(read.map((r) => r[seq])).toEqual(rows.map((r) => r.SEQ));
    expect(read.map((r) => r[user])).toEqual(rows.map((r) => r.USUBJID ?? ''));
  });

  it('with reusePieces, the same bytes, every observation piece a view of one buffer', () => {
    // A new buffer per piece made V8 collect and shrink its young generation (external memory):
    // the reused pieces are copied as they come, each valid only until the next is asked for.
    const copies: Buffer[] = [];
    const buffers = new Set<ArrayBufferLike>();
    for (const p of writeXptPieces(SAMPLE_META, rows, CTX, undefined, true)) {
      copies.push(Buffer.from(p));
      if (copies.length > 1) buffers.add(p.buffer);
    }
    expect(copies.length).toBe(pieces.length);
    expect(buffers.size).toBe(1);
    expect(Buffer.concat(copies).equals(Buffer.concat(pieces))).toBe(true);
  });

  it('refuses a number beyond the IBM range before the first piece', () => {
    const bad = rows.map((r, i) => (i === 1100 ? { ...r, AVAL: 1e300 } : r));
    const gen = writeXptPieces(SAMPLE_META, bad, CTX);
    expect(() => gen.next()).toThrowError(/row 1101, AVAL: 1e\+300 is beyond the range/);
  });
});

describe('writeXpt: against an independent writer (haven::write_xpt, make-xpt-read.R)', () => {
  const ours = Buffer.from(readFileSync(join(FIXTURES, 'adxt.xpt')));
  const haven = Buffer.from(readFileSync(join(FIXTURES, 'adxt-haven.xpt')));
  const namestrs = SAMPLE_META.variables.map((_, i) => 80 * 8 + i * 140);
  const obsStart = 80 * 8 + Math.ceil((9 * 140) / 80) * 80 + 80;
  const obsLength = 247;
  /** The one cell where the writers differ: the largest double below 16^63 (row 9, AVAL at offset 14). */
  const largest = obsStart + 8 * obsLength + 14;

  /** The file with the fields each writer fills its own way blanked: version, OS, datetimes, informats. */
  function masked(b: Buffer): Buffer {
    const m = Buffer.from(b);
    for (const [from, to] of [
      [104, 120],
      [144, 176],
      [424, 440],
      [464, 496],
    ] as const)
      m.fill(0, from, to);
    for (const n of namestrs) m.fill(0, n + 72, n + 84); // niform, nifl, nifd: haven repeats the format as informat
    m.fill(0, largest, largest + 8);
    return m;
  }

  it('is byte-identical apart from those fields: headers, NAMESTRs, every observation, the padding', () => {
    expect(ours.length).toBe(haven.length);
    expect(masked(ours).equals(masked(haven))).toBe(true);
  });

  it('the comparison can fail: a changed byte in an observation is seen', () => {
    const changed = Buffer.from(ours);
    changed.writeUInt8(changed.readUInt8(obsStart + 10) ^ 1, obsStart + 10);
    expect(masked(changed).equals(masked(haven))).toBe(false);
  });

  it('writes the largest double below the overflow exactly, where haven saturates to the largest IBM number', () => {
    expect([...ours.subarray(largest, largest + 8)]).toEqual([0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xf8]);
    expect([...haven.subarray(largest, largest + 8)]).toEqual([0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
  });
});

interface ReaderResult {
  names: string[];
  labels: Record<string, string>;
  formats: Record<string, string>;
  widths: Record<string, number | null>;
  classes: Record<string, string>;
  columns: Record<string, (string | null)[]>;
}

describe('writeXpt: what it refuses, with the row and variable named', () => {
  const one = (name: string, type: 'text' | 'float' | 'integer' | 'date'): DatasetMeta => ({
    ...SAMPLE_META,
    keys: [],
    variables: [{ name, label: 'L', type, origin: 'Derived' }],
  });
  const refuses = (meta: DatasetMeta, rows: Record<string, string | number | null>[], message: RegExp): void => {
    expect(() => writeXpt(meta, rows, CTX)).toThrowError(SubmissionError);
    expect(() => writeXpt(meta, rows, CTX)).toThrowError(message);
  };

  it('a number beyond the IBM range (1e300)', () =>
    refuses(one('X', 'float'), [{ X: 1 }, { X: 1e300 }], /adxt\.xpt: row 2, X: 1e\+300 is beyond the range/));
  it('NaN and infinities', () => {
    refuses(one('X', 'float'), [{ X: NaN }], /row 1, X: a float variable holds number NaN/);
    refuses(one('X', 'float'), [{ X: Infinity }], /row 1, X: a float variable holds number Infinity/);
  });
  it('a fraction in an integer variable, text in a number', () => {
    refuses(one('N', 'integer'), [{ N: 1.5 }], /row 1, N: an integer variable holds 1.5/);
    refuses(one('N', 'integer'), [{ N: '1' }], /row 1, N: a integer variable holds the text "1"/);
  });
  it('a date that is not YYYY-MM-DD', () =>
    refuses(one('D', 'date'), [{ D: '2027-02-30' }], /row 1, D: a date variable holds the text "2027-02-30"/));
  it('text longer than 200 bytes or not ASCII', () => {
    refuses(one('T', 'text'), [{ T: 'x'.repeat(201) }], /row 1, T: 201 characters, more than the 200/);
    refuses(one('T', 'text'), [{ T: 'naïve' }], /row 1, T: "naïve" is not printable ASCII/);
  });
  it('text longer than the metadata length', () =>
    refuses(
      { ...one('T', 'text'), variables: [{ name: 'T', label: 'L', type: 'text', length: 1, origin: 'Derived' }] },
      [{ T: 'YY' }],
      /T: a value of 2 bytes exceeds the metadata length 1/,
    ));
  it('names longer than 8, labels longer than 40, a missing column', () => {
    refuses(one('TOOLONGNAME', 'text'), [], /name "TOOLONGNAME" must be 1–8/);
    refuses(one('lower', 'text'), [], /name "lower" must be 1–8 upper-case/);
    refuses({ ...one('T', 'text'), label: 'x'.repeat(41) }, [], /label longer than 40/);
    refuses(one('T', 'text'), [{}], /row 1, T: a text variable holds nothing/);
  });

  it('writes a one-byte blank column when every value of a text variable is missing', () => {
    const b = writeXpt(one('T', 'text'), [{ T: null }, { T: '' }], CTX);
    expect(Buffer.from(b).readInt16BE(80 * 8 + 4)).toBe(1); // nlng of the first NAMESTR
  });
});
