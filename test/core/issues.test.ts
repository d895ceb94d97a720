/**
 * src/core/issues.ts. Expected values: cli.md's `file:line:COLUMN: rule` and issue 13: an escape
 * sequence quoted from the input must never reach the terminal raw.
 */
import { describe, expect, it } from 'vitest';
import { escapeControls, formatIssue, issue } from '../../src/core/issues.js';

describe('issue escapes what it quotes', () => {
  it('control and bidirectional formatting characters in rule, column and file become JSON-style escapes', () => {
    const i = issue('error', 'ae\u001b.csv', "'x\u001b[2J\u000c\u202e' is not one of the controlled terms", 3, 'A\tB');
    expect(formatIssue(i)).toBe(
      "ae\\u001b.csv:3:A\\tB: 'x\\u001b[2J\\u000c\\u202e' is not one of the controlled terms",
    );
    expect(formatIssue(i)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });
  it('keeps ordinary text, accents and a no-break space as they are; line breaks as \\n, \\r', () => {
    expect(escapeControls('Solu-Medrol\r\n(pulse) é\u00a0x')).toBe('Solu-Medrol\\r\\n(pulse) é\u00a0x');
    expect(escapeControls('\u007f\u009b\u2066')).toBe('\\u007f\\u009b\\u2066');
  });
});
