import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { INTERRUPT_BUDGET, raiseTierUpBudget } from '../../src/cli/tier-up-budget.js';

describe('raiseTierUpBudget', () => {
  it("sets V8's interrupt budget to four times its default", () => {
    const flags: string[] = [];
    raiseTierUpBudget((f) => flags.push(f));
    expect(flags).toEqual([`--interrupt-budget=${INTERRUPT_BUDGET}`]);
    expect(INTERRUPT_BUDGET).toBe(270_336);
  });

  it("names a flag this Node's V8 has (v8.setFlagsFromString ignores an unknown flag without a word)", () => {
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    expect(options).toMatch(/^\s+--interrupt-budget \(/m);
  });
});
