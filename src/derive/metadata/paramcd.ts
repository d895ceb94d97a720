/**
 * ADaM limits PARAMCD to 8 characters (SAS V5 names); a few SAP codes, which the ARD keeps, are longer.
 * This table gives their dataset code. A longer code missing here is a settings change the metadata
 * does not know yet, so it throws rather than write a non-conformant dataset.
 */
const SHORT_PARAMCDS: Readonly<Record<string, string>> = {
  PROMISDEP: 'PRMSDEP',
  PROMISFAT: 'PRMSFAT',
  PROMISPAIN: 'PRMSPAIN',
  LEUKOPENIA: 'LEUKOPEN',
  LYMPHOPENIA: 'LYMPHOPN',
  THROMBOCYTOPENIA: 'THRMBCYT',
};

/** The dataset PARAMCD of a SAP parameter code. */
export function adamParamcd(code: string): string {
  if (code.length <= 8) return code;
  const short = SHORT_PARAMCDS[code];
  if (short === undefined) throw new Error(`parameter code ${code} is longer than 8 characters and has no ADaM code`);
  return short;
}
