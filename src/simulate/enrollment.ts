/**
 * Who enters the trial, where and when: site, subject number, demographics and the dates of consent,
 * screening, randomization and infusion. Enrollment runs over 2025 so that every subject's Week 52
 * falls before the database lock of 2027-01-15.
 */
import { dayNumber } from '../core/dates.js';
import type { Prng } from '../core/prng.js';
import { SITES } from './code-lists.js';
import { clamp, roundTo } from './numbers.js';
import type { Demographics } from './types.js';

const FIRST_INFUSION = dayNumber('2025-01-13');
const LAST_INFUSION = dayNumber('2025-12-12');

/** Relative recruitment of the nine sites. */
const SITE_WEIGHTS: readonly (readonly [string, number])[] = SITES.map((s, i) => [
  s,
  [14, 12, 11, 10, 10, 9, 8, 8, 7][i] ?? 8,
]);

const RACES: readonly (readonly [string, number])[] = [
  ['WHITE', 0.45],
  ['BLACK OR AFRICAN AMERICAN', 0.33],
  ['ASIAN', 0.1],
  ['AMERICAN INDIAN OR ALASKA NATIVE', 0.02],
  ['NATIVE HAWAIIAN OR OTHER PACIFIC ISLANDER', 0.01],
  ['MULTIPLE', 0.04],
  ['OTHER', 0.03],
  ['UNKNOWN', 0.02],
];
const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['HISPANIC OR LATINO', 0.22],
  ['NOT HISPANIC OR LATINO', 0.72],
  ['NOT REPORTED', 0.04],
  ['UNKNOWN', 0.02],
];

export interface Enrollee {
  readonly index: number;
  readonly usubjid: string;
  readonly siteid: string;
  readonly subjid: string;
  readonly consentDay: number;
  readonly screeningDay: number;
  readonly randDay: number;
  readonly day0: number;
}

export function drawDemographics(rng: Prng): Demographics {
  const sex = rng.bernoulli(0.92) ? 'F' : 'M';
  return {
    age: clamp(Math.round(rng.normal(38, 11)), 18, 72),
    sex,
    race: rng.weighted(RACES),
    ethnic: rng.weighted(ETHNICITIES),
    weight: roundTo(clamp(rng.normal(sex === 'F' ? 74 : 86, 15), 42, 150), 1),
  };
}

/** Most subjects a site can hold with a three-digit subject number. */
const SITE_CAPACITY = 999;

/** Digits of a site's subject numbers: three, more only when its count needs them. */
export function subjectNumberWidth(subjectsAtSite: number): number {
  return Math.max(3, String(subjectsAtSite).length);
}

/**
 * The n subjects in order of infusion date. Subject numbers run per site in that order, three digits
 * (`001`); a full site (999) sends its next subjects to the next site with room, so every number has
 * three digits up to n = 8,991. Beyond that (scale simulations far above the planned 81) sites fill
 * freely and a site with more than 999 subjects numbers all of its subjects with the digits its count
 * needs (`0001` … `1234`: the DTS's "three or more digits", and within a site the numbers still sort in
 * enrolment order); sites with at most 999 keep three.
 */
export function drawEnrollment(rng: Prng, n: number): Enrollee[] {
  const span = LAST_INFUSION - FIRST_INFUSION;
  const day0s = Array.from({ length: n }, () => FIRST_INFUSION + rng.int(0, span)).sort((a, b) => a - b);
  const perSite = new Map<string, number>();
  const roomy = n <= SITE_CAPACITY * SITES.length;
  const sites = day0s.map(() => {
    let s = rng.weighted(SITE_WEIGHTS);
    for (let k = SITES.indexOf(s as (typeof SITES)[number]); roomy && (perSite.get(s) ?? 0) >= SITE_CAPACITY; k++) {
      s = SITES[(k + 1) % SITES.length] as string;
    }
    perSite.set(s, (perSite.get(s) ?? 0) + 1);
    return s;
  });
  const width = new Map([...perSite].map(([site, count]) => [site, subjectNumberWidth(count)]));
  const counter = new Map<string, number>();
  return day0s.map((day0, index) => {
    const siteid = sites[index] as string;
    const k = (counter.get(siteid) ?? 0) + 1;
    counter.set(siteid, k);
    const subjid = String(k).padStart(width.get(siteid) ?? 3, '0');
    const screeningDay = day0 - rng.int(7, 28);
    return {
      index,
      usubjid: `SLEMSC01-${siteid}-${subjid}`,
      siteid,
      subjid,
      consentDay: screeningDay - rng.int(0, 6),
      screeningDay,
      randDay: day0 - rng.int(1, 5),
      day0,
    };
  });
}
