/**
 * BILAG-2004 domain flares (SAP synopsis §4 "BILAG flares", SAP.md §5.5; Isenberg et al., Ann Rheum
 * Dis 2011;70:54–59): every post-baseline assessment (VISITNUM above the baseline visit, scheduled or
 * not, with at least one graded domain), in order of date then VISITNUM, is compared domain by domain
 * with that domain's most recent earlier grade (its baseline grade for the first):
 * severe = A from B/C/D/E, moderate = B from C/D/E, mild = C from D/E. A domain missing at an
 * assessment is skipped there and keeps its last grade; a domain with no earlier grade has no
 * transition at its first grade. Per assessment: FLARE (any severe or moderate domain flare), renal
 * (the renal domain flares), non-renal (another domain flares; severity the worst), severe (any
 * severe domain flare; SAP.md §12 C4). Mild flares are listed only.
 *
 * Worked example (SAP.md §5.5): baseline MUCO C, MUSK B, RENL D; Week 4 MUCO B (moderate: FLARE,
 * non-renal); unscheduled 3.01 MUCO A only (severe: FLARE, non-renal, severe; MUSK and RENL keep B and
 * D); Week 8 MUSK C (improvement), RENL B (moderate: FLARE, renal); Week 16 MUSK C from D (mild,
 * listing only), RENL B from C (moderate: FLARE, renal).
 */
import type { IsoDate } from '../core/dates.js';
import type { SourceRef } from '../lock/types.js';
import type { SapSettings } from '../sap/index.js';
import type { BilagGradeRecord } from './bilag.js';
import { groupBySubject } from './group.js';
import { SourceLines } from './source-lines.js';

export const FLARE_SEVERITIES = ['SEVERE', 'MODERATE', 'MILD'] as const;
export type FlareSeverity = (typeof FLARE_SEVERITIES)[number];

/**
 * The flare of one domain moving from `previous` to `current` (grades on the settings' scale, most
 * active first: `A` … `E`); null when it is not a flare or there is no previous grade. The grade now
 * decides the severity (A severe, B moderate, C mild) and it must be more active than before.
 */
export function computeDomainFlare(
  previous: string | null,
  current: string,
  grades: readonly string[],
): FlareSeverity | null {
  if (previous === null) return null;
  const now = grades.indexOf(current);
  const before = grades.indexOf(previous);
  if (now < 0 || before < 0)
    throw new Error(`BILAG grade not on the scale ${grades.join('')}: ${previous} → ${current}`);
  return now < FLARE_SEVERITIES.length && before > now ? FLARE_SEVERITIES[now]! : null;
}

export interface DomainTransition {
  readonly domain: string;
  readonly previous: string;
  readonly current: string;
  readonly severity: FlareSeverity;
}

/**
 * The domain flares of each assessment, in the order given (already sorted by date, then VISITNUM),
 * carrying each domain's most recent grade forward from `baseline` (null = no baseline grade).
 */
export function computeBilagTransitions(
  baseline: ReadonlyMap<string, string | null>,
  assessments: readonly ReadonlyMap<string, string | null>[],
  domains: readonly string[],
  grades: readonly string[],
): DomainTransition[][] {
  const last = new Map(domains.map((d) => [d, baseline.get(d) ?? null]));
  return assessments.map((graded) => {
    const out: DomainTransition[] = [];
    for (const domain of domains) {
      const current = graded.get(domain) ?? null;
      if (current === null) continue;
      const previous = last.get(domain) ?? null;
      const severity = computeDomainFlare(previous, current, grades);
      if (severity !== null && previous !== null) out.push({ domain, previous, current, severity });
      last.set(domain, current);
    }
    return out;
  });
}

export interface AssessmentFlareFlags {
  /** Any severe or moderate domain flare. */
  readonly flare: boolean;
  readonly renal: boolean;
  readonly nonRenal: boolean;
  readonly severe: boolean;
  /** Worst severity among the non-renal severe/moderate flares; null without one. */
  readonly nonRenalSeverity: FlareSeverity | null;
  /** Worst severity of any domain transition, mild included; null without one. */
  readonly worst: FlareSeverity | null;
}

const rank = (s: FlareSeverity): number => FLARE_SEVERITIES.indexOf(s);
const worstOf = (xs: readonly FlareSeverity[]): FlareSeverity | null =>
  xs.length === 0 ? null : xs.reduce((a, b) => (rank(b) < rank(a) ? b : a));

/** The endpoint flags of one assessment from its domain transitions (`renalDomain`: BLGRENL). */
export function computeAssessmentFlareFlags(
  transitions: readonly DomainTransition[],
  renalDomain: string,
): AssessmentFlareFlags {
  const flares = transitions.filter((t) => t.severity !== 'MILD');
  const nonRenal = flares.filter((t) => t.domain !== renalDomain);
  return {
    flare: flares.length > 0,
    renal: flares.some((t) => t.domain === renalDomain),
    nonRenal: nonRenal.length > 0,
    severe: flares.some((t) => t.severity === 'SEVERE'),
    nonRenalSeverity: worstOf(nonRenal.map((t) => t.severity)),
    worst: worstOf(transitions.map((t) => t.severity)),
  };
}

