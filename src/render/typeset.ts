/**
 * Typesetting of plain-text labels shared by tables and figures.
 */

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '0': '\u2070',
  '1': '\u00b9',
  '2': '\u00b2',
  '3': '\u00b3',
  '4': '\u2074',
  '5': '\u2075',
  '6': '\u2076',
  '7': '\u2077',
  '8': '\u2078',
  '9': '\u2079',
  '-': '\u207b',
};

/** `1x10^6` → `1×10⁶`: caret powers of ten in plain-text labels typeset with Unicode superscripts. */
export function typesetPowersOfTen(text: string): string {
  return text.replace(
    /(\d)\s*[xX]\s*10\^(-?\d+)/g,
    (_m, lead: string, power: string) => `${lead}\u00d710${[...power].map((c) => SUPERSCRIPT[c] ?? c).join('')}`,
  );
}
