import { describe, expect, it } from 'vitest';
import { computeTreatmentEmergent } from '../../src/derive/teae.js';

// Expected values worked by hand from SAP §7.1 (latest possible date of the start vs Day 0).
describe('computeTreatmentEmergent', () => {
  it('takes a month-only start as TE when the month ends on or after Day 0 (2027-01 vs Day 0 2027-01-15)', () => {
    expect(computeTreatmentEmergent('2027-01', '2027-01-15')).toBe('Y'); // latest 2027-01-31
    expect(computeTreatmentEmergent('2026-12', '2027-01-15')).toBe('N'); // latest 2026-12-31
  });

  it('follows the SAP worked example (Day 0 2026-03-15)', () => {
    expect(computeTreatmentEmergent('2026-03', '2026-03-15')).toBe('Y');
    expect(computeTreatmentEmergent('2026-02', '2026-03-15')).toBe('N'); // latest 2026-02-28
    expect(computeTreatmentEmergent('2026', '2026-03-15')).toBe('Y');
  });

  it('uses the last day of the month, leap years included, and of the year', () => {
    expect(computeTreatmentEmergent('2028-02', '2028-02-29')).toBe('Y'); // 2028 is a leap year
    expect(computeTreatmentEmergent('2027-02', '2027-03-01')).toBe('N'); // latest 2027-02-28
    expect(computeTreatmentEmergent('2026', '2026-12-31')).toBe('Y');
    expect(computeTreatmentEmergent('2026', '2027-01-01')).toBe('N');
  });

  it('takes a full date as TE from Day 0 on (the infusion day itself counts)', () => {
    expect(computeTreatmentEmergent('2027-01-14', '2027-01-15')).toBe('N');
    expect(computeTreatmentEmergent('2027-01-15', '2027-01-15')).toBe('Y');
    expect(computeTreatmentEmergent('2027-01-16', '2027-01-15')).toBe('Y');
  });

  it('has no answer for a subject never infused (no Day 0)', () => {
    expect(computeTreatmentEmergent('2027-01-16', null)).toBeNull();
  });

  it('throws on a start that is not a (partial) ISO date', () => {
    expect(() => computeTreatmentEmergent('2027-13', '2027-01-15')).toThrow(/not a \(partial\) ISO date/);
    expect(() => computeTreatmentEmergent('', '2027-01-15')).toThrow();
  });
});
