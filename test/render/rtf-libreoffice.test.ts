/**
 * Proof that the RTF pages hold in a word processor: every RTF of a sample run (unblinded and dummy)
 * is converted to PDF by LibreOffice in one batch per run, and each must have exactly as many physical
 * pages as its `Page i of n` stamps say, every physical page carrying the output id (trace line and
 * title), the column headers and `Page i of n`; a dummy run says DUMMY RANDOMIZATION on every page.
 * Skipped, with a message saying why, where LibreOffice (soffice) or poppler (pdftotext) is absent.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleOutput } from '../helpers/sample-output.js';

function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const available = has('soffice') && has('pdftotext');
if (!available) {
  console.warn(
    'rtf-libreoffice.test.ts: skipped — LibreOffice (soffice) and poppler (pdftotext) are needed to convert the RTF outputs to PDF',
  );
}

const work = mkdtempSync(join(tmpdir(), 'sle-msc-rtf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Converted = Map<string, { rtf: string; pages: string[] }>;

/** Characters of a landscape page line (src/render/page-layout.ts PAGE_CHARS, + 2 for the text margin). */
const PAGE_LINE = 120;

/** Outputs whose .txt has a line wider than the page, by run: their cells would wrap where the word processor decides. */
const wide: Record<string, Set<string>> = {};

function tooWide(text: string | Uint8Array | undefined): boolean {
  return typeof text === 'string' && text.split('\n').some((l) => [...l].length > PAGE_LINE);
}

/** The output folder's text files (what the RTFs and their .txt twins need), by relative path. */
function textFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const path of readdirSync(dir, { recursive: true, encoding: 'utf8' }))
    if (/\.(rtf|txt)$/.test(path)) files.set(path, readFileSync(join(dir, path), 'utf8'));
  return files;
}

/** Writes the runs' RTFs, converts them all in one soffice call, returns each output's PDF pages as text. */
function convert(runs: Record<string, ReadonlyMap<string, string | Uint8Array>>): Record<string, Converted> {
  const pdf = join(work, 'pdf');
  mkdirSync(pdf, { recursive: true });
  const written: { run: string; id: string; file: string; rtf: string }[] = [];
  for (const [run, files] of Object.entries(runs)) {
    for (const [path, content] of files) {
      if (!path.endsWith('.rtf') || typeof content !== 'string') continue;
      const id = path.replace(/^.*\//, '').replace(/\.rtf$/, '');
      if (tooWide(files.get(path.replace(/\.rtf$/, '.txt')))) (wide[run] ??= new Set()).add(id);
      const file = join(work, `${run}--${id}.rtf`);
      writeFileSync(file, content);
      written.push({ run, id, file, rtf: content });
    }
  }
  // A profile of its own: a soffice already running elsewhere (another test, a user) would otherwise
  // take the job over and make this one wait for it.
  const profile = `-env:UserInstallation=file://${join(work, 'profile')}`;
  execFileSync(
    'soffice',
    [profile, '--headless', '--convert-to', 'pdf', '--outdir', pdf, ...written.map((w) => w.file)],
    { stdio: 'ignore', timeout: 560_000 },
  );
  const out: Record<string, Converted> = {};
  for (const w of written) {
    const text = execFileSync('pdftotext', ['-layout', join(pdf, `${w.run}--${w.id}.pdf`), '-'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const pages = text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
    (out[w.run] ??= new Map()).set(w.id, { rtf: w.rtf, pages });
  }
  return out;
}

/**
 * The printed lines of every cell of the output's first header row (the RTF's first `\trhdr` row),
 * lines holding RTF escapes (`\uN?`) left out: each must be on every physical page.
 */
function headerLines(rtf: string): string[] {
  const start = rtf.indexOf('\\trhdr');
  const row = rtf.slice(start, rtf.indexOf('\\row', start));
  const cells = [...row.matchAll(/\\pard\\plain\\intbl\\q[lc][^ ]* (.*?)\\cell/g)].map((m) => m[1] ?? '');
  return cells
    .flatMap((c) => c.split('\\line '))
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.includes('\\'));
}

/** Runs of spaces as one: pdftotext's layout spacing is not the tool's. */
const squeeze = (text: string): string => text.replace(/ +/g, ' ');

function stampsOf(rtf: string): number {
  return rtf.split('\\page\\par}').length;
}

function checkRun(converted: Map<string, { rtf: string; pages: string[] }>, dummy: boolean): void {
  expect(converted.size).toBeGreaterThan(20);
  for (const [id, { rtf, pages }] of converted) {
    const n = stampsOf(rtf);
    expect(pages.length, `${id}: physical pages`).toBe(n);
    const header = headerLines(rtf);
    expect(header.length, `${id}: column headers`).toBeGreaterThan(0);
    const number = id.replace(/^[TL]-/, '');
    pages.forEach((page, i) => {
      const where = `${id} physical page ${i + 1}`;
      expect(page, where).toContain(`Output ${id} |`);
      expect(page, where).toMatch(new RegExp(`(Table|Listing) ${number.replace(/\./g, '\\.')}\\b`));
      expect(page, where).toContain(`Page ${i + 1} of ${n}`);
      for (const line of header) expect(squeeze(page), `${where}: column header`).toContain(squeeze(line));
      if (dummy) expect(page, where).toContain('DUMMY RANDOMIZATION');
    });
  }
}

describe.skipIf(!available)('RTF outputs in LibreOffice', () => {
  let converted: Record<string, Converted> = {};
  beforeAll(() => {
    // The sample analysed once for the whole run, unblinded and with --dummy-randomization 7
    // (test/setup/sample-outputs.ts).
    converted = convert({
      unblinded: textFiles(sampleOutput('randomization').dir),
      dummy: textFiles(sampleOutput('dummy').dir),
    });
  }, 600_000);

  it('unblinded sample: physical pages = page stamps, each with id, column headers and Page i of n', () => {
    checkRun(converted['unblinded'] ?? new Map(), false);
  });

  it('every output fits the landscape page (no .txt line wider than the page, so no cell wraps where the font decides)', () => {
    for (const run of ['unblinded', 'dummy']) expect([...(wide[run] ?? [])].sort(), run).toEqual([]);
  });

  it('dummy-randomization sample: the same, and DUMMY RANDOMIZATION on every physical page', () => {
    checkRun(converted['dummy'] ?? new Map(), true);
  });
});
