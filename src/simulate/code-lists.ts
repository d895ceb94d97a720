/**
 * The study's fixed vocabulary as the simulator writes it: visits, instruments (codes, labels, weights),
 * laboratory tests with units, ranges and precision. Transcribed from ../shared/dts/ (lock.md,
 * domains.md, instruments.md) on purpose independently of src/lock/, so that the lock reader checks
 * the simulator rather than sharing its mistakes.
 */
export const STUDYID = 'SLEMSC01';
export const LOCK_ID = 'DBL-2027-01-15';
export const LOCKED_AT = '2027-01-15';
export const SITES = ['101', '102', '103', '104', '105', '106', '107', '108', '109'] as const;

export interface ScheduledVisit {
  readonly num: number;
  readonly label: string;
  /** Target protocol day (Day 0 = infusion). */
  readonly day: number;
  /** Half-width of the visit window, days. */
  readonly window: number;
}

/** Post-screening scheduled visits (lock.md); screening is placed separately (day −28 to −1). */
export const SCHEDULED_VISITS: readonly ScheduledVisit[] = [
  { num: 2, label: 'DAY 0', day: 0, window: 0 },
  { num: 3, label: 'WEEK 4', day: 28, window: 3 },
  { num: 4, label: 'WEEK 8', day: 56, window: 3 },
  { num: 5, label: 'WEEK 12', day: 84, window: 4 },
  { num: 6, label: 'WEEK 16', day: 112, window: 4 },
  { num: 7, label: 'WEEK 20', day: 140, window: 5 },
  { num: 8, label: 'WEEK 24', day: 168, window: 5 },
  { num: 9, label: 'WEEK 36', day: 252, window: 7 },
  { num: 10, label: 'WEEK 52', day: 364, window: 7 },
];
export const SCREENING_VISITNUM = 1;
export const PRO_VISITNUMS: readonly number[] = [2, 5, 8, 10];
export const SDI_VISITNUMS: readonly number[] = [1, 10];

export type BilagDomain = 'CONS' | 'MUCO' | 'NEUR' | 'MUSK' | 'CARD' | 'GAST' | 'OPHT' | 'RENL' | 'HAEM';
export const BILAG_DOMAINS: readonly {
  readonly code: `BLG${BilagDomain}`;
  readonly domain: BilagDomain;
  readonly label: string;
}[] = [
  { code: 'BLGCONS', domain: 'CONS', label: 'Constitutional' },
  { code: 'BLGMUCO', domain: 'MUCO', label: 'Mucocutaneous' },
  { code: 'BLGNEUR', domain: 'NEUR', label: 'Neuropsychiatric' },
  { code: 'BLGMUSK', domain: 'MUSK', label: 'Musculoskeletal' },
  { code: 'BLGCARD', domain: 'CARD', label: 'Cardiorespiratory' },
  { code: 'BLGGAST', domain: 'GAST', label: 'Gastrointestinal' },
  { code: 'BLGOPHT', domain: 'OPHT', label: 'Ophthalmic' },
  { code: 'BLGRENL', domain: 'RENL', label: 'Renal' },
  { code: 'BLGHAEM', domain: 'HAEM', label: 'Haematological' },
];

export const SLEDAI_ITEMS: readonly { readonly code: string; readonly label: string; readonly weight: number }[] = [
  { code: 'SLED01', label: 'Seizure', weight: 8 },
  { code: 'SLED02', label: 'Psychosis', weight: 8 },
  { code: 'SLED03', label: 'Organic Brain Syndrome', weight: 8 },
  { code: 'SLED04', label: 'Visual Disturbance', weight: 8 },
  { code: 'SLED05', label: 'Cranial Nerve Disorder', weight: 8 },
  { code: 'SLED06', label: 'Lupus Headache', weight: 8 },
  { code: 'SLED07', label: 'Cerebrovascular Accident', weight: 8 },
  { code: 'SLED08', label: 'Vasculitis', weight: 8 },
  { code: 'SLED09', label: 'Arthritis', weight: 4 },
  { code: 'SLED10', label: 'Myositis', weight: 4 },
  { code: 'SLED11', label: 'Urinary Casts', weight: 4 },
  { code: 'SLED12', label: 'Hematuria', weight: 4 },
  { code: 'SLED13', label: 'Proteinuria', weight: 4 },
  { code: 'SLED14', label: 'Pyuria', weight: 4 },
  { code: 'SLED15', label: 'Rash', weight: 2 },
  { code: 'SLED16', label: 'Alopecia', weight: 2 },
  { code: 'SLED17', label: 'Mucosal Ulcers', weight: 2 },
  { code: 'SLED18', label: 'Pleurisy', weight: 2 },
  { code: 'SLED19', label: 'Pericarditis', weight: 2 },
  { code: 'SLED20', label: 'Low Complement', weight: 2 },
  { code: 'SLED21', label: 'Increased DNA Binding', weight: 2 },
  { code: 'SLED22', label: 'Fever', weight: 1 },
  { code: 'SLED23', label: 'Thrombocytopenia', weight: 1 },
  { code: 'SLED24', label: 'Leukopenia', weight: 1 },
];
export const SLEDAI_WEIGHT: ReadonlyMap<string, number> = new Map(SLEDAI_ITEMS.map((i) => [i.code, i.weight]));

