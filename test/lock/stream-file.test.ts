/**
 * Reading a lock file a chunk at a time (src/lock/stream-file.ts, csv.ts `parseCsvStream`) gives what
 * reading it whole gives: the same records on the same lines, the same issues, the same SHA-256 and
 * UTF-8 verdict, wherever the chunks cut it (inside a quoted field, between the CR and LF of a line end,
 * inside a byte-order mark or a multi-byte character). The reference is `parseCsvBytes` on the whole
 * bytes, the reader used before streaming. Issues are compared in line order (stable), the order the
 * lock reader reports them in: a cut window settles its records' field counts earlier than a whole
 * file's batches do, so pushes of different lines may interleave differently.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issues.js';
import { parseCsvBytes, type CsvRecord } from '../../src/lock/csv.js';
import type { InputFile } from '../../src/lock/read-file.js';
import { countFileLineEnds, streamCsvFile, Utf8Check } from '../../src/lock/stream-file.js';

/** An in-memory file whose reads return at most `piece` bytes (a short read, as a pipe or NFS gives). */
function inputOf(bytes: Buffer, piece = Number.MAX_SAFE_INTEGER): InputFile {
  return {
    size: bytes.length,
    read: (into, offset, length, position) => {
      const n = Math.max(0, Math.min(length, piece, bytes.length - position));
      bytes.copy(into, offset, position, position + n);
      return n;
    },
  };
}

interface Read {
  readonly header: readonly string[] | null;
  readonly records: readonly CsvRecord[];
  readonly viewed: readonly (readonly [number, readonly string[]])[];
  readonly issues: readonly Issue[];
}

/** Records read through `records` and again through `visit`, with the issues of both. */
function readWhole(bytes: Buffer): Read {
  const issues: Issue[] = [];
  const t = parseCsvBytes(bytes, 'f.csv', issues);
  const records = t === null ? [] : [...t.records];
  const viewed: [number, string[]][] = [];
  parseCsvBytes(bytes, 'f.csv', issues)?.visit((r) =>
    viewed.push([r.line, Array.from({ length: r.count }, (_, i) => r.field(i))]),
  );
  return { header: t?.header ?? null, records, viewed, issues: byLine(issues) };
}

