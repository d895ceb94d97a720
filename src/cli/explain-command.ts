/**
 * `sle-msc explain LOCKDIR --subject USUBJID [--randomization FILE]`: one subject's derivations with
 * their source rows. Without the randomization file the arm is never printed.
 */
import { resolve } from 'node:path';
import { EXIT, RunError } from '../core/exit-codes.js';
import { deriveFlares } from '../derive/flares.js';
import { derivePrimary } from '../derive/primary.js';
import { explainSubject } from '../explain/explain-subject.js';
import { sha256File } from '../lock/index.js';
import type { Unblinding } from '../lock/types.js';
import { defaultSettingsPath, loadSapSettings } from '../sap/index.js';
import { printIssues } from './diagnostics.js';
import type { CliIo } from './io.js';
import { loadRunInputs } from './load-inputs.js';

export interface ExplainCommandOptions {
  readonly lockDir: string;
  readonly subject: string;
  readonly randomization: string | null;
  readonly draft: boolean;
}

export async function runExplainCommand(opts: ExplainCommandOptions, io: CliIo): Promise<void> {
  const settings = loadSapSettings(defaultSettingsPath());
  const file = opts.randomization === null ? null : resolve(io.cwd, opts.randomization);
  const { lock, randomization, issues } = await loadRunInputs(resolve(io.cwd, opts.lockDir), file, opts.draft);
  printIssues(io, issues, Number.POSITIVE_INFINITY);
  let unblinding: Unblinding = { kind: 'blinded' };
  if (file !== null && randomization !== null) {
    unblinding = { kind: 'randomization', file, sha256: await sha256File(file), rows: randomization };
  }
  const primary = derivePrimary(lock, unblinding, settings);
  const flares = deriveFlares({ adsl: primary.adsl, bilagGrades: primary.bilagGrades, sv: lock.sv }, settings);
  const text = explainSubject(primary, opts.subject, flares);
  if (text === null) throw new RunError(EXIT.USAGE, `subject ${opts.subject} is not in dm.csv of ${opts.lockDir}`);
  io.stdout(text);
}
