import { describe, expect, it } from 'vitest';
import { compareOutputFolders, formatDifference, valuesAgree, type OutputFolder } from '../../src/output/compare.js';

const enc = (s: string) => new TextEncoder().encode(s);
const folder = (files: Record<string, string>): OutputFolder =>
  new Map(Object.entries(files).map(([k, v]) => [k, enc(v)]));
const HEADER = 'endpoint,param,visit,population,group,comparator,stat,method,value\n';
const noKeys = { tolerance: 1e-9, datasetKeys: () => null };

describe('valuesAgree', () => {
  it('is relative to the larger magnitude', () => {
    expect(valuesAgree('1', '1.0000000001', 1e-9)).toBe(true);
    expect(valuesAgree('1', '1.00000001', 1e-9)).toBe(false);
    expect(valuesAgree('1e-20', '2e-20', 1e-9)).toBe(false);
    expect(valuesAgree('0', '0', 0)).toBe(true);
  });
  it('an empty value equals only an empty one; text must be identical', () => {
    expect(valuesAgree('', '', 1e-9)).toBe(true);
    expect(valuesAgree('', '0', 1e-9)).toBe(false);
    expect(valuesAgree('Y', 'N', 1)).toBe(false);
  });
});

describe('compareOutputFolders', () => {
  it('finds nothing in identical folders', () => {
    const f = folder({ 'ard.csv': `${HEADER}SRI4,,WEEK24,FAS,PBO,,n,,3\n`, 'tables/T.txt': 'x' });
    expect(compareOutputFolders(f, f, noKeys)).toEqual([]);
  });

  it('names an ARD value change by its key with both values, within the tolerance only', () => {
    const a = folder({ 'ard.csv': `${HEADER}SRI4,,WEEK24,FAS,PBO,,prop,,0.5\nSRI4,,WEEK24,FAS,PBO,,n,,3\n` });
    const b = folder({
      'ard.csv': `${HEADER}SRI4,,WEEK24,FAS,PBO,,prop,,0.5000000000001\nSRI4,,WEEK24,FAS,PBO,,n,,4\n`,
    });
    const d = compareOutputFolders(a, b, noKeys);
    expect(d.map(formatDifference)).toEqual(['ard.csv: SRI4||WEEK24|FAS|PBO||n|: 3 → 4']);
    expect(compareOutputFolders(a, b, { ...noKeys, tolerance: 0 })).toHaveLength(2);
  });

  it('names ARD rows present on one side only, and an empty value', () => {
    const a = folder({ 'ard.csv': `${HEADER}X,,,FAS,PBO,,or,LOGISTIC,\nY,,,FAS,PBO,,n,,1\n` });
    const b = folder({ 'ard.csv': `${HEADER}X,,,FAS,PBO,,or,LOGISTIC,2.5\n` });
    expect(compareOutputFolders(a, b, noKeys).map(formatDifference)).toEqual([
      'ard.csv: X|||FAS|PBO||or|LOGISTIC: (empty) → 2.5',
      'ard.csv: Y|||FAS|PBO||n|: 1 → (absent)',
    ]);
  });

  it('matches dataset rows by their keys whatever the order, naming the variable', () => {
    const a = folder({ 'adam/adsl.csv': 'USUBJID,AGE,SEX\nS-1,40,F\nS-2,50,M\n' });
    const b = folder({ 'adam/adsl.csv': 'USUBJID,SEX,AGE\nS-2,M,51\nS-1,F,40\n' });
    const keyed = { tolerance: 1e-9, datasetKeys: (n: string) => (n === 'adsl' ? ['USUBJID'] : null) };
    expect(compareOutputFolders(a, b, keyed).map(formatDifference)).toEqual([
      'adam/adsl.csv: USUBJID=S-2 AGE: 50 → 51',
    ]);
    // Without keys rows are compared by position, so the reordering shows.
    expect(compareOutputFolders(a, b, noKeys).length).toBeGreaterThan(1);
  });

  it('falls back to position when a key is not unique, and reports variables on one side only', () => {
    const a = folder({ 'adam/adx.csv': 'USUBJID,AVAL\nS-1,1\nS-1,2\n' });
    const b = folder({ 'adam/adx.csv': 'USUBJID,AVAL,NEW\nS-1,1,a\nS-1,3,b\n' });
    const d = compareOutputFolders(a, b, { tolerance: 1e-9, datasetKeys: () => ['USUBJID'] }).map(formatDifference);
    expect(d).toEqual(['adam/adx.csv: variable NEW: (absent) → present', 'adam/adx.csv: row 2 AVAL: 2 → 3']);
  });

  it('compares other files byte for byte and reports files on one side only', () => {
    const a = folder({ 'tables/A.txt': 'x', 'tables/B.txt': 'same' });
    const b = folder({ 'tables/A.txt': 'y', 'tables/B.txt': 'same', 'tables/C.txt': '' });
    expect(compareOutputFolders(a, b, noKeys).map(formatDifference)).toEqual([
      'tables/A.txt: 1 bytes → 1 bytes, different content',
      'tables/C.txt: (absent) → present',
    ]);
  });

  it('explains through the manifest: its settings and input hashes, not its output list', () => {
    const m = (draft: boolean, hash: string, out: string) =>
      JSON.stringify({
        tool: 'sle-msc',
        draft,
        inputs: [{ name: 'lock/dm.csv', sha256: hash }],
        outputs: [{ path: 'x', sha256: out }],
      });
    const d = compareOutputFolders(
      folder({ 'manifest.json': m(false, 'aa', '1') }),
      folder({ 'manifest.json': m(true, 'bb', '2') }),
      noKeys,
    );
    expect(d.map(formatDifference)).toEqual([
      'manifest.json: draft: false → true',
      'manifest.json: input lock/dm.csv: aa → bb',
    ]);
  });
});

