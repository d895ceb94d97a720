import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { INLINED_BYTECODE_CUMULATIVE, INLINED_BYTECODE_SIZE, limitInlining } from '../../src/cli/inlining-budget.js';

describe('limitInlining', () => {
  it("sets TurboFan's inlining budgets to half V8's defaults", () => {
    const flags: string[] = [];
    limitInlining((f) => flags.push(f));
    expect(flags).toEqual([
      `--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_CUMULATIVE}`,
      `--max-inlined-bytecode-size=${INLINED_BYTECODE_SIZE}`,
    ]);
    expect([INLINED_BYTECODE_CUMULATIVE, INLINED_BYTECODE_SIZE]).toEqual([460, 230]);
  });

  it("names flags this Node's V8 has, with the defaults halved (v8.setFlagsFromString ignores an unknown flag)", () => {
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    expect(options).toMatch(/--max-inlined-bytecode-size-cumulative=920\b/);
    expect(options).toMatch(/--max-inlined-bytecode-size=460\b/);
  });
});