/** One post-baseline BILAG assessment with its flare flags. */
export interface FlareAssessmentRecord {
  readonly USUBJID: string;
  readonly VISITNUM: number;
  readonly VISIT: string;
  /** ARD id of a scheduled visit; null when unscheduled. */
  readonly AVISIT: string | null;
  readonly ADT: IsoDate;
  /** Protocol day; null for a subject never infused. */
  readonly ADY: number | null;
  /** Domains graded at this assessment. */
  readonly NGRADED: number;
  readonly FLAREFL: 'Y' | 'N';
  readonly RENFL: 'Y' | 'N';
  readonly NRENFL: 'Y' | 'N';
  readonly SEVFL: 'Y' | 'N';
  readonly NRENSEV: FlareSeverity | null;
  readonly WORSTSEV: FlareSeverity | null;
  readonly src: SourceLines;
}

/** One domain transition that is a severe, moderate or mild flare (the flare listing). */
export interface FlareTransitionRecord {
  readonly USUBJID: string;
  readonly VISITNUM: number;
  readonly VISIT: string;
  readonly ADT: IsoDate;
  readonly ADY: number | null;
  readonly PARAMCD: string;
  readonly PARAM: string;
  readonly PREVC: string;
  readonly AVALC: string;
  readonly FLRSEV: FlareSeverity;
  /** `Y` when the transition counts as a flare (severe or moderate), `N` when mild. */
  readonly FLAREFL: 'Y' | 'N';
  readonly RENALFL: 'Y' | 'N';
  readonly src: SourceRef | null;
}

export interface BilagFlares {
  readonly assessments: readonly FlareAssessmentRecord[];
  readonly transitions: readonly FlareTransitionRecord[];
}

const yn = (b: boolean): 'Y' | 'N' => (b ? 'Y' : 'N');

/** Flare assessments and transitions of every subject, from the BILAG grade records (bilag.ts). */
export function deriveBilagFlares(grades: readonly BilagGradeRecord[], settings: SapSettings): BilagFlares {
  const domains = settings.bilag.domains.map((d) => d.code);
  const domainName = new Map(settings.bilag.domains.map((d) => [d.code, d.name]));
  const renalDomain = settings.bilag.domains.find((d) => d.renal)?.code;
  if (renalDomain === undefined) throw new Error('settings: no renal BILAG domain');
  const assessments: FlareAssessmentRecord[] = [];
  const transitions: FlareTransitionRecord[] = [];

  for (const rows of groupBySubject(grades).values()) {
    const baseline = new Map<string, string | null>();
    for (const r of rows) if (r.BASEC !== null) baseline.set(r.PARAMCD, r.BASEC);
    const byVisit = new Map<number, BilagGradeRecord[]>();
    for (const r of rows) {
      if (r.VISITNUM <= settings.baselineVisitnum) continue;
      const list = byVisit.get(r.VISITNUM);
      if (list) list.push(r);
      else byVisit.set(r.VISITNUM, [r]);
    }
    const visits = [...byVisit.values()]
      .filter((v) => v.some((r) => r.AVALC !== null))
      .sort((a, b) => (a[0]!.ADT < b[0]!.ADT ? -1 : a[0]!.ADT > b[0]!.ADT ? 1 : a[0]!.VISITNUM - b[0]!.VISITNUM));
    const perVisit = computeBilagTransitions(
      baseline,
      visits.map((v) => new Map(v.map((r) => [r.PARAMCD, r.AVALC]))),
      domains,
      settings.bilag.grades,
    );
    visits.forEach((v, i) => {
      const first = v[0]!;
      const found = perVisit[i] ?? [];
      const flags = computeAssessmentFlareFlags(found, renalDomain);
      const srcOf = new Map(v.map((r) => [r.PARAMCD, r.src]));
      assessments.push({
        USUBJID: first.USUBJID,
        VISITNUM: first.VISITNUM,
        VISIT: first.VISIT,
        AVISIT: first.AVISIT,
        ADT: first.ADT,
        ADY: first.ADY,
        NGRADED: v.filter((r) => r.AVALC !== null).length,
        FLAREFL: yn(flags.flare),
        RENFL: yn(flags.renal),
        NRENFL: yn(flags.nonRenal),
        SEVFL: yn(flags.severe),
        NRENSEV: flags.nonRenalSeverity,
        WORSTSEV: flags.worst,
        src: SourceLines.of(v.map((r) => r.src)),
      });
      for (const t of found) {
        transitions.push({
          USUBJID: first.USUBJID,
          VISITNUM: first.VISITNUM,
          VISIT: first.VISIT,
          ADT: first.ADT,
          ADY: first.ADY,
          PARAMCD: t.domain,
          PARAM: domainName.get(t.domain) ?? t.domain,
          PREVC: t.previous,
          AVALC: t.current,
          FLRSEV: t.severity,
          FLAREFL: yn(t.severity !== 'MILD'),
          RENALFL: yn(t.domain === renalDomain),
          src: srcOf.get(t.domain) ?? null,
        });
      }
    });
  }
  return { assessments, transitions };
}
