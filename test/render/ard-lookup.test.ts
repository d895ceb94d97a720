import { describe, expect, it } from 'vitest';
import { ardLookup, valueKey } from '../../src/render/ard-lookup.js';
import { KEY, VS, sampleArd } from './sample-table.js';

describe('ardLookup', () => {
  it('finds values by the full key, with the method from the stat reference', () => {
    const get = ardLookup(sampleArd());
    expect(get(valueKey(KEY, 'PBO', { stat: 'N' }))).toBe(27);
    expect(get(valueKey(VS, 'MSC1E6', { stat: 'or', method: 'LOGISTIC' }))).toBe(2.125);
    expect(get(valueKey(VS, 'MSC5E6', { stat: 'or', method: 'LOGISTIC' }))).toBeNull();
  });
  it('throws, naming the key, when the ARD lacks the row', () => {
    const get = ardLookup(sampleArd());
    expect(() => get(valueKey(VS, 'MSC1E6', { stat: 'or' }))).toThrow(/no row .*stat=or method=$/);
    expect(() => get(valueKey(KEY, 'TOTAL', { stat: 'N' }))).toThrow(/group=TOTAL/);
  });
  it('indexes one ARD once: the tables and the figures share its lookup', () => {
    const rows = sampleArd();
    expect(ardLookup(rows)).toBe(ardLookup(rows));
    expect(ardLookup(sampleArd())).not.toBe(ardLookup(rows));
  });
  it('rejects duplicate keys', () => {
    const rows = sampleArd();
    expect(() => ardLookup([...rows, rows[0]!])).toThrow(/duplicate ARD row/);
  });
});
