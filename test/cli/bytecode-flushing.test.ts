import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { keepBytecode } from '../../src/cli/bytecode-flushing.js';

describe('keepBytecode', () => {
  it("turns off V8's bytecode flushing", () => {
    const flags: string[] = [];
    keepBytecode((f) => flags.push(f));
    expect(flags).toEqual(['--no-flush-bytecode']);
  });

  it("names a flag this Node's V8 has, on by default (v8.setFlagsFromString ignores an unknown flag)", () => {
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    expect(options).toMatch(/^\s+--flush-bytecode \(.*\n\s+type: bool\s+default: --flush-bytecode\b/m);
  });
});
