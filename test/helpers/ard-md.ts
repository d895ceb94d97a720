/**
 * Code lists transcribed from ../shared/dts/ard.md for the tests that hold the code to the contract
 * (test/contract/ard.test.ts, test/ard/vocabulary.test.ts): written down once, by hand, from the
 * document, never derived from src/.
 */

/** ard.md "Statistic names: `N` (population count), `n` … `censored`." in its order. */
export const ARD_MD_STATS = [
  'N',
  'n',
  'prop',
  'mean',
  'sd',
  'median',
  'q1',
  'q3',
  'min',
  'max',
  'lsmean',
  'lsmean_se',
  'lsmean_lcl',
  'lsmean_ucl',
  'diff',
  'diff_se',
  'diff_lcl',
  'diff_ucl',
  'df',
  'p',
  'p_adj',
  'or',
  'or_lcl',
  'or_ucl',
  'events',
  'pyears',
  'rate',
  'rr',
  'rr_lcl',
  'rr_ucl',
  'hr',
  'hr_lcl',
  'hr_ucl',
  'km',
  'km_lcl',
  'km_ucl',
  'median_time',
  'median_lcl',
  'median_ucl',
  'censored',
];
