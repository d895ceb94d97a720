import { describe, expect, it } from 'vitest';
import { csvField, csvLine, csvText, neutralizeFormula, spreadsheetSafeCsvText } from '../../src/output/csv.js';

// Source: RFC 4180 §2 (quote a field holding a comma, double quote, CR or LF; double inner quotes)
// and dts/ard.md (numbers as String(x), null empty, LF). Comparisons are exact.
describe('csvField', () => {
  it('leaves plain text and spaces unquoted', () => {
    expect(csvField('WEEK24')).toBe('WEEK24');
    expect(csvField(' a b ')).toBe(' a b ');
    expect(csvField('')).toBe('');
    expect(csvField('SOC:Nervous system disorders')).toBe('SOC:Nervous system disorders');
  });
  it('quotes only where RFC 4180 requires it', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField("it's; fine")).toBe("it's; fine");
  });
  it('prints numbers as JavaScript does and null as empty', () => {
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvField(1e21)).toBe('1e+21');
    expect(csvField(1e-7)).toBe('1e-7');
    expect(csvField(-0)).toBe('0');
    expect(csvField(27)).toBe('27');
    expect(csvField(null)).toBe('');
  });
  it('rejects NaN and infinities', () => {
    expect(() => csvField(Number.NaN)).toThrow(RangeError);
    expect(() => csvField(Number.NEGATIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('csvLine and csvText', () => {
  it('joins with commas and ends every line with LF', () => {
    expect(csvLine(['a', 1, null, 'x,y'])).toBe('a,1,,"x,y"');
    expect(
      csvText(
        ['h1', 'h2'],
        [
          ['a', 1],
          [null, 'b'],
        ],
      ),
    ).toBe('h1,h2\na,1\n,b\n');
    expect(csvText(['only'], [])).toBe('only\n');
  });
});

// Source: OWASP "CSV Injection" (a cell starting with = + - @ tab or CR is a formula to a
// spreadsheet; prefix a single quote). Expected bytes written by hand.
describe('neutralizeFormula and spreadsheetSafeCsvText', () => {
  it('prefixes a single quote to text cells a spreadsheet would evaluate', () => {
    expect(neutralizeFormula('=1+1')).toBe("'=1+1");
    expect(neutralizeFormula('+SUM(A1)')).toBe("'+SUM(A1)");
    expect(neutralizeFormula('-2+3')).toBe("'-2+3");
    expect(neutralizeFormula('@cmd')).toBe("'@cmd");
    expect(neutralizeFormula('\t=x')).toBe("'\t=x");
    expect(neutralizeFormula('\r=x')).toBe("'\r=x");
    expect(neutralizeFormula('-')).toBe("'-");
  });
  it('leaves numbers, text that is a plain decimal number, null and ordinary text alone', () => {
    expect(neutralizeFormula(-1.5)).toBe(-1.5);
    expect(neutralizeFormula('-1.5')).toBe('-1.5');
    expect(neutralizeFormula('+3')).toBe('+3');
    expect(neutralizeFormula('-1e-7')).toBe('-1e-7');
    expect(neutralizeFormula(null)).toBe(null);
    expect(neutralizeFormula('PT:Headache')).toBe('PT:Headache');
    expect(neutralizeFormula('a=b')).toBe('a=b');
    expect(neutralizeFormula('')).toBe('');
  });
  it('writes a neutralized cell with the usual RFC 4180 quoting', () => {
    expect(spreadsheetSafeCsvText(['AETERM', 'AVAL'], [['=HYPERLINK("http://x","click")', -2]])).toBe(
      'AETERM,AVAL\n"\'=HYPERLINK(""http://x"",""click"")",-2\n',
    );
  });

  it('writes an empty text cell empty, header names included (no formula in it)', () => {
    expect(
      spreadsheetSafeCsvText(
        ['', 'B'],
        [
          ['', '=1'],
          ['-', ''],
        ],
      ),
    ).toBe(",B\n,'=1\n'-,\n");
  });
});
