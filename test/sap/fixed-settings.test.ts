import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultSettingsPath } from '../../src/sap/index.js';
import { safeParseSapSettings } from '../../src/sap/settings.js';

const bundled = (): Record<string, any> => JSON.parse(readFileSync(defaultSettingsPath(), 'utf8'));

/** The rules of the bundled file with `edit` applied, or [] when it is valid. */
function problems(edit: (s: Record<string, any>) => void): string[] {
  const s = bundled();
  edit(s);
  const r = safeParseSapSettings(s, 'settings.json');
  return r.ok ? [] : r.issues.map((i) => i.rule);
}

describe('settings the contract or the renderer fix', () => {
  it('the bundled file states them as they are', () => {
    expect(problems(() => undefined)).toEqual([]);
  });

  it.each([
    ['armDisplayOrder', (s: Record<string, any>) => (s.armDisplayOrder = ['MSC1E6', 'PBO', 'MSC5E6'])],
    ['arms[1].name', (s: Record<string, any>) => (s.arms[1].name = 'MSC 5x10^6 cells/kg')],
    ['arms[0].name', (s: Record<string, any>) => (s.arms[0].name = 'Placebo + SoC')],
    ['referenceArm', (s: Record<string, any>) => (s.referenceArm = 'MSC1E6')],
    ['totalGroup', (s: Record<string, any>) => (s.totalGroup = 'ALL')],
    ['steroids.ongoing', (s: Record<string, any>) => (s.steroids.ongoing = 'CONTINUING')],
    ['pga.min', (s: Record<string, any>) => (s.pga.min = 1)],
    ['pga.max', (s: Record<string, any>) => (s.pga.max = 10)],
    ['pga.maxDecimals', (s: Record<string, any>) => (s.pga.maxDecimals = 1)],
    ['sdi.systems[0].max', (s: Record<string, any>) => (s.sdi.systems[0].max += 1)],
    ['display.percentDecimals', (s: Record<string, any>) => (s.display.percentDecimals = 0)],
    ['display.ratioDecimals', (s: Record<string, any>) => (s.display.ratioDecimals = 3)],
    ['display.pValueDecimals', (s: Record<string, any>) => (s.display.pValueDecimals = 4)],
    ['display.notEstimable', (s: Record<string, any>) => (s.display.notEstimable = 'n.e.')],
  ])('refuses a file that changes %s (the code would ignore it)', (path, edit) => {
    const found = problems(edit);
    expect(found.length, found.join('\n')).toBe(1);
    expect(found[0]).toMatch(new RegExp(`^${path.replace(/[.[\]]/g, '\\$&')}: must be `));
  });
});
