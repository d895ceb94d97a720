import { describe, expect, it } from 'vitest';
import { deriveAdsl } from '../../src/derive/adsl.js';
import { deriveBilagGrades } from '../../src/derive/bilag.js';
import { deriveFlares } from '../../src/derive/flares.js';
import { explainFlares } from '../../src/explain/explain-subject.js';
import { bilag, dm, ex, settings, sv } from '../derive/helpers.js';

describe('explainFlares', () => {
  const s = settings();
  //                             CONS MUCO NEUR MUSK CARD GAST OPHT RENL HAEM
  const qs = [
    ...bilag('S1', 2, 0, 'ECEBEEEDE'),
    ...bilag('S1', 3, 28, 'EBEBEEEDE'),
    ...bilag('S1', 4, 56, 'EBEBEEEBE'),
  ];
  const lock = { dm: [dm('S1')], ds: [], ex: [ex('S1')], sv: [sv('S1', 2, 0), sv('S1', 3, 28), sv('S1', 4, 56)], qs };
  const adsl = deriveAdsl(lock, { kind: 'blinded' }, { sledai: [], pga: [], sdi: [], steroidProfiles: new Map() }, s);
  const text = explainFlares(
    deriveFlares({ adsl, bilagGrades: deriveBilagGrades(lock, s), sv: lock.sv }, s),
    'S1',
  ).join('\n');

  it('prints each assessment with its transitions and source lines, the windows and the time to first flare', () => {
    expect(text).toMatch(/WEEK 4 .* day +28 +FLARE \(non-renal\) +MUCO C->B moderate +<- qs\.csv:\d+/);
    expect(text).toMatch(/WEEK 8 .* day +56 +FLARE \(renal\) +RENL D->B moderate/);
    expect(text).toContain(
      'At or before WEEK12: cut-off day 84 (no visit: 7 x weeks), 2 assessments, 56 days at risk; events FLARE 2, renal 1, non-renal 1, severe 0',
    );
    expect(text).toContain('TTFLARE: 28 days, event');
  });

  it('never prints an arm', () => {
    expect(text).not.toMatch(/PBO|MSC1E6|MSC5E6|Placebo/);
  });
});
