/**
 * printIssues / colorWanted (src/cli/diagnostics.ts) against cli.md: `file:line:COLUMN: rule`, the cap
 * and `… and N more`, --quiet, colour only on a terminal and never with NO_COLOR. Nothing numeric.
 */
import { describe, expect, it } from 'vitest';
import { colorWanted, printIssues } from '../../src/cli/diagnostics.js';
import type { CliIo } from '../../src/cli/io.js';
import { issue } from '../../src/core/issues.js';

function capture(opts: { color?: boolean; quiet?: boolean } = {}): { io: CliIo; err: string[] } {
  const err: string[] = [];
  const io: CliIo = {
    stdout: () => undefined,
    stderr: (s) => void err.push(s),
    cwd: '/',
    color: opts.color ?? false,
    quiet: opts.quiet ?? false,
  };
  return { io, err };
}

const ISSUES = [
  issue('notice', 'README.txt', 'not part of a lock: ignored'),
  issue('error', 'dm.csv', "'X' is not one of the controlled terms: F, M", 3, 'SEX'),
  issue('warning', 'rand.csv', 'stratum disagrees', 44, 'STRATUM'),
  issue('error', 'lock.json', '"blinded" must be true'),
  issue('error', 'qs.csv', 'duplicate', 7),
];

describe('printIssues', () => {
  it('errors exactly as file:line:COLUMN: rule, then warnings and notices tagged after the location', () => {
    const { io, err } = capture();
    printIssues(io, ISSUES, 100);
    expect(err.join('')).toBe(
      "dm.csv:3:SEX: 'X' is not one of the controlled terms: F, M\n" +
        'lock.json: "blinded" must be true\n' +
        'qs.csv:7: duplicate\n' +
        'README.txt: notice: not part of a lock: ignored\n' +
        'rand.csv:44:STRATUM: warning: stratum disagrees\n',
    );
  });

  it('caps the errors and says how many more; --quiet drops warnings and notices only', () => {
    const { io, err } = capture({ quiet: true });
    printIssues(io, ISSUES, 1);
    expect(err.join('')).toBe("dm.csv:3:SEX: 'X' is not one of the controlled terms: F, M\n… and 2 more\n");
  });

  it('colours only when the CliIo says so, and then the text is unchanged apart from the escapes', () => {
    const plain = capture();
    const coloured = capture({ color: true });
    printIssues(plain.io, ISSUES, 100);
    printIssues(coloured.io, ISSUES, 100);
    expect(plain.err.join('')).not.toMatch(/\u001b\[/);
    expect(coloured.err.join('')).toMatch(/\u001b\[/);
    expect(coloured.err.join('').replace(/\u001b\[\d+m/g, '')).toBe(plain.err.join(''));
  });
});

describe('colorWanted', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, false],
    [{ FORCE_COLOR: '1' }, false, false],
  ] as const)('env %j, terminal %s → %s', (env, tty, want) => {
    expect(colorWanted(env, tty)).toBe(want);
  });
});
