/**
 * Bad-input corpus: one-defect locks made from a valid base lock (a simulated mini lock of a few subjects
 * holding every domain, instrument and visit: copies of it are quick to make, reseal and read). Each case copies the base, changes one cell or
 * line, reseals lock.json (unless the defect is the seal), and asserts where the error is reported
 * (file, line, column: the contract of shared/cli.md) and that loadLock fails with exit code 65.
 * Rows are picked by what they hold, not by line number, so the corpus survives a new sample.
 */
import { rm, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, RunError } from '../../src/core/exit-codes.js';
import { formatIssue, type Issue } from '../../src/core/issues.js';
import { loadLock, readLock } from '../../src/lock/read-lock.js';
import type { Lock, SourceRef } from '../../src/lock/types.js';
import { appendCopy, copyLock, editCell, editLine, resealLock, simulatedMiniLock } from './lock-fixture.js';

interface Where {
  readonly file: string;
  readonly line?: number;
  readonly column?: string;
  /** Part of the rule's wording. */
  readonly says: string;
  /** False when the defect is known to set off further issues elsewhere (e.g. a duplicated subject). */
  readonly only?: boolean;
}

interface Defect {
  readonly name: string;
  /** Makes the defect in `dir` (a copy of the base) and says where it must be reported. */
  readonly make: (dir: string, base: Lock) => Promise<Where>;
  /** The defect is in the seal itself: do not recompute lock.json. */
  readonly keepSeal?: boolean;
}

function pick<R extends { readonly src: SourceRef }>(rows: readonly R[], what: string, ok: (r: R) => boolean): R {
  const row = rows.find(ok);
  if (row === undefined) throw new Error(`the base lock has no ${what}`);
  return row;
}

const cell =
  (
    file: string,
    column: string,
    value: string,
    says: string,
    row: (b: Lock) => { readonly src: SourceRef },
    only = true,
  ): Defect['make'] =>
  async (dir, base) => {
    const line = row(base).src.line;
    await editCell(dir, file, line, column, value);
    return { file, line, column, says, only };
  };

