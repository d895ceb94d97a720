import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { writeDefineHtml } from '../../src/submission/define-html.js';
import { describe as describeDataset } from '../../src/submission/define-xml.js';
import { SAMPLE_CODELISTS, SAMPLE_META, SAMPLE_ROWS } from './samples.js';

const described = [describeDataset({ meta: SAMPLE_META, rows: SAMPLE_ROWS })];
const html = writeDefineHtml(described, {
  studyName: 'SLEMSC01',
  studyDescription: 'A <trial>',
  lockedAt: '2027-01-15',
  codelists: SAMPLE_CODELISTS,
});

describe('writeDefineHtml', () => {
  it('is well-formed (XHTML-compatible) and escapes every text', () => {
    expect(XMLValidator.validate(html.replace('<!DOCTYPE html>\n', ''))).toBe(true);
    expect(html).toContain('A &lt;trial&gt;');
    expect(html).toContain('Comment, with &quot;quotes&quot; &amp; &lt;markup&gt;');
  });

  it('lists the dataset with its file, every variable with the length written to the XPT, every codelist', () => {
    expect(html).toContain('<a href="adxt.xpt">adxt.xpt</a>');
    for (const v of SAMPLE_META.variables) expect(html).toContain(`<td>${v.name}</td>`);
    expect(html).toContain(
      '<tr><td>COMMENT</td><td>Comment, with &quot;quotes&quot; &amp; &lt;markup&gt;</td><td>text</td><td>200</td>',
    );
    expect(html).toContain('<td>DATE9.</td>');
    for (const cl of SAMPLE_CODELISTS) expect(html).toContain(`<h3 id="${cl.id}">`);
    expect(html).toContain('<tr><td>Y</td><td>Yes</td></tr>');
    expect(html).toContain('The value as measured');
  });

  it('states the lock date, never the clock, and gives the same text on every call', () => {
    expect(html).toContain('database lock 2027-01-15');
    expect(
      writeDefineHtml(described, {
        studyName: 'SLEMSC01',
        studyDescription: 'A <trial>',
        lockedAt: '2027-01-15',
        codelists: SAMPLE_CODELISTS,
      }),
    ).toBe(html);
  });
});
