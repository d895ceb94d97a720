/**
 * The arms of the ARD (src/ard/arms.ts) against ../shared/dts/randomization.md and ard.md, transcribed
 * here: "Arms, in display order: `PBO` (Placebo), `MSC1E6` (MSC 1×10^6 cells/kg), `MSC5E6` (MSC 5×10^6
 * cells/kg). Each MSC arm is compared with `PBO`." and ard.md's `group` (`PBO`, `MSC1E6`, `MSC5E6`,
 * `TOTAL`) and `population` (`FAS`, `SAF`, `ENR`) columns. And that the stages that name arms take
 * them from there rather than keeping a copy (the same array, not an equal one).
 */
import { describe, expect, it } from 'vitest';
import * as analyzeGroups from '../../src/analyze/groups.js';
import { ARM_NAMES, ARMS, COMPARED_ARMS, GROUPS, POPULATIONS, REFERENCE_ARM, TOTAL_GROUP } from '../../src/ard/arms.js';
import * as lockApi from '../../src/lock/index.js';
import * as lockTypes from '../../src/lock/types.js';
import * as tlfContext from '../../src/tlf/context.js';

describe('the arms of the ARD', () => {
  it('are those of randomization.md, in its display order, with its ARM names', () => {
    expect(ARMS).toEqual(['PBO', 'MSC1E6', 'MSC5E6']);
    expect(ARM_NAMES).toEqual({ PBO: 'Placebo', MSC1E6: 'MSC 1x10^6 cells/kg', MSC5E6: 'MSC 5x10^6 cells/kg' });
    expect(Object.keys(ARM_NAMES)).toEqual([...ARMS]);
  });
  it('compare each MSC arm with placebo', () => {
    expect(REFERENCE_ARM).toBe('PBO');
    expect(COMPARED_ARMS).toEqual(['MSC1E6', 'MSC5E6']);
  });
  it("give ard.md's groups (the arms, then TOTAL) and populations", () => {
    expect(GROUPS).toEqual(['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL']);
    expect(TOTAL_GROUP).toBe('TOTAL');
    expect(POPULATIONS).toEqual(['FAS', 'SAF', 'ENR']);
  });
  it('are the one list the lock reader, the analyses and the tables use', () => {
    expect(lockTypes.ARM_CODES).toBe(ARMS);
    expect(lockApi.ARM_NAMES).toBe(ARM_NAMES);
    expect(analyzeGroups.COMPARED_ARMS).toBe(COMPARED_ARMS);
    expect(analyzeGroups.REFERENCE_ARM).toBe(REFERENCE_ARM);
    expect(tlfContext.ARMS).toBe(ARMS);
    expect(tlfContext.COMPARED_ARMS).toBe(COMPARED_ARMS);
  });
});