const DEFECTS: readonly Defect[] = [
  // Cells: type, placeholder, terms, range.
  { name: 'DM AGE not a number', make: cell('dm.csv', 'AGE', '3O', 'not a whole number', (b) => b.dm[0]!) },
  { name: 'DM AGE below 18', make: cell('dm.csv', 'AGE', '17', 'outside the range 18 to 80', (b) => b.dm[1]!) },
  { name: 'DM SEX not a term', make: cell('dm.csv', 'SEX', 'Female', 'controlled terms', (b) => b.dm[0]!) },
  { name: 'DM arm not BLINDED', make: cell('dm.csv', 'ACTARMCD', 'PBO', 'controlled terms: BLINDED', (b) => b.dm[0]!) },
  { name: 'DM WEIGHTBL placeholder NA', make: cell('dm.csv', 'WEIGHTBL', 'NA', 'placeholder', (b) => b.dm[0]!) },
  {
    name: 'DM WEIGHTBL decimal comma',
    make: cell('dm.csv', 'WEIGHTBL', '70,5', 'plain decimal number', (b) => b.dm[0]!),
  },
  {
    name: 'DM SITEID not the site of USUBJID',
    make: cell('dm.csv', 'SITEID', '109', 'differs from the site in USUBJID', (b) =>
      pick(b.dm, 'subject outside site 109', (r) => r.SITEID !== '109'),
    ),
  },
  {
    name: 'DM RFSTDTC empty for an infused subject',
    make: cell('dm.csv', 'RFSTDTC', '', 'RFSTDTC is required', (b) =>
      pick(b.dm, 'infused subject', (r) => r.RFSTDTC !== null),
    ),
  },
  { name: 'DS impossible date', make: cell('ds.csv', 'DSSTDTC', '2026-02-30', 'not an ISO date', (b) => b.ds[0]!) },
  {
    name: 'DS event term on a milestone row',
    make: cell('ds.csv', 'DSDECOD', 'COMPLETED', 'not a term of DSCAT PROTOCOL MILESTONE', (b) =>
      pick(b.ds, 'consent milestone', (r) => r.DSDECOD === 'INFORMED CONSENT OBTAINED'),
    ),
  },
  {
    name: 'SV VISIT does not match VISITNUM',
    make: cell('sv.csv', 'VISIT', 'WEEK 8', "does not match VISITNUM 3 (expected 'WEEK 4')", (b) =>
      pick(b.sv, 'WEEK 4 visit', (r) => r.VISITNUM === 3),
    ),
  },
  {
    name: 'SV partial date',
    make: cell('sv.csv', 'SVSTDTC', '2025-01', 'partial date, not allowed', (b) => b.sv[0]!, false),
  },
  {
    name: 'EX infusion date differs from RFSTDTC',
    make: cell('ex.csv', 'EXSTDTC', '2020-01-01', 'differs from DM RFSTDTC', (b) =>
      pick(b.ex, 'infusion', (r) => r.EXOCCUR === 'Y'),
    ),
  },
  {
    name: 'QS SLEDAI result not Y/N',
    make: cell('qs.csv', 'QSSTRESC', 'YES', 'not a result of SLEDAI-2K', (b) =>
      pick(b.qs, 'SLEDAI row', (r) => r.QSCAT === 'SLEDAI-2K' && r.QSSTAT === null),
    ),
  },
  {
    name: 'QS BILAG grade F',
    make: cell('qs.csv', 'QSSTRESC', 'F', 'not a result of BILAG-2004', (b) =>
      pick(b.qs, 'BILAG row', (r) => r.QSCAT === 'BILAG-2004' && r.QSSTAT === null),
    ),
  },
  {
    name: 'QS PGA with three decimals',
    make: cell('qs.csv', 'QSSTRESN', '1.255', 'at most 2 decimals', (b) =>
      pick(b.qs, 'PGA row', (r) => r.QSCAT === 'PGA' && r.QSSTRESN !== null),
    ),
  },
  {
    name: 'QS PGA above 3',
    make: cell('qs.csv', 'QSSTRESN', '3.5', 'outside 0–3', (b) =>
      pick(b.qs, 'PGA row', (r) => r.QSCAT === 'PGA' && r.QSSTRESN !== null),
    ),
  },
  {
    name: 'QS SDI above its system maximum',
    make: cell('qs.csv', 'QSSTRESN', '2', 'outside 0–1', (b) =>
      pick(b.qs, 'SDI gonadal row', (r) => r.QSTESTCD === 'SDIGONF' && r.QSSTRESN !== null),
    ),
  },
  {
    name: 'QS PROMIS item 0',
    make: cell('qs.csv', 'QSSTRESN', '0', 'outside 1–5', (b) =>
      pick(b.qs, 'PROMIS row', (r) => r.QSCAT.startsWith('PROMIS') && r.QSSTRESN !== null),
    ),
  },
  {
    name: 'QS LIT item 4.5',
    make: cell('qs.csv', 'QSSTRESN', '4.5', 'outside 0–4', (b) =>
      pick(b.qs, 'LIT row', (r) => r.QSCAT === 'LIT' && r.QSSTRESN !== null),
    ),
  },
  {
    name: 'QS test code of another instrument',
    make: cell('qs.csv', 'QSTESTCD', 'SLED25', 'not a test code of SLEDAI-2K', (b) =>
      pick(b.qs, 'SLEDAI row', (r) => r.QSCAT === 'SLEDAI-2K' && r.QSTESTCD === 'SLED24'),
    ),
  },
  {
    name: 'QS date is not the visit date',
    make: cell('qs.csv', 'QSDTC', '2019-06-01', 'is not the date of its visit', (b) => b.qs[0]!),
  },
  {
    name: 'QS NOT DONE with a result',
    make: async (dir, b) => {
      // QSORRES and QSSTRESC both break the rule; the issue on QSSTRESC is the one checked.
      const row = pick(b.qs, 'SLEDAI row', (r) => r.QSCAT === 'SLEDAI-2K' && r.QSSTAT === null);
      await editCell(dir, 'qs.csv', row.src.line, 'QSSTAT', 'NOT DONE');
      return {
        file: 'qs.csv',
        line: row.src.line,
        column: 'QSSTRESC',
        says: 'must be empty when QSSTAT is NOT DONE',
        only: false,
      };
    },
  },
  {
    name: 'QS QSSEQ repeated within the subject',
    make: async (dir, b) => {
      const [first, second] = [b.qs[0]!, b.qs[1]!];
      await editCell(dir, 'qs.csv', second.src.line, 'QSSEQ', String(first.QSSEQ));
      return { file: 'qs.csv', line: second.src.line, column: 'QSSEQ', says: `(first on line ${first.src.line})` };
    },
  },
  {
    name: 'QS item answered twice at a visit',
    make: async (dir, b) => {
      const row = pick(b.qs, 'SLEDAI row', (r) => r.QSCAT === 'SLEDAI-2K');
      const line = await appendCopy(dir, 'qs.csv', row.src.line, { QSSEQ: '99999' });
      return {
        file: 'qs.csv',
        line,
        column: 'QSTESTCD',
        says: `duplicate assessment USUBJID + VISITNUM + QSCAT + QSTESTCD (first on line ${row.src.line})`,
      };
    },
  },
  {
    name: 'LB unit not that of the test',
    make: cell('lb.csv', 'LBSTRESU', 'mg/dL', 'LBSTRESU for C3 must be g/L', (b) =>
      pick(b.lb, 'C3 result', (r) => r.LBTESTCD === 'C3' && r.LBSTRESU !== null),
    ),
  },
  {
    name: 'LB C3 without lower limit',
    make: cell('lb.csv', 'LBSTNRLO', '', 'lower reference limit is required', (b) =>
      pick(b.lb, 'C3 result', (r) => r.LBTESTCD === 'C3' && r.LBSTAT === null),
    ),
  },
  {
    name: 'LB DSDNA without upper limit',
    make: cell('lb.csv', 'LBSTNRHI', '', 'upper reference limit is required', (b) =>
      pick(b.lb, 'DSDNA result', (r) => r.LBTESTCD === 'DSDNA' && r.LBSTAT === null),
    ),
  },
  {
    name: 'LB LBTEST not that of LBTESTCD',
    make: cell('lb.csv', 'LBTEST', 'Complement C4', "LBTEST for C3 must be 'Complement C3'", (b) =>
      pick(b.lb, 'C3 result', (r) => r.LBTESTCD === 'C3'),
    ),
  },
  {
    name: 'LB number with two points',
    make: cell('lb.csv', 'LBSTRESN', '1.5.2', 'plain decimal number', (b) =>
      pick(b.lb, 'numeric result', (r) => r.LBSTRESN !== null),
    ),
  },
  {
    name: 'LB visit not in SV',
    make: async (dir, b) => {
      // An unscheduled number no subject has: VISIT must follow, so change both cells of the same line.
      const row = b.lb[0]!;
      await editCell(dir, 'lb.csv', row.src.line, 'VISITNUM', '9.97');
      await editCell(dir, 'lb.csv', row.src.line, 'VISIT', 'UNSCHEDULED 9.97');
      return { file: 'lb.csv', line: row.src.line, column: 'VISITNUM', says: 'has no visit 9.97 in sv.csv' };
    },
  },
  {
    name: 'CM steroid dose in grams',
    make: cell('cm.csv', 'CMDOSU', 'g', 'must be mg on CORTICOSTEROID rows', (b) =>
      pick(b.cm, 'steroid row', (r) => r.CMCAT === 'CORTICOSTEROID'),
    ),
  },
  {
    name: 'CM steroid without a prednisone factor',
    make: cell('cm.csv', 'CMDECOD', 'BUDESONIDE', 'has no prednisone factor', (b) =>
      pick(b.cm, 'steroid row', (r) => r.CMCAT === 'CORTICOSTEROID'),
    ),
  },
  {
    name: 'CM end date missing, not ongoing',
    make: cell('cm.csv', 'CMENDTC', '', 'required unless CMENRTPT is ONGOING', (b) =>
      pick(b.cm, 'ended medication', (r) => r.CMENDTC !== null),
    ),
  },
  { name: 'CM DOMAIN code wrong', make: cell('cm.csv', 'DOMAIN', 'CN', 'controlled terms: CM', (b) => b.cm[0]!) },
  { name: 'AE seriousness YES', make: cell('ae.csv', 'AESER', 'YES', 'controlled terms: Y, N', (b) => b.ae[0]!) },
  {
    name: 'AE subject not in DM',
    make: cell('ae.csv', 'USUBJID', 'SLEMSC01-109-999', 'not in dm.csv', (b) => b.ae[0]!),
  },
  {
    name: 'AE another study',
    make: cell('ae.csv', 'STUDYID', 'SLEMSC02', 'controlled terms: SLEMSC01', (b) => b.ae[0]!),
  },
  {
    name: 'AE second body system for a term',
    make: async (dir, b) => {
      const row = b.ae[0]!;
      const line = await appendCopy(dir, 'ae.csv', row.src.line, {
        AESEQ: '9999',
        AEBODSYS: 'General disorders and administration site conditions',
      });
      return { file: 'ae.csv', line, column: 'AEBODSYS', says: `one AEBODSYS per AEDECOD` };
    },
  },
  // File format.
  {
    name: 'QS header in lower case',
    make: async (dir) => {
      await editLine(dir, 'qs.csv', 1, (t) => t.replace('QSCAT', 'qscat'));
      return { file: 'qs.csv', line: 1, column: 'qscat', says: 'column name must be upper case' };
    },
  },
  {
    name: 'LB required column missing',
    make: async (dir) => {
      await editLine(dir, 'lb.csv', 1, (t) => t.replace('LBDTC', 'LBDATE'));
      return { file: 'lb.csv', line: 1, column: 'LBDTC', says: 'required column LBDTC is missing' };
    },
  },
  {
    name: 'SV row with an extra field',
    make: async (dir, b) => {
      const line = b.sv[2]!.src.line;
      await editLine(dir, 'sv.csv', line, (t) => `${t},extra`);
      // The row is dropped, so the assessments of that visit lack it too.
      return { file: 'sv.csv', line, says: 'row has 7 fields, the header has 6', only: false };
    },
  },
  {
    name: 'AE stray quote',
    make: async (dir, b) => {
      const line = b.ae[1]!.src.line;
      await editLine(dir, 'ae.csv', line, (t) => t.replace(',N,', ',N",'));
      return { file: 'ae.csv', line, says: 'malformed quoting' };
    },
  },
  {
    name: 'DM date-time with hour 25',
    make: cell('dm.csv', 'RFENDTC', '2026-02-02T25:00', 'not an ISO date', (b) =>
      pick(b.dm, 'infused subject', (r) => r.RFENDTC !== null),
    ),
  },
  // Cross-file rules.
  {
    name: 'DS second RANDOMIZED milestone',
    make: async (dir, b) => {
      const row = pick(b.ds, 'randomization', (r) => r.DSDECOD === 'RANDOMIZED');
      const line = await appendCopy(dir, 'ds.csv', row.src.line, { DSSEQ: '999' });
      return {
        file: 'ds.csv',
        line,
        column: 'DSDECOD',
        says: `second RANDOMIZED milestone of ${row.USUBJID} (first on line ${row.src.line})`,
      };
    },
  },
  {
    name: 'EX second infusion',
    make: async (dir, b) => {
      const row = pick(b.ex, 'infusion', (r) => r.EXOCCUR === 'Y');
      const line = await appendCopy(dir, 'ex.csv', row.src.line, { EXSEQ: '99' });
      return { file: 'ex.csv', line, column: 'EXOCCUR', says: `(first on line ${row.src.line})` };
    },
  },
  {
    name: 'SV visit recorded twice',
    make: async (dir, b) => {
      const row = b.sv[1]!;
      const line = await appendCopy(dir, 'sv.csv', row.src.line, {});
      return {
        file: 'sv.csv',
        line,
        column: 'VISITNUM',
        says: `duplicate visit USUBJID + VISITNUM (first on line ${row.src.line})`,
      };
    },
  },
  {
    name: 'DM subject twice',
    make: async (dir, b) => {
      const [first, second] = [b.dm[0]!, b.dm[1]!];
      await editCell(dir, 'dm.csv', second.src.line, 'USUBJID', first.USUBJID);
      await editCell(dir, 'dm.csv', second.src.line, 'SITEID', first.SITEID);
      await editCell(dir, 'dm.csv', second.src.line, 'SUBJID', first.SUBJID);
      return {
        file: 'dm.csv',
        line: second.src.line,
        column: 'USUBJID',
        says: `duplicate subject (first on line ${first.src.line})`,
        only: false,
      };
    },
  },
  // lock.json.
  {
    name: 'lock.json not blinded',
    make: async (dir) => {
      const path = join(dir, 'lock.json');
      await writeFile(path, (await readFile(path, 'utf8')).replace('"blinded": true', '"blinded": false'));
      return { file: 'lock.json', says: '"blinded" must be true' };
    },
  },
  {
    name: 'lock.json of another study',
    make: async (dir) => {
      const path = join(dir, 'lock.json');
      await writeFile(path, (await readFile(path, 'utf8')).replace('"study": "SLEMSC01"', '"study": "SLEMSC02"'));
      return { file: 'lock.json', says: '"study" must be "SLEMSC01"' };
    },
  },
  {
    name: 'data file changed after the lock',
    keepSeal: true,
    make: async (dir, b) => {
      await editCell(dir, 'cm.csv', b.cm[0]!.src.line, 'CMTRT', 'Prednisone (edited)');
      return { file: 'cm.csv', says: 'differs from lock.json' };
    },
  },
  {
    name: 'lock.json missing',
    keepSeal: true,
    make: async (dir) => {
      await rm(join(dir, 'lock.json'));
      return { file: 'lock.json', says: 'lock.json is missing' };
    },
  },
  {
    name: 'lock.json not JSON',
    keepSeal: true,
    make: async (dir) => {
      await writeFile(join(dir, 'lock.json'), '{"study": "SLEMSC01",');
      return { file: 'lock.json', says: 'not valid JSON' };
    },
  },
  {
    name: 'lock.json lists a domain file missing from the folder',
    make: async (dir) => {
      await rm(join(dir, 'ex.csv'));
      return { file: 'ex.csv', says: 'required file of the lock is missing' };
    },
  },
];

