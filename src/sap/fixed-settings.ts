/**
 * Settings whose values the data contract or the renderer fix (issue 12): the ARD's group codes and
 * reference arm (../shared/dts/ard.md), each arm's name (the randomization file's ARM of its ARMCD,
 * dts/randomization.md: a name that differed would label a table column as another arm), the ranges
 * the lock validator enforces for PGA and SLICC/ACR DI (dts/instruments.md), CMENRTPT's only term (dts/domains.md), and the renderer's decimals and
 * not-estimable mark (src/render/format.ts). They stay in the file as the SAP's statement of them; a
 * file that says otherwise is refused at load rather than silently ignored.
 */
import { ARM_NAMES, ARMS as ARM_CODES, REFERENCE_ARM, TOTAL_GROUP } from '../ard/arms.js';
import { INSTRUMENTS } from '../lock/instruments.js';
import { formatFractionAsPercent, formatP, formatRatio, NOT_ESTIMABLE } from '../render/format.js';
import type { SapSettingsFile } from './schema.js';

type Fail = (path: (string | number)[], message: string) => void;

/** dts/domains.md: CMENRTPT is ONGOING or empty. */
const CM_ONGOING = 'ONGOING';

/** Decimals a renderer's output has: `0.50` → 2. */
const decimalsIn = (text: string): number => text.split('.')[1]?.length ?? 0;

export function checkFixedSettings(s: SapSettingsFile, fail: Fail): void {
  const fixed = (path: (string | number)[], actual: unknown, expected: unknown, by: string): void => {
    if (actual !== expected) fail(path, `must be ${JSON.stringify(expected)}: ${by} (the file says ${JSON.stringify(actual)})`);
  };
  if (s.armDisplayOrder.join(',') !== ARM_CODES.join(',')) {
    fail(['armDisplayOrder'], `must be ${ARM_CODES.join(', ')}: the ARD and every table order the arms so (ard.md)`);
  }
  s.arms.forEach((a, i) => {
    const armName = (ARM_NAMES as Readonly<Record<string, string>>)[a.code];
    if (armName !== undefined) fixed(['arms', i, 'name'], a.name, armName, `the ARM of ARMCD ${a.code} in the randomization file (dts/randomization.md)`);
  });
  fixed(['referenceArm'], s.referenceArm, REFERENCE_ARM, 'the comparator of every ARD comparison (ard.md)');
  fixed(['totalGroup'], s.totalGroup, TOTAL_GROUP, 'the pooled group of the ARD (ard.md)');
  fixed(['steroids', 'ongoing'], s.steroids.ongoing, CM_ONGOING, 'the only CMENRTPT term of the lock (dts/domains.md)');

  const pga = INSTRUMENTS['PGA']?.result;
  if (pga?.kind === 'number') {
    const by = 'the range and precision the lock validator enforces for PGA (dts/instruments.md)';
    fixed(['pga', 'min'], s.pga.min, pga.min, by);
    fixed(['pga', 'max'], s.pga.max, pga.max, by);
    fixed(['pga', 'maxDecimals'], s.pga.maxDecimals, pga.maxDecimals, by);
  }
  const sdiTests = INSTRUMENTS['SLICC/ACR DAMAGE INDEX']?.tests ?? {};
  s.sdi.systems.forEach((x, i) => {
    fixed(['sdi', 'systems', i, 'max'], x.max, sdiTests[x.code]?.max, `the maximum the lock validator enforces for ${x.code} (dts/instruments.md)`);
  });

  const by = 'what the tables print (src/render/format.ts)';
  fixed(['display', 'percentDecimals'], s.display.percentDecimals, decimalsIn(formatFractionAsPercent(0.5)), by);
  fixed(['display', 'ratioDecimals'], s.display.ratioDecimals, decimalsIn(formatRatio(1)), by);
  fixed(['display', 'pValueDecimals'], s.display.pValueDecimals, decimalsIn(formatP(0.5)), by);
  fixed(['display', 'notEstimable'], s.display.notEstimable, NOT_ESTIMABLE, by);
}
