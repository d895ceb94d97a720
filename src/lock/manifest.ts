/**
 * `lock.json`, the seal data management puts on a lock (../shared/dts/lock.md §lock.json): its shape,
 * `study` = SLEMSC01, `blinded` = true, every domain file listed, every listed file present with exactly
 * the recorded SHA-256. Pure functions over text and hashes; `read-lock.ts` does the file access and
 * decides the severity (errors, or warnings in a draft run).
 */
import { isValidIsoDate } from '../core/dates.js';
import { issue, type Issue } from '../core/issues.js';
import { STUDY } from './domains.js';
import type { LockManifest } from './types.js';

export const MANIFEST_FILE = 'lock.json';

const SHA256_HEX = /^[0-9a-fA-F]{64}$/;
const PLAIN_NAME = /^[^/\\]+$/;

const problem = (rule: string): Issue => issue('error', MANIFEST_FILE, rule);

/** The manifest when lock.json is well formed and says what a lock must; otherwise null and the issues. */
export function parseLockManifest(text: string): { manifest: LockManifest | null; issues: Issue[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { manifest: null, issues: [problem(`not valid JSON: ${e instanceof Error ? e.message : String(e)}`)] };
  }
  if (!isRecord(json)) return { manifest: null, issues: [problem('must be a JSON object')] };
  const issues: Issue[] = duplicateKeys(text).map((path) =>
    problem(
      `${path.map((k) => JSON.stringify(k)).join(' → ')} is given twice: a key must appear once (JSON.parse would keep the last silently)`,
    ),
  );
  const { study, lockId, lockedAt, blinded, files } = json;
  if (study !== STUDY) issues.push(problem(`"study" must be "${STUDY}", not ${JSON.stringify(study)}`));
  if (typeof lockId !== 'string' || lockId === '') issues.push(problem('"lockId" must be a non-empty string'));
  if (typeof lockedAt !== 'string' || !isValidIsoDate(lockedAt)) {
    issues.push(problem(`"lockedAt" must be an ISO date (YYYY-MM-DD), not ${JSON.stringify(lockedAt)}`));
  }
  if (blinded !== true)
    issues.push(
      problem(`"blinded" must be true (a lock never carries treatment codes), not ${JSON.stringify(blinded)}`),
    );
  const fileHashes: Record<string, string> = {};
  if (!isRecord(files)) issues.push(problem('"files" must be an object of file name → SHA-256 hex'));
  else {
    for (const [name, hash] of Object.entries(files)) {
      if (!PLAIN_NAME.test(name) || name === '.' || name === '..') {
        issues.push(problem(`"files": ${JSON.stringify(name)} is not a file name in the lock folder`));
      } else if (typeof hash !== 'string' || !SHA256_HEX.test(hash)) {
        issues.push(problem(`"files": the hash of ${name} must be 64 hexadecimal digits (SHA-256)`));
      } else fileHashes[name] = hash.toLowerCase();
    }
  }
  if (issues.length > 0) return { manifest: null, issues };
  return {
    manifest: {
      study: STUDY,
      lockId: lockId as string,
      lockedAt: lockedAt as string,
      blinded: true,
      files: fileHashes,
    },
    issues,
  };
}

/**
 * Compares the manifest with the folder: `required` files must be listed; each listed file must exist
 * (`actual` maps a name to its hash, or lacks it when the file is absent) with the recorded hash. A
 * listed file in `reportedElsewhere` that is absent is not reported here (its reader reports it).
 */
export function checkManifestFiles(
  manifest: LockManifest,
  actual: ReadonlyMap<string, string>,
  required: readonly string[],
  reportedElsewhere: ReadonlySet<string>,
): Issue[] {
  const issues: Issue[] = [];
  for (const name of required) {
    if (!(name in manifest.files)) issues.push(problem(`${name} is not listed in "files"`));
  }
  for (const [name, expected] of Object.entries(manifest.files)) {
    const hash = actual.get(name);
    if (hash === undefined) {
      if (!reportedElsewhere.has(name)) issues.push(problem(`${name} is listed but not in the lock folder`));
    } else if (hash !== expected) {
      issues.push(
        issue('error', name, `SHA-256 ${hash} differs from lock.json (${expected}): the file changed after the lock`),
      );
    }
  }
  return issues;
}

interface Frame {
  /** Keys seen so far, for an object; null for an array. */
  readonly keys: Set<string> | null;
  readonly path: readonly string[];
  expectKey: boolean;
  lastKey: string;
}

/**
 * The keys given twice in one object of `text`, which must be valid JSON (parse it first), each as its
 * path of keys from the top. A token walk: strings, and the brackets, colons and commas between them.
 */
export function duplicateKeys(text: string): string[][] {
  const out: string[][] = [];
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '"') {
      const end = stringEnd(text, i);
      if (top?.keys != null && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) out.push([...top.path, key]);
        top.keys.add(key);
        top.lastKey = key;
        top.expectKey = false;
      }
      i = end;
    } else if (c === '{' || c === '[') {
      const path = top === undefined ? [] : top.keys === null ? top.path : [...top.path, top.lastKey];
      stack.push({ keys: c === '{' ? new Set() : null, path, expectKey: c === '{', lastKey: '' });
    } else if (c === '}' || c === ']') stack.pop();
    else if (c === ',' && top?.keys != null) top.expectKey = true;
  }
  return out;
}

/** Index of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