let base: Lock;
let baseDir: string;
beforeAll(async () => {
  baseDir = await simulatedMiniLock();
  base = (await loadLock(baseDir, { draft: false })).lock;
});
afterAll(() => rm(baseDir, { recursive: true, force: true }));

describe('the base lock', () => {
  it('reads with no error', async () => {
    const { issues } = await readLock(baseDir, { draft: false });
    expect(issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
  });
});

describe('bad-input corpus: one defect, reported where it is, exit 65', () => {
  it('has at least 30 defects', () => expect(DEFECTS.length).toBeGreaterThanOrEqual(30));
  it.each(DEFECTS.map((d) => [d.name, d] as const))('%s', async (_, defect) => {
    const dir = await copyLock(baseDir);
    try {
      const where = await defect.make(dir, base);
      if (defect.keepSeal !== true) await resealLock(dir);
      const e = await loadLock(dir, { draft: false }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(RunError);
      expect((e as RunError).exitCode).toBe(EXIT.DATAERR);
      const errors = (e as RunError).issues.filter((i) => i.severity === 'error');
      const at = (i: Issue) => i.file === where.file && i.line === where.line && i.column === where.column;
      const found = errors.filter(at);
      expect(found.map(formatIssue), errors.map(formatIssue).join('\n')).toHaveLength(1);
      expect(found[0]?.rule).toContain(where.says);
      if (where.only !== false) expect(errors.map(formatIssue)).toEqual(found.map(formatIssue));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
