/**
 * The shape of `sap/settings.json`: every study constant of the SAP (shared/sap-synopsis.md) and the
 * data transfer specification (shared/dts/) that the code uses. A zod schema checks each field; the
 * cross-field rules (in the spirit of mmrm's control objects) check that the parts agree with each
 * other, so that a broken file stops the run at start instead of misleading a derivation later.
 */
import * as z from 'zod';
import { ARM_CODES } from '../lock/types.js';

// zod compiles an object schema into a function (new Function) on its first parse, for speed on the
// later ones; settings are parsed once a run, so compiling costs more than it saves (~20–60 ms of
// start-up here). Only this file uses zod; the issues are the same either way.
z.config({ jitless: true });

/** The SAP version this code implements; `settings.version` must equal it. */
export const SAP_VERSION = '1.0';

const code = z.string().min(1);
const positive = z.number().positive();
const nonNegativeInt = z.number().int().nonnegative();

const arm = z.strictObject({ code: z.enum(ARM_CODES), name: z.string().min(1) });

const visit = z.strictObject({
  visitnum: z.number().int().positive(),
  /** VISIT as in the lock (`WEEK 4`). */
  visit: z.string().min(1),
  /** Identifier in the ARD `visit` column (`BASELINE`, `WEEK4` …). */
  id: z.string().regex(/^[A-Z0-9]+$/, 'an ARD visit id is upper-case letters and digits'),
  /** Nominal protocol day. */
  day: z.number().int(),
});

const frequency = z.discriminatedUnion('kind', [
  /** `administrations` every `days` days: the per-day factor is administrations / days (QW = 1/7). */
  z.strictObject({ kind: z.literal('rate'), administrations: positive, days: z.number().int().positive() }),
  /** One administration on the start date only. */
  z.strictObject({ kind: z.literal('once') }),
]);

const biomarker = z.strictObject({
  flag: code,
  testcd: code,
  compare: z.enum(['<', '>']),
  limit: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('rangeLow') }),
    z.strictObject({ kind: z.literal('rangeHigh') }),
    z.strictObject({ kind: z.literal('fixed'), value: z.number() }),
  ]),
});

const scoreList = z.strictObject({
  qscat: code,
  scores: z.array(z.strictObject({ code, name: z.string().min(1) })).min(1),
});

const promisForm = z.strictObject({
  code,
  name: z.string().min(1),
  qscat: code,
  items: z.array(code).min(1),
  itemMin: z.number().int(),
  itemMax: z.number().int(),
  /** Raw → T-score table, relative to the settings file's folder. */
  table: z.string().min(1),
});

/** An output as the run names its files: `T-14.2.1.1`, `L-16.2.6.5`, `F-14.2.4`. */
const OUTPUT_ID = /^[TLF]-\d+(\.\d+)*$/;
/** One printed line of a sponsor's shell: no control characters (they would break RTF and the text files). */
const shellLine = z.string().min(1).max(200).regex(/^[^\u0000-\u001f\u007f-\u009f]*$/, 'no control characters (tabs and line ends included)');
/**
 * A sponsor's wording of one output (SAP §10): `titles` replace the program's title lines (the output id
 * line and the population stay), `footnotes` are printed after the program's own (whose letters the
 * cells use, so they cannot be replaced).
 */
const outputShell = z.strictObject({
  titles: z.array(shellLine).min(1).max(3).optional(),
  footnotes: z.array(shellLine).min(1).max(10).optional(),
});

