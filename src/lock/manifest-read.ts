/**
 * The lock.json step of reading a lock: read it, hash the listed files not already read, compare, and
 * give the problems their severity: errors, or warnings in a draft run (which then reads the data anyway
 * and says DRAFT). A domain file listed but absent is left to its reader, whose error stands in draft too.
 */
import { join } from 'node:path';
import { issue, type Issue } from '../core/issues.js';
import { DOMAIN_FILES } from './domains.js';
import { sha256Hex } from './hash.js';
import { checkManifestFiles, MANIFEST_FILE, parseLockManifest } from './manifest.js';
import { MAX_INPUT_BYTES, MAX_MANIFEST_BYTES, readRegularFile } from './read-file.js';
import type { LockManifest } from './types.js';

export interface ManifestCheck {
  /** Null when lock.json is missing or unusable. */
  readonly manifest: LockManifest | null;
  /** True in a draft run whose lock.json is missing or does not match. */
  readonly draft: boolean;
  readonly issues: readonly Issue[];
}

/**
 * `entries` are the names in the lock folder `abs`; `hashes` the SHA-256 of the domain files already
 * read (by name).
 */
export async function checkLockManifest(
  abs: string,
  entries: ReadonlySet<string>,
  hashes: ReadonlyMap<string, string>,
  draft: boolean,
): Promise<ManifestCheck> {
  const problems = await manifestProblems(abs, entries, hashes);
  const issues = draft ? problems.issues.map((i) => ({ ...i, severity: 'warning' as const })) : problems.issues;
  return { manifest: problems.manifest, draft: draft && issues.length > 0, issues };
}

async function manifestProblems(
  abs: string,
  entries: ReadonlySet<string>,
  hashes: ReadonlyMap<string, string>,
): Promise<{ manifest: LockManifest | null; issues: Issue[] }> {
  if (!entries.has(MANIFEST_FILE)) {
    return {
      manifest: null,
      issues: [issue('error', MANIFEST_FILE, 'lock.json is missing: this folder is not a sealed lock')],
    };
  }
  const seal = await readRegularFile(join(abs, MANIFEST_FILE), MAX_MANIFEST_BYTES);
  if (seal.bytes === null) return { manifest: null, issues: [issue('error', MANIFEST_FILE, seal.problem)] };
  const text = seal.bytes.toString('utf8');
  const parsed = parseLockManifest(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (parsed.manifest === null) return parsed;
  const domainFiles: readonly string[] = DOMAIN_FILES;
  // A domain file without a hash was not read: its reader reported why (missing, unreadable, not a
  // regular file), and that is the only problem to report about it.
  const reportedElsewhere = new Set(domainFiles.filter((f) => !hashes.has(f)));
  const actual = new Map(hashes);
  const unreadable: Issue[] = [];
  for (const name of Object.keys(parsed.manifest.files)) {
    if (actual.has(name) || reportedElsewhere.has(name) || !entries.has(name)) continue;
    const { bytes, problem } = await readRegularFile(join(abs, name), MAX_INPUT_BYTES);
    if (bytes !== null) actual.set(name, sha256Hex(bytes));
    else {
      unreadable.push(issue('error', name, `listed in lock.json, but ${problem}`));
      reportedElsewhere.add(name);
    }
  }
  return {
    manifest: parsed.manifest,
    issues: [...unreadable, ...checkManifestFiles(parsed.manifest, actual, domainFiles, reportedElsewhere)],
  };
}