export const SDI_SYSTEMS: readonly { readonly code: string; readonly label: string; readonly max: number }[] = [
  { code: 'SDIOCUL', label: 'Ocular', max: 2 },
  { code: 'SDINEUR', label: 'Neuropsychiatric', max: 6 },
  { code: 'SDIRENL', label: 'Renal', max: 3 },
  { code: 'SDIPULM', label: 'Pulmonary', max: 5 },
  { code: 'SDICARD', label: 'Cardiovascular', max: 6 },
  { code: 'SDIPVAS', label: 'Peripheral Vascular', max: 5 },
  { code: 'SDIGAST', label: 'Gastrointestinal', max: 6 },
  { code: 'SDIMUSK', label: 'Musculoskeletal', max: 7 },
  { code: 'SDISKIN', label: 'Skin', max: 3 },
  { code: 'SDIGONF', label: 'Premature Gonadal Failure', max: 1 },
  { code: 'SDIDIAB', label: 'Diabetes', max: 1 },
  { code: 'SDIMALG', label: 'Malignancy', max: 2 },
];

export const SF36_SCALES: readonly { readonly code: string; readonly label: string }[] = [
  { code: 'SF36PF', label: 'Physical Functioning' },
  { code: 'SF36RP', label: 'Role-Physical' },
  { code: 'SF36BP', label: 'Bodily Pain' },
  { code: 'SF36GH', label: 'General Health' },
  { code: 'SF36VT', label: 'Vitality' },
  { code: 'SF36SF', label: 'Social Functioning' },
  { code: 'SF36RE', label: 'Role-Emotional' },
  { code: 'SF36MH', label: 'Mental Health' },
  { code: 'SF36PCS', label: 'Physical Component Summary' },
  { code: 'SF36MCS', label: 'Mental Component Summary' },
];

/** LupusPRO domains; the first eight make the HRQoL summary, the next four the non-HRQoL summary. */
export const LUPUSPRO_DOMAINS: readonly { readonly code: string; readonly label: string }[] = [
  { code: 'LPROLS', label: 'Lupus Symptoms' },
  { code: 'LPROCOG', label: 'Cognition' },
  { code: 'LPROMED', label: 'Lupus Medications' },
  { code: 'LPROPRO', label: 'Procreation' },
  { code: 'LPROPHY', label: 'Physical Health' },
  { code: 'LPROPV', label: 'Pain-Vitality' },
  { code: 'LPROEMO', label: 'Emotional Health' },
  { code: 'LPROBI', label: 'Body Image' },
  { code: 'LPRODG', label: 'Desires-Goals' },
  { code: 'LPROSS', label: 'Social Support' },
  { code: 'LPROCOP', label: 'Coping' },
  { code: 'LPROSAT', label: 'Satisfaction with Care' },
  { code: 'LPROHRQ', label: 'HRQoL Summary' },
  { code: 'LPRONHRQ', label: 'Non-HRQoL Summary' },
];

export interface ItemForm {
  readonly qscat: string;
  /** Response labels in the order of the stored value (lowest first). */
  readonly responses: readonly string[];
  /** Lowest stored value (1 for PROMIS, 0 for the LIT). */
  readonly first: number;
  readonly items: readonly { readonly code: string; readonly label: string; readonly reversed?: boolean }[];
}

const OFTEN = ['Never', 'Rarely', 'Sometimes', 'Often', 'Always'] as const;
const MUCH = ['Not at all', 'A little bit', 'Somewhat', 'Quite a bit', 'Very much'] as const;

/** PROMIS short forms v1.0; items stored so that a higher number means more of the symptom. */
export const PROMIS_FORMS: readonly ItemForm[] = [
  {
    qscat: 'PROMIS FATIGUE SF 7A',
    responses: OFTEN,
    first: 1,
    items: [
      { code: 'PRFA01', label: 'How often did you feel tired?' },
      { code: 'PRFA02', label: 'How often did you experience extreme exhaustion?' },
      { code: 'PRFA03', label: 'How often did you run out of energy?' },
      { code: 'PRFA04', label: 'How often did your fatigue limit you at work?' },
      { code: 'PRFA05', label: 'How often were you too tired to think clearly?' },
      { code: 'PRFA06', label: 'How often were you too tired to take a bath or shower?' },
      { code: 'PRFA07', label: 'How often did you have enough energy to exercise strenuously?', reversed: true },
    ],
  },
  {
    qscat: 'PROMIS PAIN INTERFERENCE SF 6A',
    responses: MUCH,
    first: 1,
    items: [
      { code: 'PRPI01', label: 'How much did pain interfere with your day to day activities?' },
      { code: 'PRPI02', label: 'How much did pain interfere with work around the home?' },
      { code: 'PRPI03', label: 'How much did pain interfere with your ability to participate in social activities?' },
      { code: 'PRPI04', label: 'How much did pain interfere with your household chores?' },
      { code: 'PRPI05', label: 'How much did pain interfere with the things you usually do for fun?' },
      { code: 'PRPI06', label: 'How much did pain interfere with your enjoyment of social activities?' },
    ],
  },
  {
    qscat: 'PROMIS DEPRESSION SF 8A',
    responses: OFTEN,
    first: 1,
    items: [
      { code: 'PRDE01', label: 'I felt worthless' },
      { code: 'PRDE02', label: 'I felt helpless' },
      { code: 'PRDE03', label: 'I felt depressed' },
      { code: 'PRDE04', label: 'I felt hopeless' },
      { code: 'PRDE05', label: 'I felt like a failure' },
      { code: 'PRDE06', label: 'I felt unhappy' },
      { code: 'PRDE07', label: 'I felt that I had nothing to look forward to' },
      { code: 'PRDE08', label: 'I felt that nothing could cheer me up' },
    ],
  },
];

