/**
 * Rules over a file's rows run together: one pass over the rows for all of them (`passOver`).
 */
import type { Issue } from '../core/issues.js';
import type { Positional } from './types.js';

/**
 * A check that sees a file's rows one at a time, in file order, beside other checks (`passOver`): a
 * large file (10.8M QS rows at 20,000 subjects) is read once for all its rules, not once per rule. Each
 * check files its issues in its own list, so that they keep the order one pass per rule gave them.
 */
export interface RowPass<R> {
  readonly issues: Issue[];
  row(row: R, i: number): void;
  /** After the last row. */
  end(): void;
}

/**
 * Runs `passes` over `rows` in one pass, then appends their issues to `issues` pass by pass: the issues
 * of one rule stay together and in the order of the passes, as with one pass over the rows per rule.
 */
export function passOver<R>(rows: Positional<R>, passes: readonly RowPass<R>[], issues: Issue[]): void {
  const n = rows.length;
  const k = passes.length;
  for (let i = 0; i < n; i++) {
    const row = rows.at(i) as R;
    for (let p = 0; p < k; p++) (passes[p] as RowPass<R>).row(row, i);
  }
  for (let p = 0; p < k; p++) {
    const pass = passes[p] as RowPass<R>;
    pass.end();
    // One at a time: spreading a list of millions of issues into push would overflow the stack.
    for (let j = 0; j < pass.issues.length; j++) issues.push(pass.issues[j] as Issue);
  }
}
