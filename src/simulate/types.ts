/**
 * The simulator's internal model of one subject: what is decided before randomization (the plan) and
 * what happens afterwards (the course). Dates are day numbers (days since 1970-01-01, src/core/dates.ts);
 * protocol days are `date − day0`.
 */
import type { ArmCode } from '../lock/types.js';
import type { BilagDomain, LabCode } from './code-lists.js';

export type Stratum = '<10' | '>=10';
export type Levels = Record<BilagDomain, number>;

export interface Demographics {
  readonly age: number;
  readonly sex: 'F' | 'M';
  readonly race: string;
  readonly ethnic: string;
  /** kg, one decimal. */
  readonly weight: number;
}

/** The subject's lupus before treatment: which organs are involved, how, and the laboratory traits. */
export interface DiseaseProfile {
  /** Baseline activity level per BILAG domain: 0 none, 1 mild (C), 2 moderate (B), 3 severe (A). */
  readonly baseLevel: Levels;
  /** Organ involved at some time before the study (grade D rather than E when inactive). */
  readonly history: Record<BilagDomain, boolean>;
  /** SLEDAI-2K descriptors each involved organ shows, in the order they appear as activity rises. */
  readonly signs: Readonly<Record<BilagDomain, readonly string[]>>;
  /** Which blood count the haematological involvement lowers. */
  readonly cytopenia: 'WBC' | 'PLAT' | 'HGB';
  /** Serological activity at baseline (0 = none; about 1 = clearly abnormal). */
  readonly complementActivity: number;
  readonly dnaActivity: number;
  /** Subject's usual values when the disease is quiet. */
  readonly labTraits: Readonly<Record<LabCode, number>>;
  /** Rater's offset for this subject's PGA. */
  readonly pgaOffset: number;
  /** Organ-specific persistent deviation of the latent activity. */
  readonly organOffset: Levels;
}

/** The true clinical state at one assessment, from which every instrument and lab is read. */
export interface ClinicalState {
  readonly levels: Levels;
  /** True (unrounded, unreported) laboratory values. */
  readonly labs: Readonly<Record<LabCode, number>>;
}

export interface SubjectPlan {
  /** Order of enrollment (0-based); also the key of the subject's random streams. */
  readonly index: number;
  readonly usubjid: string;
  readonly siteid: string;
  readonly subjid: string;
  readonly demo: Demographics;
  readonly consentDay: number;
  readonly screeningDay: number;
  readonly randDay: number;
  /** Infusion day (planned date for a subject never infused). */
  readonly day0: number;
  readonly disease: DiseaseProfile;
  /** Screening assessment (true state) and its SLEDAI-2K total. */
  readonly screening: ClinicalState;
  readonly screeningSledai: number;
  readonly stratum: Stratum;
  readonly randno: string;
  readonly armcd: ArmCode;
  /** Arm actually infused; null when never infused. */
  readonly actarmcd: ArmCode | null;
  /** A death is planned for this subject. */
  readonly dies: boolean;
}

export interface Flare {
  /** Protocol day of onset. */
  readonly onset: number;
  readonly duration: number;
  readonly domain: BilagDomain;
  /** Peak level: 2 (BILAG B) or 3 (BILAG A). */
  readonly severity: 2 | 3;
}

export type DispositionReason =
  | 'COMPLETED'
  | 'ADVERSE EVENT'
  | 'LACK OF EFFICACY'
  | 'WITHDRAWAL BY SUBJECT'
  | 'LOST TO FOLLOW-UP'
  | 'PHYSICIAN DECISION'
  | 'PROTOCOL DEVIATION'
  | 'DEATH'
  | 'OTHER';

/** What happens after randomization. */
export interface DiseaseCourse {
  /** Long-run fraction of baseline activity left with treatment (smaller is better). */
  readonly target: number;
  /** Days to approach the target (time constant). */
  readonly tau: number;
  readonly flares: readonly Flare[];
  /** Early withdrawal (protocol day and reason), or null for a completer. */
  readonly withdrawal: { readonly day: number; readonly reason: Exclude<DispositionReason, 'COMPLETED'> } | null;
}

export type VisitKind = 'screening' | 'scheduled' | 'unscheduled';

export interface SimVisit {
  readonly num: number;
  readonly label: string;
  /** Day number of SVSTDTC. */
  readonly date: number;
  readonly kind: VisitKind;
  /** SLEDAI-2K, BILAG-2004 and PGA are assessed. */
  readonly disease: boolean;
  /** The laboratory panel is drawn. */
  readonly labs: boolean;
}

/** A CSV row as text cells by column name; an absent column is the empty field. */
export type CsvRow = Readonly<Record<string, string>>;
