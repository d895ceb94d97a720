import { describe, expect, it } from 'vitest';
import { checkTableSpec } from '../../src/render/table-spec.js';
import type { TableSpec } from '../../src/render/table-spec.js';
import { KEY, sampleSpec } from './sample-table.js';

describe('checkTableSpec', () => {
  it('accepts a consistent spec', () => {
    expect(() => checkTableSpec(sampleSpec())).not.toThrow();
  });
  it('rejects duplicate column ids, no columns, unknown column names and bad indents', () => {
    const spec = sampleSpec();
    const dup: TableSpec = { ...spec, columns: [...spec.columns, spec.columns[0]!] };
    expect(() => checkTableSpec(dup)).toThrow(/duplicate column id PBO/);
    expect(() => checkTableSpec({ ...spec, columns: [] })).toThrow(/at least one column/);
    expect(() =>
      checkTableSpec({
        ...spec,
        rows: [
          {
            kind: 'stat',
            label: 'x',
            indent: 0,
            key: KEY,
            format: { kind: 'count', value: { stat: 'n' } },
            columns: ['TOTAL'],
          },
        ],
      }),
    ).toThrow(/unknown column TOTAL/);
    expect(() => checkTableSpec({ ...spec, rows: [{ kind: 'label', label: 'x', indent: -1 }] })).toThrow(/bad indent/);
  });
});
