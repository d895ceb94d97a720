/**
 * Global setup of every test run: one temporary root for the whole run, removed when the run ends.
 * TMPDIR points at it before the test workers start, so every `mkdtemp(tmpdir())` of a test (and of the
 * processes tests start: the built CLI, LibreOffice) lands inside it and nothing is left in /tmp.
 * Listed first by each project that has a global setup of its own (so that one's folders land inside
 * too: project setups run before the root config's); the first call makes the root, later ones reuse it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT_VAR = 'SLE_MSC_TEST_TMP';

export default function setup(): () => void {
  if (process.env[ROOT_VAR] !== undefined) return () => undefined;
  const before = process.env['TMPDIR'];
  const root = mkdtempSync(join(tmpdir(), 'sle-msc-test-'));
  process.env[ROOT_VAR] = root;
  process.env['TMPDIR'] = root;
  return () => {
    if (before === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = before;
    delete process.env[ROOT_VAR];
    rmSync(root, { recursive: true, force: true });
  };
}