export const LIT_FORM: ItemForm = {
  qscat: 'LIT',
  responses: ['Not at all', 'Rarely', 'Sometimes', 'Most of the time', 'All the time'],
  first: 0,
  items: [
    { code: 'LIT01', label: 'Lupus limited my physical activities' },
    { code: 'LIT02', label: 'Lupus limited my work, school or household tasks' },
    { code: 'LIT03', label: 'Lupus pain interfered with my daily life' },
    { code: 'LIT04', label: 'Lupus fatigue interfered with my daily life' },
    { code: 'LIT05', label: 'Lupus affected my concentration or memory' },
    { code: 'LIT06', label: 'Lupus affected my mood' },
    { code: 'LIT07', label: 'Lupus affected my relationships' },
    { code: 'LIT08', label: 'Lupus affected how I feel about my appearance' },
    { code: 'LIT09', label: 'Lupus treatment side effects bothered me' },
    { code: 'LIT10', label: 'I worried about my lupus' },
  ],
};

export type LabCode = 'C3' | 'C4' | 'DSDNA' | 'PROTCRT' | 'WBC' | 'LYM' | 'NEUT' | 'PLAT' | 'HGB';

export interface LabTest {
  readonly code: LabCode;
  readonly label: string;
  readonly cat: 'HEMATOLOGY' | 'CHEMISTRY' | 'IMMUNOLOGY' | 'URINALYSIS';
  readonly spec: 'BLOOD' | 'SERUM' | 'URINE';
  readonly unit: string;
  /** Decimals the central laboratory reports. */
  readonly decimals: number;
  readonly lo: number | null;
  readonly hi: number | null;
}

/** Central laboratory panel; HGB range is for women (men: 135–175 g/L, see labs.ts). */
export const LAB_TESTS: readonly LabTest[] = [
  { code: 'C3', label: 'Complement C3', cat: 'IMMUNOLOGY', spec: 'SERUM', unit: 'g/L', decimals: 2, lo: 0.9, hi: 1.8 },
  { code: 'C4', label: 'Complement C4', cat: 'IMMUNOLOGY', spec: 'SERUM', unit: 'g/L', decimals: 2, lo: 0.1, hi: 0.4 },
  {
    code: 'DSDNA',
    label: 'Anti-dsDNA Antibody',
    cat: 'IMMUNOLOGY',
    spec: 'SERUM',
    unit: 'IU/mL',
    decimals: 0,
    lo: null,
    hi: 30,
  },
  {
    code: 'PROTCRT',
    label: 'Protein/Creatinine',
    cat: 'URINALYSIS',
    spec: 'URINE',
    unit: 'mg/mg',
    decimals: 2,
    lo: null,
    hi: 0.2,
  },
  { code: 'WBC', label: 'Leukocytes', cat: 'HEMATOLOGY', spec: 'BLOOD', unit: '10^9/L', decimals: 1, lo: 4, hi: 11 },
  { code: 'LYM', label: 'Lymphocytes', cat: 'HEMATOLOGY', spec: 'BLOOD', unit: '10^9/L', decimals: 2, lo: 1, hi: 4.8 },
  {
    code: 'NEUT',
    label: 'Neutrophils',
    cat: 'HEMATOLOGY',
    spec: 'BLOOD',
    unit: '10^9/L',
    decimals: 2,
    lo: 1.8,
    hi: 7.7,
  },
  { code: 'PLAT', label: 'Platelets', cat: 'HEMATOLOGY', spec: 'BLOOD', unit: '10^9/L', decimals: 0, lo: 150, hi: 400 },
  { code: 'HGB', label: 'Hemoglobin', cat: 'HEMATOLOGY', spec: 'BLOOD', unit: 'g/L', decimals: 0, lo: 120, hi: 160 },
];

export const ARMS = [
  { code: 'PBO', name: 'Placebo' },
  { code: 'MSC1E6', name: 'MSC 1x10^6 cells/kg' },
  { code: 'MSC5E6', name: 'MSC 5x10^6 cells/kg' },
] as const;