const byLine = (issues: readonly Issue[]) => [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

function readStreamed(bytes: Buffer, chunkBytes: number, piece?: number): Read & { sha256: string } {
  const issues: Issue[] = [];
  const a = streamCsvFile(inputOf(bytes, piece), 'f.csv', issues, 1, chunkBytes);
  const records = a.table === null ? [] : [...a.table.records];
  const { sha256 } = a.finish();
  const viewed: [number, string[]][] = [];
  const b = streamCsvFile(inputOf(bytes, piece), 'f.csv', issues, 1, chunkBytes);
  b.table?.visit((r) => viewed.push([r.line, Array.from({ length: r.count }, (_, i) => r.field(i))]));
  b.finish();
  return { header: a.table?.header ?? null, records, viewed, issues: byLine(issues), sha256 };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function expectSameAsWhole(text: string | Buffer, chunks: readonly number[] = [1, 2, 3, 4, 5, 7, 16, 64]): void {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const whole = readWhole(bytes);
  for (const chunkBytes of chunks) {
    const streamed = readStreamed(bytes, chunkBytes, 3);
    expect({ ...streamed, sha256: undefined }, `chunks of ${chunkBytes} bytes`).toEqual({
      ...whole,
      sha256: undefined,
    });
    expect(streamed.sha256).toBe(sha256(bytes));
  }
}

describe('parseCsvStream reads what parseCsvBytes reads, wherever the chunks cut the file', () => {
  it('quoted fields with commas, quotes and line breaks (LF and CRLF) across chunks', () => {
    expectSameAsWhole('A,B,C\r\n1,"x, ""y""\r\nz",3\r\n"4\n\n5",6,"7"\n8,9,10');
  });
  it('a CRLF cut between its CR and LF, a final line without a line end, blank lines', () => {
    expectSameAsWhole('A,B\r\n1,2\r\n\r\n\r\n3,4\r\n5,6');
    expectSameAsWhole('A,B\n1,2\n\n3,4\r\n');
  });
  it('a byte-order mark cut by the first chunk', () => {
    expectSameAsWhole('\ufeffA,B\n1,2\n');
  });
  it('multi-byte characters cut by chunks', () => {
    expectSameAsWhole('A,B\nRÉMISSION,ü\n"日本,語",€\n');
  });
  it('issues on the lines where the records start: field counts, bad quoting, a bare CR', () => {
    const text = 'A,B\n1,2,3\n"a\nb",2\n4,"x"y\n5,6\r7\n"never closed,8\n9,10\n';
    expectSameAsWhole(text);
    // Once through `records`, once through `visit`.
    const lines = readStreamed(Buffer.from(text), 2).issues.map((i) => i.line);
    expect(lines).toEqual([2, 2, 5, 5, 6, 6, 7, 7]);
  });
  it('a CR-only file refused at line 1, an empty file, a header alone', () => {
    expectSameAsWhole('A,B\r1,2\r3,4\r');
    expectSameAsWhole('');
    expectSameAsWhole('\n\nA,B\n');
  });
  it('a record longer than many chunks', () => {
    expectSameAsWhole(`A,B\n"${'x,\n'.repeat(500)}",1\n2,3\n`, [1, 7, 64]);
  });
  it('random tables of quotes, commas, CR, LF and text (numRuns 300)', () => {
    const alphabet = fc.constantFrom('a', 'b', ',', '"', '\r', '\n', '\r\n', 'é', ' ');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), fc.integer({ min: 1, max: 9 }), (parts, chunk) => {
        const bytes = Buffer.from(`A,B\n${parts.join('')}`);
        const whole = readWhole(bytes);
        expect({ ...readStreamed(bytes, chunk), sha256: undefined }).toEqual({ ...whole, sha256: undefined });
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });
});

describe('files read through the one reading buffer (reading-buffer.ts)', () => {
  /** The records of each file read at once, a record of each in turn, against each read whole. */
  function readTogether(texts: readonly string[], chunkBytes: number): void {
    const streams = texts.map((t) => streamCsvFile(inputOf(Buffer.from(t)), 'f.csv', [], 1, chunkBytes));
    const iterators = streams.map((s) => (s.table === null ? [] : s.table.records)[Symbol.iterator]());
    const got: CsvRecord[][] = texts.map(() => []);
    for (let live = true; live;) {
      live = false;
      iterators.forEach((it, k) => {
        const r = it.next();
        if (r.done !== true) {
          (got[k] as CsvRecord[]).push(r.value);
          live = true;
        }
      });
    }
    texts.forEach((t, k) => {
      expect(got[k]).toEqual(readWhole(Buffer.from(t)).records);
      expect((streams[k] as ReturnType<typeof streamCsvFile>).finish().sha256).toBe(sha256(Buffer.from(t)));
    });
  }
  it('two or three files at once, the buffer given back by the first to end (short and long files)', () => {
    const long = `A,B\n${Array.from({ length: 300 }, (_, i) => `${i},"v${i}\n${'w'.repeat(i % 37)}"`).join('\n')}\n`;
    for (const chunk of [1, 5, 64, 4096]) {
      readTogether(['A,B\n1,2\n3,4\n', long], chunk);
      readTogether([long, 'X\n"a\nb"\n', long.replace(/w/g, 'é')], chunk);
    }
  });
  it('random files read two at a time, then one after the other (numRuns 100)', () => {
    const alphabet = fc.constantFrom('a', ',', '"', '\n', '\r\n', 'é');
    const file = fc.array(alphabet, { maxLength: 80 }).map((parts) => `A,B\n${parts.join('')}`);
    fc.assert(
      fc.property(file, file, fc.integer({ min: 1, max: 9 }), (a, b, chunk) => {
        readTogether([a, b], chunk);
        readTogether([a], chunk);
        readTogether([b], chunk);
      }),
      { numRuns: 100, seed: 20261205 },
    );
  });
});

describe('streamCsvFile: the file read in chunks, hashed and checked', () => {
  it('counts the line ends of the whole file (CRLF, LF, quoted ones too)', () => {
    expect(countFileLineEnds(inputOf(Buffer.from('A,B\r\n"1\n2",3\n4,5'), 2))).toBe(3);
    expect(countFileLineEnds(inputOf(Buffer.alloc(0)))).toBe(0);
  });
  it('sizes the tables by the whole file: maxRecords at least the records', () => {
    const issues: Issue[] = [];
    const s = streamCsvFile(inputOf(Buffer.from('A\n1\n2\n3\n')), 'f.csv', issues, 1, 2);
    expect(s.table?.maxRecords()).toBeGreaterThanOrEqual(3);
  });
  it('finds bytes that are not UTF-8 in any chunk, stops parsing there, and hashes the whole file', () => {
    const bytes = Buffer.concat([Buffer.from('A,B\n1,2\n'), Buffer.from([0xc3, 0x28]), Buffer.from(',x\n3,4\n')]);
    const issues: Issue[] = [];
    const s = streamCsvFile(inputOf(bytes), 'f.csv', issues, 1, 3);
    s.table?.visit(() => undefined);
    expect(s.finish()).toEqual({ sha256: sha256(bytes), utf8: false });
  });
  it('a character cut at the very end of the file is not UTF-8', () => {
    const bytes = Buffer.from([0x41, 0x0a, 0xe2, 0x82]);
    const s = streamCsvFile(inputOf(bytes), 'f.csv', [], 1, 1);
    s.table?.visit(() => undefined);
    expect(s.finish().utf8).toBe(false);
  });
});

describe('Utf8Check', () => {
  it('agrees with isUtf8 on the whole bytes, however they are cut (numRuns 500)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          // 1- to 4-byte UTF-8 and a lone surrogate (fast-check's 'binary' unit takes seconds to set up).
          fc
            .string({ unit: fc.constantFrom('a', ',', '\n', 'é', '€', '\u{1F600}', '\ud800'), maxLength: 30 })
            .map((s) => Buffer.from(s)),
          fc.uint8Array({ maxLength: 30 }).map((a) => Buffer.from(a)),
        ),
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 5 }),
        (bytes, cuts) => {
          const check = new Utf8Check();
          let at = 0;
          for (const cut of [...cuts].sort((a, b) => a - b)) {
            const end = Math.min(cut, bytes.length);
            if (end < at) continue;
            check.add(bytes.subarray(at, end));
            at = end;
          }
          check.add(bytes.subarray(at));
          expect(check.end()).toBe(isUtf8(bytes));
        },
      ),
      { numRuns: 500, seed: 20261204 },
    );
  });
});
