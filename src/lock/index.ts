/**
 * Reading and validating a lock and the randomization file (../shared/dts/).
 *
 * - `readLock(dir, { draft })` → `{ lock, issues }`: every domain file and lock.json checked, *all*
 *   issues collected (no cap; the CLI caps printing), sorted by file then line. `lock` is null when any
 *   issue is an error. Throws `RunError(EXIT.NOINPUT)` when `dir` does not exist or is not a readable
 *   folder. A missing domain file is an error issue (exit 65). In a draft run lock.json problems are
 *   warnings and `lock.draft` is true when there was one; data rules stay errors.
 * - `loadLock(dir, { draft })` → `{ lock, issues }` (warnings and notices only), or throws
 *   `RunError(EXIT.DATAERR, message, issues)`.
 * - `readRandomization(file, lock)` / `loadRandomization(file, lock)`: likewise for the unblinding file;
 *   unreadable → `RunError(EXIT.NOINPUT)`. Issues and rows name the file as given (`file` argument).
 * - `sha256File(path)`, `lock.fileHashes`: SHA-256 hex of the files, for the run's manifest.
 *
 * Issue locations: `file` is the name in the lock folder (`qs.csv`, `lock.json`); `line` the physical
 * line where the record starts (header = 1); `column` the column name. A duplicate is reported on its
 * second occurrence, naming the first line; a hash mismatch is reported on the changed data file; a
 * missing subject-level record (no RANDOMIZED milestone, no randomization row) on the subject's DM row
 * or, for the randomization file, without a line.
 */
export { readLock, loadLock, type ReadLockOptions, type ReadLockResult } from './read-lock.js';
export { readRandomization, loadRandomization, ARM_NAMES, type ReadRandomizationResult } from './randomization.js';
export { sha256File, sha256Hex } from './hash.js';
export { formatVisitnum, expectedVisitName, isScheduledVisitnum, SCHEDULED_VISITS } from './visits.js';
export { LAB_TESTS, STEROIDS, DOMAIN_FILES, STUDY } from './domains.js';
export { INSTRUMENTS } from './instruments.js';
export type * from './types.js';
export { ARM_CODES } from './types.js';
