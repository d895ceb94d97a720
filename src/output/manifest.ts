/**
 * `manifest.json`: what a run read and wrote, deterministic so that two runs on the same input give
 * the same bytes: keys sorted at every level, inputs sorted by name and outputs by path (UTF-16 code
 * units), SHA-256 of every output file, no timestamps or host names, two-space indentation, LF and a
 * trailing newline. Its `"tool": "sle-msc"` marker is how the writer recognises a previous output.
 */
import { createHash } from 'node:crypto';
import { digestOf, type FileDigest } from './output-files.js';
import { checkOutputPath, compareCodeUnits } from './paths.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_TOOL = 'sle-msc';
const MANIFEST_VERSION = 1;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export type BlindingState = 'blinded' | 'randomization' | 'dummy';

export interface ManifestInput {
  readonly toolVersion: string;
  readonly sapVersion: string;
  /** The lock's identifier from lock.json; null in a draft run without one. */
  readonly lockId: string | null;
  readonly draft: boolean;
  readonly blinding: BlindingState;
  /** Required with `blinding: 'dummy'`, forbidden otherwise. */
  readonly dummySeed?: number | string;
  readonly inputs: readonly { readonly name: string; readonly sha256: string }[];
  /**
   * Every output file except the manifest itself: its content, or its size and SHA-256 when it was
   * written as it was made (write-output.ts `stageOutput`).
   */
  readonly outputs: ReadonlyMap<string, string | Uint8Array | FileDigest>;
  /**
   * Outputs listed by path only, without size and hash, because their content legitimately differs
   * between reruns (log.txt's timings): the manifest itself stays byte-identical.
   */
  readonly unhashedOutputs?: readonly string[];
  /**
   * The run's warnings that have a code (analysis issues, stratum deviations): `message` is the rule
   * without its location (which may be a path on this machine), so the manifest stays the same
   * wherever the run is made. Sorted by code, then message.
   */
  readonly warnings?: readonly ManifestWarning[];
}

export interface ManifestWarning {
  readonly code: string;
  readonly message: string;
}

export function sha256Hex(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

function digestOfOutput(content: string | Uint8Array | FileDigest): FileDigest {
  return typeof content === 'string' || content instanceof Uint8Array ? digestOf(content) : content;
}

type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };

/** JSON with object keys in UTF-16 code-unit order at every level. */
export function stableJson(value: Json): string {
  const sortKeys = (v: Json): Json => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v !== null && typeof v === 'object') {
      const o = v as { readonly [k: string]: Json };
      return Object.fromEntries(
        Object.keys(o)
          .sort(compareCodeUnits)
          .map((k) => [k, sortKeys(o[k] as Json)]),
      );
    }
    return v;
  };
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function checkInput(m: ManifestInput): void {
  if ((m.blinding === 'dummy') !== (m.dummySeed !== undefined)) {
    throw new Error('manifest: dummySeed is given exactly when blinding is "dummy"');
  }
  const names = new Set<string>();
  for (const i of m.inputs) {
    if (names.has(i.name)) throw new Error(`manifest: input ${i.name} listed twice`);
    names.add(i.name);
    if (!SHA256_HEX.test(i.sha256)) throw new Error(`manifest: input ${i.name} has no lower-case SHA-256`);
  }
  for (const p of [...m.outputs.keys(), ...(m.unhashedOutputs ?? [])]) {
    checkOutputPath(p);
    if (p === MANIFEST_FILE) throw new Error('manifest: the manifest cannot list itself');
  }
  for (const p of m.unhashedOutputs ?? [])
    if (m.outputs.has(p)) throw new Error(`manifest: ${p} is listed both hashed and unhashed`);
}

/** Size and hash in the manifest's key order, whatever object the digest came in. */
function pickDigest(d: FileDigest): FileDigest {
  if (!SHA256_HEX.test(d.sha256) || !Number.isSafeInteger(d.bytes) || d.bytes < 0)
    throw new Error('manifest: an output digest is not a size and a lower-case SHA-256');
  return { bytes: d.bytes, sha256: d.sha256 };
}

export function buildManifest(m: ManifestInput): string {
  checkInput(m);
  const inputs = [...m.inputs]
    .sort((a, b) => compareCodeUnits(a.name, b.name))
    .map((i) => ({ name: i.name, sha256: i.sha256 }));
  const outputs: { path: string; bytes?: number; sha256?: string; hashed?: boolean }[] = [
    ...[...m.outputs.entries()].map(([path, content]) => ({ path, ...pickDigest(digestOfOutput(content)) })),
    ...(m.unhashedOutputs ?? []).map((path) => ({ path, hashed: false })),
  ].sort((a, b) => compareCodeUnits(a.path, b.path));
  const warnings = [...(m.warnings ?? [])]
    .map((w) => ({ code: w.code, message: w.message }))
    .sort((a, b) => compareCodeUnits(a.code, b.code) || compareCodeUnits(a.message, b.message));
  return stableJson({
    tool: MANIFEST_TOOL,
    manifestVersion: MANIFEST_VERSION,
    toolVersion: m.toolVersion,
    sapVersion: m.sapVersion,
    lockId: m.lockId,
    draft: m.draft,
    blinding: m.blinding,
    ...(m.dummySeed === undefined ? {} : { dummySeed: m.dummySeed }),
    inputs,
    outputs,
    warnings,
  });
}

/**
 * The output paths a previous manifest lists, or null when the text is not an sle-msc manifest
 * (not JSON, no `"tool": "sle-msc"`, or no well-formed `outputs`).
 */
export function readManifestOutputs(text: string): string[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object') return null;
  const o = parsed as { tool?: unknown; outputs?: unknown };
  if (o.tool !== MANIFEST_TOOL || !Array.isArray(o.outputs)) return null;
  const paths: string[] = [];
  for (const entry of o.outputs as unknown[]) {
    const p = (entry as { path?: unknown } | null)?.path;
    if (typeof p !== 'string') return null;
    paths.push(p);
  }
  return paths;
}
