import { describe, expect, it } from 'vitest';
import type { ArdRow } from '../../src/ard/types.js';
import type { ArdEndpoint, ArdMethod, ArdStat } from '../../src/ard/vocabulary.js';
import { issue } from '../../src/core/issues.js';
import { buildRunLog, modelsUsed, withoutTimings, type RunLogInput } from '../../src/output/run-log.js';

const row = (endpoint: ArdEndpoint, param: string, visit: string, stat: ArdStat, method: ArdMethod | ''): ArdRow => ({
  endpoint,
  param,
  visit,
  population: 'FAS',
  group: 'MSC1E6',
  comparator: 'PBO',
  stat,
  method,
  value: 1,
});

const base: RunLogInput = {
  toolVersion: '1.2.3',
  sapVersion: '2.0',
  nodeVersion: 'v20.20.2',
  platform: 'linux x64',
  commandLine: ['analyze', 'lock dir', '--out', 'o'],
  lockId: 'DBL-1',
  draft: false,
  blinding: 'randomization',
  inputs: [{ name: 'lock/dm.csv', sha256: 'ab' }],
  issues: [
    issue('warning', 'randomization.csv', 'stratum disagrees', 3, 'STRATUM'),
    issue('notice', 'extra.csv', 'ignored'),
  ],
  ard: [
    row('SLEDAI', 'CHG', 'WEEK24', 'lsmean', 'MMRM-TOEPH-KR'),
    row('SLEDAI', 'CHG', 'WEEK24', 'diff', 'MMRM-TOEPH-KR'),
    row('FLARE', '', 'WEEK52', 'rr', 'POISSON'),
    row('SRI4', '', 'WEEK24', 'p', 'FISHER'),
  ],
  timings: [{ stage: 'read lock', ms: 12.4 }],
};

describe('run log', () => {
  it('says what ran, on what, every warning and notice, and the model of each analysis', () => {
    const log = buildRunLog(base);
    expect(log).toContain('tool: sle-msc 1.2.3\n');
    expect(log).toContain('Node.js: v20.20.2 (linux x64)\n');
    expect(log).toContain("command: sle-msc analyze 'lock dir' --out o\n");
    expect(log).toContain('ab  lock/dm.csv\n');
    expect(log).toContain('## Warnings (1)\nrandomization.csv:3:STRATUM: stratum disagrees\n');
    expect(log).toContain('## Notices (1)\nextra.csv: ignored\n');
    expect(log).toContain('## Models (2)\nFLARE: POISSON\nSLEDAI CHG: MMRM-TOEPH-KR\n');
    expect(log).toMatch(/## Timings .*\nread lock: 12 ms\n$/);
  });

  it('only the timings differ between two runs, and compare can drop them', () => {
    const a = buildRunLog(base);
    const b = buildRunLog({ ...base, timings: [{ stage: 'read lock', ms: 99 }] });
    expect(a).not.toBe(b);
    expect(withoutTimings(a)).toBe(withoutTimings(b));
    expect(withoutTimings(a)).not.toContain('Timings');
  });

  it('never writes a control character of the input raw', () => {
    const log = buildRunLog({ ...base, issues: [issue('warning', 'ae.csv', 'term \u001b[2J\u202e odd', 2, 'AETERM')] });
    expect(log).not.toMatch(/[\u001b\u202e]/);
    expect(log).toContain('\\u001b[2J\\u202e');
  });

  it('lists no model for plain tests', () => {
    expect(modelsUsed([row('SRI4', '', 'WEEK24', 'p', 'FISHER')])).toEqual([]);
  });
});
