import { describe, expect, it } from 'vitest';
import { flagLabel, scheduledVisitLabels, testLabel, visitDisplayLabel } from '../../src/tlf/biomarker-labels.js';
import { settings } from '../derive/helpers.js';

describe('biomarker table labels', () => {
  it('labels the baseline visit Baseline and the others in title case', () => {
    expect(visitDisplayLabel({ visitnum: 2, visit: 'DAY 0' }, 2)).toBe('Baseline');
    expect(visitDisplayLabel({ visitnum: 5, visit: 'WEEK 12' }, 2)).toBe('Week 12');
  });

  it('lists the scheduled visits from baseline on, or after it', () => {
    const s = settings();
    expect(scheduledVisitLabels(s).map((v) => v.visit)).toEqual([
      'BASELINE',
      'WEEK4',
      'WEEK8',
      'WEEK12',
      'WEEK16',
      'WEEK20',
      'WEEK24',
      'WEEK36',
      'WEEK52',
    ]);
    expect(scheduledVisitLabels(s, true)[0]).toEqual({ visit: 'WEEK4', label: 'Week 4' });
  });

  it('has a label for every flag and summary test of the settings, and shows an unknown code as is', () => {
    const s = settings();
    for (const b of s.biomarkers) expect(flagLabel(b.flag)).not.toBe(b.flag);
    for (const t of s.labSummaryTests) expect(testLabel(t)).not.toBe(t);
    expect(flagLabel('NEWFLAG')).toBe('NEWFLAG');
  });
});
