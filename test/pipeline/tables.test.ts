import { describe, expect, it } from 'vitest';
import { deriveAll } from '../../src/derive/derive-all.js';
import { renderTables, tableLayoutOf, tableSpecs, tlfContext } from '../../src/pipeline/tables.js';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { renderHtml } from '../../src/render/html.js';
import type { CatalogEntry } from '../../src/render/index-page.js';
import { LINES_PER_PAGE } from '../../src/render/page-layout.js';
import { buildPrintForm } from '../../src/render/print-form.js';
import { renderRtf } from '../../src/render/rtf.js';
import { renderText } from '../../src/render/text.js';
import { printFlagsOf } from '../../src/tlf/context.js';
import { applyShell } from '../../src/tlf/shells.js';
import { sampleRun } from '../helpers/sample-run.js';
import { computeProPrecision } from '../../src/derive/pro-precision.js';
import { baselinePrecision } from '../../src/tlf/baseline-characteristics.js';
import type { Lock } from '../../src/lock/types.js';

describe('renderTables', () => {
  it("yields each table's RTF, HTML and text in pieces, one table at a time, joining to the whole-text renderers", async () => {
    const { lock, unblinding, settings, result } = await sampleRun('unblinded');
    const ctx = tlfContext(settings, unblinding.kind, lock.draft);
    const layout = tableLayoutOf(lock, deriveAll(lock, unblinding, settings), settings);
    const catalog: CatalogEntry[] = [];
    const files = renderTables(result.ard, ctx, layout, catalog);

    const first = tableSpecs(ctx, result.ard, layout)[0]!;
    const form = buildPrintForm(applyShell(first, settings.display.shells), ardLookup(result.ard), {
      flags: printFlagsOf(ctx),
      linesPerPage: LINES_PER_PAGE,
    });
    const expected = [renderRtf(form), renderHtml(form), renderText(form)];
    for (const [k, ext] of ['rtf', 'html', 'txt'].entries()) {
      const next = files.next();
      expect(next.done).toBe(false);
      const [path, pieces] = next.value as readonly [string, Iterable<string>];
      expect(path).toBe(`tables/${first.id}.${ext}`);
      // Only the first table has been made so far: the next is made when its files are asked for.
      expect(catalog.map((c) => c.id)).toEqual([first.id]);
      const parts = [...pieces];
      expect(parts.length).toBeGreaterThan(1);
      expect(parts.join('')).toBe(expected[k]);
    }
    files.next();
    expect(catalog.length).toBe(2);
  });
});

describe('tableLayoutOf', () => {
  it('finds the precisions of PGA and the PRO scores in one pass over QS', async () => {
    const { lock, unblinding, settings } = await sampleRun('unblinded');
    let reads = 0;
    const counted: Lock = Object.create(lock, {
      qsRows: { value: { length: lock.qsRows.length, at: (i: number) => (reads++, lock.qsRows.at(i)) } },
    });
    const layout = tableLayoutOf(counted, deriveAll(lock, unblinding, settings), settings);
    expect(reads).toBe(lock.qsRows.length);
    expect(layout.baselinePrecision).toEqual(baselinePrecision({ dm: lock.dm, qs: lock.qs }, settings));
    expect(layout.proPrecision).toEqual(computeProPrecision(lock.qs, settings));
  });
});
