/** Rows grouped by subject, keeping their order within each subject (one pass, any data size). */
export function groupBySubject<T extends { readonly USUBJID: string }>(
  rows: readonly T[],
): ReadonlyMap<string, readonly T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.USUBJID);
    if (list) list.push(r);
    else out.set(r.USUBJID, [r]);
  }
  return out;
}
