import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultSettingsPath } from '../../src/sap/paths.js';
import { SAP_VERSION, sapSettingsSchema } from '../../src/sap/schema.js';

/** The repository's settings as plain JSON, to be broken one field at a time. */
function good(): Record<string, any> {
  return JSON.parse(readFileSync(defaultSettingsPath(), 'utf8'));
}

function messages(input: unknown): string[] {
  const r = sapSettingsSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('sapSettingsSchema', () => {
  it('accepts the repository settings, which carry the SAP version of the code', () => {
    expect(messages(good())).toEqual([]);
    expect(good().version).toBe(SAP_VERSION);
  });

  it('holds the SAP constants the derivations rely on (sap-synopsis §3–§4)', () => {
    const s = sapSettingsSchema.parse(good());
    expect(s.sledai.descriptors).toHaveLength(24);
    expect(s.sledai.descriptors.reduce((a, d) => a + d.weight, 0)).toBe(105); // instruments.md: total 0–105
    expect(s.bilag.domains).toHaveLength(9);
    expect(s.sdi.systems.reduce((a, d) => a + d.max, 0)).toBe(47); // instruments.md: total 0–47
    expect(s.steroids.frequencies['QW']).toEqual({ kind: 'rate', administrations: 1, days: 7 });
    expect(s.steroids.prednisoneFactors['METHYLPREDNISOLONE']).toBe(1.25);
    expect(s.sri4).toMatchObject({ sledaiDrop: 4, pgaIncreaseLimitHundredths: 30, steroidMaxDose: 10, steroidWindowStartFallbackDay: 140 });
    expect(s.visits.map((v) => v.id)).toEqual([
      'SCREENING', 'BASELINE', 'WEEK4', 'WEEK8', 'WEEK12', 'WEEK16', 'WEEK20', 'WEEK24', 'WEEK36', 'WEEK52',
    ]);
  });

  it('holds the subgroup and medication constants of SAP 6.13 and 7.4, and rejects clashing ones', () => {
    const s = good();
    expect(sapSettingsSchema.parse(s).subgroups).toEqual({ ageCut: 40, ageBelow: '<40', ageAtOrAbove: '>=40' });
    expect(sapSettingsSchema.parse(s).conmed.categories).toEqual(['CORTICOSTEROID', 'ANTIMALARIAL', 'IMMUNOSUPPRESSANT', 'BIOLOGIC', 'OTHER']);
    s.subgroups.ageAtOrAbove = '<40';
    s.conmed.categories.push('OTHER');
    expect(messages(s)).toEqual(['subgroups: the two age labels must differ', 'conmed.categories: category OTHER is listed twice']);
  });

  it('names the field of a type error', () => {
    const s = good();
    s.sri4.sledaiDrop = 'four';
    expect(messages(s)).toEqual([expect.stringMatching(/^sri4\.sledaiDrop: .*number/)]);
  });

  it('rejects an unknown field (a misspelt key must not be silently ignored)', () => {
    const s = good();
    s.sri4.sledaiDorp = 4;
    expect(messages(s).join('\n')).toMatch(/sri4.*sledaiDorp/);
  });

  it('rejects a display order naming an arm that does not exist', () => {
    const s = good();
    s.armDisplayOrder = ['PBO', 'MSC1E6', 'MSC1E6'];
    expect(messages(s)).toEqual(['armDisplayOrder: arm MSC1E6 is listed twice', 'armDisplayOrder: arm MSC5E6 has no display position']);
  });

  it('rejects a SRI-4 visit that is not scheduled, and a window that starts after it', () => {
    const s = good();
    s.sri4.visitnum = 11;
    s.sri4.steroidWindowStartVisitnum = 12;
    expect(messages(s)).toEqual([
      'sri4.visitnum: VISITNUM 11 is not a scheduled visit',
      'sri4.steroidWindowStartVisitnum: VISITNUM 12 is not a scheduled visit',
      'sri4.steroidWindowStartVisitnum: the steroid window must start before the SRI-4 visit',
    ]);
  });

  it('rejects two renal BILAG domains, a CI level that is not 1 − alpha and another SAP version', () => {
    const s = good();
    s.bilag.domains[0].renal = true;
    s.analysis.ciLevel = 0.9;
    s.version = '2.0';
    expect(messages(s)).toEqual([
      `version: this program implements SAP version ${SAP_VERSION}, the file says 2.0`,
      'bilag.domains: exactly one domain must be renal',
      'analysis.ciLevel: the CI level must be 1 − alpha',
    ]);
  });

  it('rejects an unknown frequency kind and a non-increasing visit schedule', () => {
    const s = good();
    s.steroids.frequencies.QW = { kind: 'weekly' };
    expect(messages(s).join('\n')).toMatch(/^steroids\.frequencies\.QW\.kind: /);
    const t = good();
    t.visits[3].day = 20;
    expect(messages(t)).toEqual(['visits.3: visits must be in increasing order of VISITNUM and nominal day']);
  });
});
