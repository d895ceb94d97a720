/**
 * The ARD's vocabulary (../shared/dts/ard.md): every `endpoint`, `stat` and `method` code a run writes,
 * with its meaning. `ArdRow` takes its columns' types from here, so an analysis that builds a row
 * (src/analyze/) and a table or figure that reads one (src/tlf/, src/figures/, through
 * src/render/ard-lookup.ts) fail to compile on a misspelt code instead of failing at run time.
 *
 * Each list is an `as const` object of code → meaning; the ordered code lists and union types derive
 * from it, so a code cannot be added without its meaning. The order is that of ard.md (endpoints:
 * its endpoint table, then the SAP-only endpoints of sap/SAP.md §10.2; statistics: ard.md's list).
 * test/ard/vocabulary.test.ts holds ard.md's lists and checks both against a sample run's ard.csv.
 */

/** Endpoint codes (`endpoint` column), by table of sap/SAP.md §10.2 where ard.md has no row. */
export const ARD_ENDPOINT_MEANINGS = {
  SRI4: 'SRI-4 response at Week 24, the primary endpoint, and its components (param SLEDAI, BILAG, PGA, STEROID)',
  SRI4_STRAT: 'SRI-4 at Week 24, stratified: CMH p and Mantel–Haenszel odds ratio vs PBO',
  SRI4_OC: 'SRI-4 at Week 24, observed cases (no imputation)',
  SRI4_AT: 'SRI-4 at Week 24, as treated (SAF by arm actually infused)',
  SRI4_SUB: 'SRI-4 at Week 24 by subgroup: randomization stratum, sex, age',
  SLEDAI: 'SLEDAI-2K and its change from baseline by visit: descriptives and MMRM',
  FLARE: 'BILAG-2004 flares (any) at or before Weeks 12, 24, 52: subjects, events, rates',
  FLARE_RENAL: 'BILAG-2004 renal flares at or before Weeks 12, 24, 52',
  FLARE_NONRENAL: 'BILAG-2004 non-renal flares at or before Weeks 12, 24, 52',
  FLARE_SEVERE: 'BILAG-2004 severe flares at or before Weeks 12, 24, 52',
  TTFLARE: 'Time to first BILAG-2004 flare: Kaplan–Meier, log-rank, Cox',
  SDI: 'SLICC/ACR Damage Index at baseline and Week 52, its change and worsening',
  CSDISC: 'Corticosteroid discontinuation by Week 52 (FAS on steroids at Day 0)',
  TTCSDISC: 'Time to corticosteroid discontinuation, as TTFLARE',
  CSCUM: 'Cumulative prednisone-equivalent dose to Week 52 (mg)',
  PRO: 'Patient-reported outcomes (SF-36 v2, LupusPRO, PROMIS, LIT) by visit: descriptives and MMRM',
  BIOMARKER: 'Biomarker abnormalities (low C3/C4, anti-dsDNA positive, UPCR, cytopenias) by visit',
  BIOSHIFT: 'Biomarker shifts from baseline to Weeks 12, 24, 52',
  LAB: 'C3, C4, anti-dsDNA, UPCR and their change from baseline by visit',
  BASECHAR: 'Demographic and baseline characteristics (FAS)',
  AE: 'Treatment-emergent adverse events: overview and by SOC and PT (SAF)',
  DISPOSITION: 'Subject disposition (ENR)',
  EXPOSURE: 'Infused volume of the study infusion (SAF, mL)',
  CONMED: 'Medication taken at Day 0 by category and name (SAF)',
  DEVIATION: 'Protocol deviations derived from the data (ENR by randomized arm; unblinded runs only)',
  SITE: 'Subjects by site and analysis population (SAP T-14.1.6)',
  PGA: "Physician's Global Assessment and its change from baseline by visit (SAP T-14.2.15)",
  BILAGGRADE: 'BILAG-2004 grades A–E or missing by domain and visit (SAP T-14.2.16)',
  AESEV: 'TEAEs by SOC, PT and worst severity (SAP T-14.3.3)',
  AEREL: 'TEAEs by SOC, PT and relationship (SAP T-14.3.4)',
  AESER: 'Serious TEAEs by SOC and PT (SAP T-14.3.5)',
  HAEM: 'Haematology results and their change from baseline by visit (SAP T-14.3.6)',
  HAEMSHIFT: 'Haematology shifts from baseline (low, normal, high, missing) to Weeks 12, 24, 52 (SAP T-14.3.7)',
} as const;

