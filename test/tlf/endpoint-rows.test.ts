import { describe, expect, it } from 'vitest';
import type { ArdRow } from '../../src/ard/types.js';
import { endpointRows } from '../../src/tlf/endpoint-rows.js';

const row = (endpoint: ArdRow['endpoint'], param: string): ArdRow => ({
  endpoint,
  param,
  visit: '',
  population: 'FAS',
  group: 'TOTAL',
  comparator: '',
  stat: 'n',
  method: '',
  value: 1,
});

describe('endpointRows', () => {
  it('is the ARD filtered by endpoint, in ARD order; an endpoint without rows has none', () => {
    const ard = [row('AE', 'a'), row('SITE', 's'), row('AE', 'b'), row('CONMED', 'c'), row('AE', 'c')];
    expect(endpointRows(ard, 'AE')).toEqual(ard.filter((r) => r.endpoint === 'AE'));
    expect(endpointRows(ard, 'AE').map((r) => r.param)).toEqual(['a', 'b', 'c']);
    expect(endpointRows(ard, 'SITE')).toEqual([ard[1]]);
    expect(endpointRows(ard, 'DISPOSITION')).toEqual([]);
  });
  it('splits each ARD once and keeps the ARDs apart', () => {
    const one = [row('AE', 'a')];
    const two = [row('AE', 'b')];
    expect(endpointRows(one, 'AE')).toBe(endpointRows(one, 'AE'));
    expect(endpointRows(two, 'AE').map((r) => r.param)).toEqual(['b']);
  });
});
