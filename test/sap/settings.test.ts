import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT, RunError } from '../../src/core/exit-codes.js';
import { defaultSettingsPath } from '../../src/sap/paths.js';
import { loadSapSettings, safeParseSapSettings } from '../../src/sap/settings.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the repository's sap/ folder whose settings.json is edited by `edit`. */
function brokenCopy(edit: (json: Record<string, any>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'sap-settings-'));
  dirs.push(dir);
  cpSync(dirname(defaultSettingsPath()), dir, { recursive: true });
  const path = join(dir, 'settings.json');
  const json = JSON.parse(readFileSync(path, 'utf8'));
  edit(json);
  writeFileSync(path, JSON.stringify(json));
  return path;
}

function failure(path: string): RunError {
  try {
    loadSapSettings(path);
  } catch (e) {
    if (e instanceof RunError) return e;
    throw e;
  }
  throw new Error('expected loadSapSettings to fail');
}

describe('loadSapSettings', () => {
  it('loads the repository settings with the three PROMIS tables', () => {
    const s = loadSapSettings(defaultSettingsPath());
    expect(s.version).toBe('1.0');
    expect(Object.keys(s.promisTables).sort()).toEqual(['PROMISDEP', 'PROMISFAT', 'PROMISPAIN']);
    // sap/promis/depression_8a.csv (copied from reference/promis): raw 8 → 38.2, raw 40 → 81.3.
    expect(s.promisTables['PROMISDEP']?.[0]).toEqual({ raw: 8, tscore: 38.2, se: 5.7 });
    expect(s.promisTables['PROMISDEP']?.at(-1)).toEqual({ raw: 40, tscore: 81.3, se: 3.4 });
    expect(s.promisTables['PROMISFAT']?.[0]).toEqual({ raw: 7, tscore: 29.4, se: null });
  });

  it('stops with exit 70 and every problem, each naming the file and the JSON path', () => {
    const path = brokenCopy((j) => {
      j.referenceArm = 'PLACEBO';
      j.sri4.pgaIncreaseLimitHundredths = 0.3;
    });
    const e = failure(path);
    expect(e.exitCode).toBe(EXIT.SOFTWARE);
    // The issues are printed once, from `issues`; the message only counts them.
    expect(e.message).toBe(`the SAP settings ${path} are invalid (2 problems)`);
    expect(e.issues.map((i) => `${i.file}: ${i.rule}`)).toEqual([
      expect.stringMatching(/^settings\.json: referenceArm: /),
      expect.stringMatching(/^settings\.json: sri4\.pgaIncreaseLimitHundredths: .*int/i),
    ]);
  });

  it('a file the user named (--sap) is invalid input: exit 65, issues named by the path as given', () => {
    const path = brokenCopy((j) => {
      j.referenceArm = 'PLACEBO';
    });
    let e: unknown;
    try {
      loadSapSettings(path, { userFile: 'my/settings.json' });
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(RunError);
    expect((e as RunError).exitCode).toBe(EXIT.DATAERR);
    expect((e as RunError).issues.map((i) => `${i.file}: ${i.rule}`)).toEqual([expect.stringMatching(/^my\/settings\.json: referenceArm: /)]);
  });

  it('requires the MedDRA version the AE tables print, as <major>.<minor>', () => {
    expect(loadSapSettings(defaultSettingsPath()).meddraVersion).toBe('26.1');
    expect(failure(brokenCopy((j) => (j.meddraVersion = 'v26'))).issues.map((i) => i.rule)).toEqual([
      expect.stringMatching(/^meddraVersion: a MedDRA version is <major>\.<minor>/),
    ]);
    expect(failure(brokenCopy((j) => delete j.meddraVersion)).issues.map((i) => i.rule)).toEqual([expect.stringMatching(/^meddraVersion: /)]);
  });

  it('reports a file that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sap-settings-'));
    dirs.push(dir);
    const path = join(dir, 'settings.json');
    writeFileSync(path, '{ "version": "1.0", }');
    expect(failure(path).issues[0]?.rule).toMatch(/^is not valid JSON: /);
  });

  it('reports a missing file', () => {
    expect(failure('/nonexistent/settings.json').issues[0]?.rule).toMatch(/^cannot be read: /);
  });

  it('reports a PROMIS table that is missing or does not cover the form', () => {
    const path = brokenCopy((j) => {
      j.pro.promis[0].table = 'promis/none.csv';
      j.pro.promis[1].items.pop(); // 5 items: raw 5–25, but the 6a table runs 6–30
    });
    const rules = failure(path).issues.map((i) => i.rule);
    expect(rules[0]).toMatch(/^pro\.promis\[0\]\.table: promis\/none\.csv cannot be read/);
    expect(rules).toContain('pro.promis[1].table: promis/pain_interference_6a.csv: raw score 5 must appear exactly once (found 0)');
    expect(rules).toContain('pro.promis[1].table: promis/pain_interference_6a.csv: raw score 30 is outside 5–25');
  });
});

describe('safeParseSapSettings', () => {
  it('returns issues instead of throwing, with array indices in the path', () => {
    const json = JSON.parse(readFileSync(defaultSettingsPath(), 'utf8'));
    json.arms[1].code = 'MSC2E6';
    const r = safeParseSapSettings(json, 'settings.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.rule).toMatch(/^arms\[1\]\.code: /);
  });
});
