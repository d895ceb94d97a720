import type { ArdRow } from '../../src/ard/types.js';

/** An ARD row (SRI-4 PBO n at Week 24, FAS) with the fields a test changes. */
export const ardRow = (over: Partial<ArdRow>): ArdRow => ({
  endpoint: 'SRI4',
  param: '',
  visit: 'WEEK24',
  population: 'FAS',
  group: 'PBO',
  comparator: '',
  stat: 'n',
  method: '',
  value: 8,
  ...over,
});
