import { describe, expect, it } from 'vitest';
import { tickLabel } from '../../../src/render/charts/axis.js';

describe('tickLabel', () => {
  it('uses the given label of a tick', () => {
    expect(tickLabel({ ticks: [4, 8], tickLabels: ['Wk 4', 'Wk 8'] }, 8)).toBe('Wk 8');
  });

  it('otherwise prints the value with the axis decimals and a typographic minus', () => {
    expect(tickLabel({ ticks: [0, 0.2], tickDecimals: 1 }, 0.2)).toBe('0.2');
    expect(tickLabel({ ticks: [-2, 0] }, -2)).toBe('\u22122');
    expect(tickLabel({ ticks: [1] }, 1)).toBe('1');
  });
});