describe('compareOutputFolders on log.txt', () => {
  it('ignores the timings section and names a differing line', () => {
    const log = (warn: string, ms: number) =>
      `# sle-msc run log\n\n## Warnings (1)\n${warn}\n\n## Timings (wall clock)\nread: ${ms} ms\n`;
    expect(
      compareOutputFolders(folder({ 'log.txt': log('w', 1) }), folder({ 'log.txt': log('w', 2) }), noKeys),
    ).toEqual([]);
    expect(
      compareOutputFolders(folder({ 'log.txt': log('w', 1) }), folder({ 'log.txt': log('v', 1) }), noKeys).map(
        formatDifference,
      ),
    ).toEqual(['log.txt: line 4: w → v']);
  });

  it('aligns the lines: one warning more is one difference, not every line after it', () => {
    const log = (warnings: string[]) =>
      `# sle-msc run log\n\n## Warnings (${warnings.length})\n${warnings.join('\n')}\n\n## Models (2)\nA: MMRM\nB: NEGBIN\n`;
    const d = compareOutputFolders(
      folder({ 'log.txt': log(['w1', 'w3']) }),
      folder({ 'log.txt': log(['w1', 'w2', 'w3']) }),
      noKeys,
    );
    expect(d.map(formatDifference)).toEqual([
      'log.txt: line 3: ## Warnings (2) → ## Warnings (3)',
      'log.txt: line 5 of B: (absent) → w2',
    ]);
    const back = compareOutputFolders(
      folder({ 'log.txt': log(['w1', 'w2', 'w3']) }),
      folder({ 'log.txt': log(['w3']) }),
      noKeys,
    );
    expect(back.map(formatDifference)).toEqual([
      'log.txt: line 3: ## Warnings (3) → ## Warnings (1)',
      'log.txt: line 4 of A: w1 → (absent)',
      'log.txt: line 5 of A: w2 → (absent)',
    ]);
  });
});
