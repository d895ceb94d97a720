import { describe, expect, it } from 'vitest';
import { renderFigureFiles, renderFigureSvg } from '../../../src/render/charts/figure-files.js';
import { intervalSpec, stepSpec } from './chart-fixtures.js';

describe('renderFigureFiles', () => {
  const files = renderFigureFiles([stepSpec(), intervalSpec()]);

  it('writes figures/<id>.svg and figures/<id>.png for every spec', () => {
    expect([...files.keys()]).toEqual([
      'figures/F-TEST.1.svg',
      'figures/F-TEST.1.png',
      'figures/F-TEST.2.svg',
      'figures/F-TEST.2.png',
    ]);
    expect(files.get('figures/F-TEST.1.svg')).toBe(renderFigureSvg(stepSpec()));
    expect(files.get('figures/F-TEST.2.png')).toBeInstanceOf(Uint8Array);
  });

  it('gives the same SVG and PNG bytes on a second render', () => {
    const again = renderFigureFiles([stepSpec(), intervalSpec()]);
    for (const [path, content] of files) expect(Buffer.from(again.get(path)!).equals(Buffer.from(content))).toBe(true);
  });

  it('refuses an id that is not a plain file name', () => {
    expect(() => renderFigureFiles([stepSpec({ id: '../x' })])).toThrow(/file name/);
    expect(() => renderFigureFiles([stepSpec({ id: '' })])).toThrow(/file name/);
  });
});
