/**
 * A recorder of the SAP settings keys the code reads (test/sap/settings-keys-read.test.ts): the settings
 * behind a Proxy that adds the path of every leaf fetched through it. A key counts as read only when its
 * value — a leaf: number, string, boolean, null — is fetched; fetching an object or array on the way
 * (`settings.display`) counts for nothing, so passing a sub-object around does not fool it. Arrays are
 * one path (`visits[].day`), and the maps whose keys are data (steroid factors by drug, frequencies by
 * code, PROMIS tables by form) are one path per map (`steroids.prednisoneFactors.*`). The in-process
 * sample runs (test/helpers/sample-run.ts) record through it, so the test reads what they read instead
 * of analysing the sample twice more.
 */

/** Objects whose keys are data, not names the code knows: each is one map. */
export const MAPS = [
  '$.steroids.prednisoneFactors',
  '$.steroids.frequencies',
  '$.promisTables',
  '$.display.derivedPrecision',
];

/** `path` of a child: arrays collapse to `[]`, the keys of a map to `*`. */
export function childPath(parent: string, key: string, isArray: boolean): string {
  if (isArray) return `${parent}[]`;
  return MAPS.includes(parent) ? `${parent}.*` : `${parent}.${key}`;
}

/** Every leaf path of a value. */
export function leafPaths(value: unknown, path: string, out = new Set<string>()): Set<string> {
  if (value === null || typeof value !== 'object') return out.add(path);
  const isArray = Array.isArray(value);
  for (const [k, v] of Object.entries(value)) leafPaths(v, childPath(path, k, isArray), out);
  return out;
}

/**
 * `value` behind a Proxy that adds to `read` the path of every leaf fetched through it. The same object
 * at the same path is always the same Proxy, so code that compares settings objects by identity (or
 * keys a cache by them) sees what it sees without the recorder: the run's outputs stay the same bytes.
 */
export function recording<T>(
  value: T,
  path: string,
  read: Set<string>,
  proxies = new WeakMap<object, Map<string, object>>(),
): T {
  if (value === null || typeof value !== 'object') return value;
  const byPath = proxies.get(value) ?? new Map<string, object>();
  proxies.set(value, byPath);
  const known = byPath.get(path);
  if (known !== undefined) return known as T;
  const isArray = Array.isArray(value);
  const proxy = new Proxy(value, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver) as unknown;
      // Methods, symbols, and `length` of an array are not keys of the file.
      if (typeof key !== 'string' || !Object.hasOwn(target, key) || (isArray && !/^\d+$/.test(key))) return v;
      const p = childPath(path, key, isArray && /^\d+$/.test(key));
      if (v === null || typeof v !== 'object') read.add(p);
      return recording(v, p, read, proxies);
    },
  });
  byPath.set(path, proxy);
  return proxy;
}
