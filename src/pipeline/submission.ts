/**
 * The run's submission writer (src/submission/): XPT, Dataset-JSON and Define-XML of every analysis
 * dataset, dated by the lock's `lockedAt`. A draft run (`--draft` on a folder whose lock.json is missing
 * or does not match) writes none of them: submission files are for a locked database only, and a
 * missing lock.json leaves no date to write but the clock's.
 */
import { adamCodelists } from '../derive/metadata/index.js';
import type { Lock } from '../lock/types.js';
import type { SapSettings } from '../sap/index.js';
import { submissionWriter, type SubmissionWriter } from '../submission/submission-files.js';
import { toolVersion } from '../core/package-root.js';

export function runSubmissionWriter(lock: Lock, settings: SapSettings, blinded: boolean): SubmissionWriter | undefined {
  if (lock.draft || lock.manifest === null) return undefined;
  const study = lock.manifest.study;
  return submissionWriter({
    studyOID: study,
    studyName: study,
    studyDescription: `${study} analysis datasets (ADaM), SAP version ${settings.version}`,
    protocolName: study,
    lockedAt: lock.manifest.lockedAt,
    toolName: 'sle-msc',
    toolVersion: toolVersion(),
    originator: 'sle-msc',
    codelists: adamCodelists(settings, blinded),
  });
}