export const sapSettingsSchema = z
  .strictObject({
    $comment: z.string().optional(),
    version: z.string().min(1),
    study: code,
    /** MedDRA version the lock's adverse events are coded with (printed on the AE tables). */
    meddraVersion: z.string().regex(/^\d+\.\d+$/, 'a MedDRA version is <major>.<minor>, e.g. 26.1'),
    arms: z.array(arm).min(2),
    armDisplayOrder: z.array(z.enum(ARM_CODES)).min(2),
    referenceArm: z.enum(ARM_CODES),
    totalGroup: code,
    blindedValue: code,
    visits: z.array(visit).min(2),
    screeningVisitnum: z.number().int().positive(),
    baselineVisitnum: z.number().int().positive(),
    disposition: z.strictObject({
      eventCategory: code,
      milestoneCategory: code,
      completed: code,
      randomized: code,
    }),
    exposure: z.strictObject({ infusedValue: code }),
    /** SAP §7.4: the CM categories (CMCAT) of the medication-at-Day-0 summary, each always reported. */
    conmed: z.strictObject({ categories: z.array(code).min(1) }),
    /** AE attributes of the safety summaries (SAP §7.2); `severities` from mildest to worst. */
    safety: z.strictObject({
      seriousValue: code,
      relatedValues: z.array(code).min(1),
      severities: z.array(code).min(1),
      severeValue: code,
      withdrawnAction: code,
      fatalOutcome: code,
    }),
    /** DTS code lists of DM, in display order (sex with its display label). */
    demography: z.strictObject({
      sex: z.array(z.strictObject({ code, label: z.string().min(1) })).min(1),
      race: z.array(code).min(1),
      ethnic: z.array(code).min(1),
    }),
    notDone: code,
    sledai: z.strictObject({
      qscat: code,
      present: code,
      absent: code,
      descriptors: z.array(z.strictObject({ code, name: z.string().min(1), weight: positive })).min(1),
    }),
    stratum: z.strictObject({ cut: z.number(), below: code, atOrAbove: code }),
    bilag: z.strictObject({
      qscat: code,
      grades: z.array(z.string().length(1)).length(5),
      domains: z.array(z.strictObject({ code, name: z.string().min(1), renal: z.boolean() })).min(1),
    }),
    pga: z.strictObject({
      qscat: code,
      testcd: code,
      maxDecimals: nonNegativeInt,
      min: z.number(),
      max: z.number(),
    }),
    sdi: z.strictObject({
      qscat: code,
      baselineVisitnum: z.number().int().positive(),
      systems: z.array(z.strictObject({ code, name: z.string().min(1), max: z.number().int().positive() })).min(1),
      worseningIncrease: positive,
      /** The scheduled visit at which worsening from baseline is assessed (Week 52). */
      endpointVisitnum: z.number().int().positive(),
    }),
    steroids: z.strictObject({
      cmcat: code,
      systemicRoutes: z.array(code).min(1),
      prednisoneFactors: z.record(z.string().regex(/^[A-Z]+$/, 'CMDECOD is upper case'), positive),
      frequencies: z.record(z.string().regex(/^[A-Z]+$/, 'CMDOSFRQ is upper case'), frequency),
      ongoing: code,
      doseRoundingDecimals: z.number().int().min(0).max(12),
      /** First protocol day of the per-subject dose profile (earlier records only matter from here). */
      profileFirstDay: z.number().int().max(0),
    }),
    sri4: z.strictObject({
      visitnum: z.number().int().positive(),
      sledaiDrop: positive,
      maxNewBilagA: nonNegativeInt,
      maxNewBilagB: nonNegativeInt,
      /** The PGA increase must be strictly below this many hundredths. */
      pgaIncreaseLimitHundredths: z.number().int().positive(),
      /** The dose must be ≤ this (mg/day prednisone equivalent) on every day of the window. */
      steroidMaxDose: positive,
      steroidWindowStartVisitnum: z.number().int().positive(),
      steroidWindowStartFallbackDay: z.number().int(),
    }),
    /** SAP §6.13: age subgroups, DM AGE below the cut-off / at or above it, with their ARD labels. */
    subgroups: z.strictObject({ ageCut: z.number().positive(), ageBelow: code, ageAtOrAbove: code }),
    biomarkers: z.array(biomarker).min(1),
    /** Scheduled visits of the biomarker shift tables (baseline status × visit status). */
    biomarkerShiftVisitnums: z.array(z.number().int().positive()).min(1),
    labSummaryTests: z.array(code),
    pro: z.strictObject({
      visitnums: z.array(z.number().int().positive()).min(1),
      sf36: scoreList,
      lupuspro: scoreList,
      promis: z.array(promisForm),
      promisMinAnsweredFraction: z.number().gt(0).max(1),
      lit: z.strictObject({
        code,
        qscat: code,
        items: z.array(code).min(1),
        minAnswered: z.number().int().positive(),
        multiplier: positive,
      }),
    }),
    analysis: z.strictObject({
      alpha: z.number().gt(0).lt(1),
      ciLevel: z.number().gt(0).lt(1),
      mmrmCovarianceOrder: z.array(z.enum(['us', 'toeph', 'ar1h', 'cs'])).min(1),
      mmrmKeyVisits: z.array(code),
      kmDays: z.array(z.number().int().positive()).min(1),
      flareWindowWeeks: z.array(z.number().int().positive()).min(1),
      daysPerWeek: z.literal(7),
      followUpEndDay: z.number().int().positive(),
      steroidDiscontinuationMinDays: z.number().int().positive(),
      daysPerYear: positive,
      nbThetaMax: positive,
    }),
    display: z.strictObject({
      percentDecimals: nonNegativeInt,
      ratioDecimals: nonNegativeInt,
      pValueDecimals: nonNegativeInt,
      /** SAP §4.9 / C13: the largest data precision d taken from the decimals written in the lock. */
      maxDataPrecision: z.number().int().min(0).max(12),
      notEstimable: code,
      /** SAP §10.4: days of the number-at-risk table under the Kaplan–Meier figures. */
      kmAtRiskDays: z.array(z.number().int().nonnegative()).min(1),
      /** SAP §4.9 / C1: the precision d of derived scores (no collected values), by ARD param code. */
      derivedPrecision: z.record(code, nonNegativeInt),
      /** SAP §10: titles and footnotes a sponsor words without a code change, by output id. */
      shells: z.record(z.string(), outputShell).default({}),
    }),
  })
  .superRefine((s, ctx) => {
    const fail = (path: (string | number)[], message: string): void => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    const duplicates = (values: readonly (string | number)[]): (string | number)[] =>
      values.filter((v, i) => values.indexOf(v) !== i);

    if (s.version !== SAP_VERSION) {
      fail(['version'], `this program implements SAP version ${SAP_VERSION}, the file says ${s.version}`);
    }

    for (const id of Object.keys(s.display.shells)) {
      if (!OUTPUT_ID.test(id)) fail(['display', 'shells', id], 'an output id is T-, L- or F- and its ICH E3 number, e.g. T-14.2.1.1');
    }

    const armCodes = s.arms.map((a) => a.code);
    for (const d of duplicates(armCodes)) fail(['arms'], `arm ${d} is listed twice`);
    for (const c of ARM_CODES) {
      if (!armCodes.includes(c)) fail(['arms'], `arm ${c} (a randomization-file code) is missing`);
    }
    s.armDisplayOrder.forEach((c, i) => {
      if (!armCodes.includes(c)) fail(['armDisplayOrder', i], `arm ${c} is not in arms`);
    });
    for (const d of duplicates(s.armDisplayOrder)) fail(['armDisplayOrder'], `arm ${d} is listed twice`);
    for (const c of armCodes) {
      if (!s.armDisplayOrder.includes(c)) fail(['armDisplayOrder'], `arm ${c} has no display position`);
    }
    if (!armCodes.includes(s.referenceArm)) fail(['referenceArm'], `reference arm ${s.referenceArm} is not in arms`);
    if ((armCodes as string[]).includes(s.totalGroup)) fail(['totalGroup'], 'the total group must not be an arm code');

    const visitnums = s.visits.map((v) => v.visitnum);
    for (const d of duplicates(visitnums)) fail(['visits'], `VISITNUM ${d} is listed twice`);
    for (const d of duplicates(s.visits.map((v) => v.id))) fail(['visits'], `visit id ${d} is listed twice`);
    s.visits.forEach((v, i) => {
      const prev = s.visits[i - 1];
      if (prev && (v.visitnum <= prev.visitnum || v.day <= prev.day)) {
        fail(['visits', i], 'visits must be in increasing order of VISITNUM and nominal day');
      }
    });
    const needVisit = (path: (string | number)[], n: number): void => {
      if (!visitnums.includes(n)) fail(path, `VISITNUM ${n} is not a scheduled visit`);
    };
    needVisit(['screeningVisitnum'], s.screeningVisitnum);
    needVisit(['baselineVisitnum'], s.baselineVisitnum);
    needVisit(['sdi', 'baselineVisitnum'], s.sdi.baselineVisitnum);
    needVisit(['sri4', 'visitnum'], s.sri4.visitnum);
    needVisit(['sri4', 'steroidWindowStartVisitnum'], s.sri4.steroidWindowStartVisitnum);
    s.pro.visitnums.forEach((n, i) => needVisit(['pro', 'visitnums', i], n));
    needVisit(['sdi', 'endpointVisitnum'], s.sdi.endpointVisitnum);
    s.biomarkerShiftVisitnums.forEach((n, i) => needVisit(['biomarkerShiftVisitnums', i], n));
    const baseline = s.visits.find((v) => v.visitnum === s.baselineVisitnum);
    if (baseline && (baseline.day !== 0 || baseline.id !== 'BASELINE')) {
      fail(['visits'], 'the baseline visit must be Day 0 with ARD id BASELINE');
    }
    if (s.screeningVisitnum >= s.baselineVisitnum) fail(['screeningVisitnum'], 'screening must come before baseline');
    if (s.sri4.steroidWindowStartVisitnum >= s.sri4.visitnum) {
      fail(['sri4', 'steroidWindowStartVisitnum'], 'the steroid window must start before the SRI-4 visit');
    }
    const visitIds = s.visits.map((v) => v.id);
    s.analysis.mmrmKeyVisits.forEach((id, i) => {
      if (!visitIds.includes(id)) fail(['analysis', 'mmrmKeyVisits', i], `visit id ${id} is not a visit`);
    });

    if (s.sledai.present === s.sledai.absent) fail(['sledai'], 'present and absent codes must differ');
    for (const d of duplicates(s.sledai.descriptors.map((x) => x.code))) fail(['sledai', 'descriptors'], `descriptor ${d} is listed twice`);
    if (!s.safety.severities.includes(s.safety.severeValue)) fail(['safety', 'severeValue'], 'not one of the severities');
    if (s.stratum.below === s.stratum.atOrAbove) fail(['stratum'], 'the two stratum labels must differ');
    if (s.subgroups.ageBelow === s.subgroups.ageAtOrAbove) fail(['subgroups'], 'the two age labels must differ');
    for (const d of duplicates(s.conmed.categories)) fail(['conmed', 'categories'], `category ${d} is listed twice`);

    for (const d of duplicates(s.bilag.grades)) fail(['bilag', 'grades'], `grade ${d} is listed twice`);
    for (const d of duplicates(s.bilag.domains.map((x) => x.code))) fail(['bilag', 'domains'], `domain ${d} is listed twice`);
    if (s.bilag.domains.filter((d) => d.renal).length !== 1) fail(['bilag', 'domains'], 'exactly one domain must be renal');

    if (s.pga.min >= s.pga.max) fail(['pga'], 'min must be below max');
    for (const d of duplicates(s.sdi.systems.map((x) => x.code))) fail(['sdi', 'systems'], `system ${d} is listed twice`);

    if (Object.keys(s.steroids.prednisoneFactors).length === 0) fail(['steroids', 'prednisoneFactors'], 'no factor given');
    if (Object.keys(s.steroids.frequencies).length === 0) fail(['steroids', 'frequencies'], 'no frequency given');

    for (const d of duplicates(s.biomarkers.map((b) => b.flag))) fail(['biomarkers'], `flag ${d} is listed twice`);

    const proCodes = [
      ...s.pro.sf36.scores.map((x) => x.code),
      ...s.pro.lupuspro.scores.map((x) => x.code),
      ...s.pro.promis.map((x) => x.code),
      s.pro.lit.code,
    ];
    for (const d of duplicates(proCodes)) fail(['pro'], `score code ${d} is used twice`);
    s.pro.promis.forEach((f, i) => {
      if (f.itemMin >= f.itemMax) fail(['pro', 'promis', i], 'itemMin must be below itemMax');
      for (const d of duplicates(f.items)) fail(['pro', 'promis', i, 'items'], `item ${d} is listed twice`);
    });
    if (s.pro.lit.minAnswered > s.pro.lit.items.length) fail(['pro', 'lit', 'minAnswered'], 'more answers required than items');
    for (const c of [...s.pro.promis.map((f) => f.code), s.pro.lit.code, 'SLEDAI'])
      if (s.display.derivedPrecision[c] === undefined) fail(['display', 'derivedPrecision'], `no precision for derived score ${c}`);

    if (Math.abs(s.analysis.alpha + s.analysis.ciLevel - 1) > 1e-12) {
      fail(['analysis', 'ciLevel'], 'the CI level must be 1 − alpha');
    }
    for (const d of duplicates(s.analysis.mmrmCovarianceOrder)) fail(['analysis', 'mmrmCovarianceOrder'], `structure ${d} is listed twice`);
    const increasing = (xs: readonly number[]): boolean => xs.every((x, i) => i === 0 || x > (xs[i - 1] ?? x));
    if (!increasing(s.analysis.kmDays)) fail(['analysis', 'kmDays'], 'days must increase');
    if (!increasing(s.analysis.flareWindowWeeks)) fail(['analysis', 'flareWindowWeeks'], 'weeks must increase');
  });

export type SapSettingsFile = z.infer<typeof sapSettingsSchema>;
