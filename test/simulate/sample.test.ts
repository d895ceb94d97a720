import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulateTrial } from '../../src/simulate/simulate-trial.js';

// The committed sample (data-samples/README.md): seed 20270115, n 81.
const root = new URL('../../data-samples/', import.meta.url);

describe('data-samples: the committed sample lock', () => {
  it('is exactly what the simulator makes from seed 20270115, n 81 (byte for byte)', () => {
    const sim = simulateTrial({ seed: '20270115', n: 81 });
    for (const [file, text] of sim.lockFiles) {
      expect(readFileSync(new URL(`lock/${file}`, root), 'utf8'), file).toBe(text);
    }
    expect(readFileSync(new URL('randomization.csv', root), 'utf8')).toBe(sim.randomizationCsv);
  });
});
