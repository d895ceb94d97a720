/** Rows grouped by subject, keeping their order within each subject (one pass, any data size). */
export function groupBySubject<T extends { readonly USUBJID: string }>(
  rows: readonly T[],
): ReadonlyMap<string, readonly T[]> {
  const out = new Map<string, T[]>();
  // By index, not for…of: V8 compiles this loop (on-stack replacement), and an iterator loop's
  // try/finally made the compiled graph larger.
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as T;
    const list = out.get(r.USUBJID);
    if (list) list.push(r);
    else out.set(r.USUBJID, [r]);
  }
  return out;
}