/** Statistic codes (`stat` column), in ard.md's order. */
export const ARD_STAT_MEANINGS = {
  N: 'population count (the denominator)',
  n: 'count with the attribute, or of non-missing values',
  prop: 'fraction n/N, 0–1',
  mean: 'arithmetic mean of the non-missing values',
  sd: 'sample standard deviation (n − 1 denominator)',
  median: 'median (R type 2 = SAS PCTLDEF=5)',
  q1: 'first quartile (R type 2 = SAS PCTLDEF=5)',
  q3: 'third quartile (R type 2 = SAS PCTLDEF=5)',
  min: 'smallest value',
  max: 'largest value',
  lsmean: 'least-squares mean of a model',
  lsmean_se: 'standard error of the LS mean',
  lsmean_lcl: 'lower confidence limit of the LS mean',
  lsmean_ucl: 'upper confidence limit of the LS mean',
  diff: 'difference vs the comparator (of proportions or LS means)',
  diff_se: 'standard error of the difference',
  diff_lcl: 'lower confidence limit of the difference',
  diff_ucl: 'upper confidence limit of the difference',
  df: 'denominator degrees of freedom of the difference',
  p: 'p-value of the comparison',
  p_adj: 'multiplicity-adjusted p-value',
  or: 'odds ratio vs the comparator',
  or_lcl: 'lower confidence limit of the odds ratio',
  or_ucl: 'upper confidence limit of the odds ratio',
  events: 'number of events',
  pyears: 'patient-years at risk',
  rate: 'events per patient-year',
  rr: 'rate ratio vs the comparator',
  rr_lcl: 'lower confidence limit of the rate ratio',
  rr_ucl: 'upper confidence limit of the rate ratio',
  hr: 'hazard ratio vs the comparator',
  hr_lcl: 'lower confidence limit of the hazard ratio',
  hr_ucl: 'upper confidence limit of the hazard ratio',
  km: 'Kaplan–Meier event-free probability at the day in param',
  km_lcl: 'lower confidence limit of the Kaplan–Meier estimate',
  km_ucl: 'upper confidence limit of the Kaplan–Meier estimate',
  median_time: 'Kaplan–Meier median time to event (days)',
  median_lcl: 'lower confidence limit of the median time',
  median_ucl: 'upper confidence limit of the median time',
  censored: 'number censored',
} as const;

/**
 * The MMRM method codes a run can write: `MMRM-<covariance>-KR` for each structure the SAP settings'
 * `mmrmCovarianceOrder` may list (sap/schema.ts), Kenward–Roger degrees of freedom throughout.
 */
export const ARD_MMRM_METHOD_MEANINGS = {
  'MMRM-US-KR': 'MMRM, unstructured covariance, Kenward–Roger df (the SAP primary structure)',
  'MMRM-TOEPH-KR': 'MMRM, heterogeneous Toeplitz covariance, Kenward–Roger df (a fallback)',
  'MMRM-AR1H-KR': 'MMRM, heterogeneous AR(1) covariance, Kenward–Roger df (a fallback)',
  'MMRM-CS-KR': 'MMRM, compound symmetry covariance, Kenward–Roger df (a fallback)',
} as const;

/** Method codes (`method` column); plain counts and descriptives have none (an empty `method`). */
export const ARD_METHOD_MEANINGS = {
  MN: 'Miettinen–Nurminen difference of proportions with its score CI',
  FISHER: "Fisher's exact test p",
  LOGISTIC: 'logistic regression (arm and baseline SLEDAI-2K) odds ratio with its Wald CI and p',
  HOCHBERG: 'Hochberg step-up adjustment of the two MSC-vs-PBO p-values',
  CMH: 'Cochran–Mantel–Haenszel test p, stratified',
  MH: 'Mantel–Haenszel odds ratio with the Robins–Breslow–Greenland CI',
  ...ARD_MMRM_METHOD_MEANINGS,
  NEGBIN: 'negative binomial regression rate ratio with its Wald CI and p',
  POISSON: 'Poisson regression rate ratio, used when the negative binomial θ is at infinity (no overdispersion)',
  KM: 'Kaplan–Meier estimate with its Greenwood log-scale CI, or median time with its CI',
  LOGRANK: 'log-rank test p',
  'COX-EFRON': 'Cox proportional-hazards hazard ratio, Efron ties, with its Wald CI',
  WILCOXON: 'Wilcoxon rank-sum test p',
} as const;

export type ArdEndpoint = keyof typeof ARD_ENDPOINT_MEANINGS;
export type ArdStat = keyof typeof ARD_STAT_MEANINGS;
export type ArdMmrmMethod = keyof typeof ARD_MMRM_METHOD_MEANINGS;
export type ArdMethod = keyof typeof ARD_METHOD_MEANINGS;

/** The codes in order, for iteration and checks. */
export const ARD_ENDPOINTS = Object.keys(ARD_ENDPOINT_MEANINGS) as readonly ArdEndpoint[];
export const ARD_STATS = Object.keys(ARD_STAT_MEANINGS) as readonly ArdStat[];
export const ARD_METHODS = Object.keys(ARD_METHOD_MEANINGS) as readonly ArdMethod[];

const ENDPOINT_SET: ReadonlySet<string> = new Set(ARD_ENDPOINTS);
const STAT_SET: ReadonlySet<string> = new Set(ARD_STATS);
const METHOD_SET: ReadonlySet<string> = new Set(ARD_METHODS);

/** For text that comes from outside the program (a CSV read back, a command-line argument). */
export const isArdEndpoint = (code: string): code is ArdEndpoint => ENDPOINT_SET.has(code);
export const isArdStat = (code: string): code is ArdStat => STAT_SET.has(code);
export const isArdMethod = (code: string): code is ArdMethod => METHOD_SET.has(code);

/**
 * The ARD method of an MMRM fitted with Kenward–Roger df, from the numerics' method name
 * (src/numerics/mmrm `mmrmMethodName`); a name outside the vocabulary is a bug and throws.
 */
export function ardMmrmMethod(name: string): ArdMmrmMethod {
  if (!(name in ARD_MMRM_METHOD_MEANINGS))
    throw new Error(`MMRM method ${name} is not an ARD method code (src/ard/vocabulary.ts)`);
  return name as ArdMmrmMethod;
}
