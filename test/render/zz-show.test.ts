import { it } from 'vitest';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { buildPrintForm } from '../../src/render/print-form.js';
import { renderText } from '../../src/render/text.js';
import { renderRtf } from '../../src/render/rtf.js';
import { sampleArd, sampleSpec } from './sample-table.js';
it('show', () => {
  const form = buildPrintForm(sampleSpec(), ardLookup(sampleArd()), { flags: { draft: true, dummyRandomization: false }, linesPerPage: 16 });
  console.log(JSON.stringify(renderText(form)));
  console.log(renderText(form));
  const f2 = buildPrintForm(sampleSpec(), ardLookup(sampleArd()), { flags: { draft: false, dummyRandomization: true }, linesPerPage: 16 });
  console.log(renderRtf(f2));
});
