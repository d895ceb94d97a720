/**
 * `sle-msc explain LOCKDIR --subject USUBJID [--randomization FILE]`: one subject's derivations with
 * their source rows. Without the randomization file the arm is never printed.
 */
import { resolve } from 'node:path';
import { EXIT, RunError } from '../core/exit-codes.js';
import { deriveFlares } from '../derive/flares.js';
import { derivePrimary } from '../derive/primary.js';
import { explainSubject } from '../explain/explain-subject.js';
import { loadLock, loadRandomization, sha256File } from '../lock/index.js';
import type { Unblinding } from '../lock/types.js';
import { defaultSettingsPath, loadSapSettings } from '../sap/index.js';
import { printIssues } from './diagnostics.js';
import type { CliIo } from './io.js';

export interface ExplainCommandOptions {
  readonly lockDir: string;
  readonly subject: string;
  readonly randomization: string | null;
  readonly draft: boolean;
}

export async function runExplainCommand(opts: ExplainCommandOptions, io: CliIo): Promise<void> {
  const settings = loadSapSettings(defaultSettingsPath());
  const { lock, issues } = await loadLock(resolve(io.cwd, opts.lockDir), { draft: opts.draft });
  printIssues(io, issues, Number.POSITIVE_INFINITY);
  let unblinding: Unblinding = { kind: 'blinded' };
  if (opts.randomization !== null) {
    const file = resolve(io.cwd, opts.randomization);
    const { rows } = await loadRandomization(file, lock);
    unblinding = { kind: 'randomization', file, sha256: await sha256File(file), rows };
  }
  const primary = derivePrimary(lock, unblinding, settings);
  const flares = deriveFlares({ adsl: primary.adsl, bilagGrades: primary.bilagGrades, sv: lock.sv }, settings);
  const text = explainSubject(primary, opts.subject, flares);
  if (text === null) throw new RunError(EXIT.USAGE, `subject ${opts.subject} is not in dm.csv of ${opts.lockDir}`);
  io.stdout(text);
}
