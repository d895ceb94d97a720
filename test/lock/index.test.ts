import { describe, expect, it } from 'vitest';
import * as lockApi from '../../src/lock/index.js';
import { MINI_LOCK, MINI_RANDOMIZATION } from './lock-fixture.js';

// Expected values: the public surface documented at the top of src/lock/index.ts; the mini lock's counts.
describe('src/lock public API', () => {
  it('reads a lock and its randomization through the entry point', async () => {
    const { lock, issues } = await lockApi.loadLock(MINI_LOCK, { draft: false });
    expect(issues).toEqual([]);
    const r = await lockApi.loadRandomization(MINI_RANDOMIZATION, lock);
    expect(r.rows.map((x) => x.ARMCD)).toEqual(['MSC5E6', 'PBO', 'MSC1E6']);
    expect(await lockApi.sha256File(`${MINI_LOCK}/dm.csv`)).toBe(lock.fileHashes['dm.csv']);
  });
  it('exposes the contract tables other stages use', () => {
    expect(lockApi.formatVisitnum(8.01)).toBe('8.01');
    expect(lockApi.ARM_NAMES.PBO).toBe('Placebo');
    expect(lockApi.DOMAIN_FILES).toHaveLength(8);
    expect(typeof lockApi.readLock).toBe('function');
    expect(typeof lockApi.readRandomization).toBe('function');
  });
});
