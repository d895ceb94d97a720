/**
 * Names of files inside an output folder: relative, `/`-separated, without `.`/`..`/empty segments,
 * backslashes or NUL, so that no output can land outside its folder. A bad name is a bug (throws).
 */
const SEGMENT = /^[^/\\\0]+$/;

export function checkOutputPath(relPath: string): void {
  const segments = relPath.split('/');
  const ok = relPath.length > 0 && segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..');
  if (!ok) throw new Error(`not a valid output file name: ${JSON.stringify(relPath)}`);
}

/** UTF-16 code-unit order (plain `<`), the order every listing of this tool uses. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
