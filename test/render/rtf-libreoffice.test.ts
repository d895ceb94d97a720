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
  console.warn('rtf-libreoffice.test.ts: skipped — LibreOffice (soffice) and poppler (pdftotext) are needed to convert the RTF outputs to PDF');
}

const work = mkdtempSync(join(tmpdir(), 'sle-msc-rtf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Converted = Map<string, { rtf: string; pages: string[] }>;

/** Characters of a landscape page line (src/render/page-layout.ts PAGE_CHARS, + 2 for the text margin). */
const PAGE_LINE = 120;

/**
 * Outputs whose natural width is wider than the page (their .txt has longer lines): their cells are
 * squeezed and wrap where LibreOffice's font metrics, not the tool's, decide, so their pages cannot be
 * counted yet. Known gap (issue 9): the wide ICH E3 listings need a layout that fits the page (fewer
 * columns or stacked values). The test pins the list, so a new wide output fails it, and a fixed one
 * must leave it.
 */
const KNOWN_TOO_WIDE = [
  'L-16.2.1', 'L-16.2.3', 'L-16.2.4', 'L-16.2.5', 'L-16.2.6.1', 'L-16.2.6.2', 'L-16.2.6.3', 'L-16.2.7.1', 'L-16.2.7.2',
  'L-16.2.7.3', 'L-16.2.7.4', 'L-16.2.8.1', 'L-16.2.8.2',
];
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
      if (tooWide(files.get(path.replace(/\.rtf$/, '.txt')))) {
        (wide[run] ??= new Set()).add(id);
        continue;
      }
      const file = join(work, `${run}--${id}.rtf`);
      writeFileSync(file, content);
      written.push({ run, id, file, rtf: content });
    }
  }
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', pdf, ...written.map((w) => w.file)], { stdio: 'ignore', timeout: 240_000 });
  const out: Record<string, Converted> = {};
  for (const w of written) {
    const text = execFileSync('pdftotext', ['-layout', join(pdf, `${w.run}--${w.id}.pdf`), '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const pages = text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
    (out[w.run] ??= new Map()).set(w.id, { rtf: w.rtf, pages });
  }
  return out;
}

/** The column headers of the output's first header row, as the RTF's first `\trhdr` row has them. */
function firstHeaderCell(rtf: string): string {
  const row = rtf.slice(rtf.indexOf('\\trhdr'));
  const m = /\\qc[^ ]* ([^\\]+?)(?:\\line |\\cell)/.exec(row);
  return m?.[1]?.trim() ?? '';
}

function stampsOf(rtf: string): number {
  return rtf.split('\\page\\par}').length;
}

function checkRun(converted: Map<string, { rtf: string; pages: string[] }>, dummy: boolean): void {
  expect(converted.size).toBeGreaterThan(20);
  for (const [id, { rtf, pages }] of converted) {
    const n = stampsOf(rtf);
    expect(pages.length, `${id}: physical pages`).toBe(n);
    const header = firstHeaderCell(rtf);
    expect(header, `${id}: a column header`).not.toBe('');
    const number = id.replace(/^[TL]-/, '');
    pages.forEach((page, i) => {
      const where = `${id} physical page ${i + 1}`;
      expect(page, where).toContain(`Output ${id} |`);
      expect(page, where).toMatch(new RegExp(`(Table|Listing) ${number.replace(/\./g, '\\.')}\\b`));
      expect(page, where).toContain(`Page ${i + 1} of ${n}`);
      expect(page, where).toContain(header);
      if (dummy) expect(page, where).toContain('DUMMY RANDOMIZATION');
    });
  }
}

describe.skipIf(!available)('RTF outputs in LibreOffice', () => {
  let converted: Record<string, Converted> = {};
  beforeAll(() => {
    // The sample analysed once for the whole run, unblinded and with --dummy-randomization 7
    // (test/setup/sample-outputs.ts).
    converted = convert({ unblinded: textFiles(sampleOutput('randomization').dir), dummy: textFiles(sampleOutput('dummy').dir) });
  }, 240_000);

  it('unblinded sample: physical pages = page stamps, each with id, column headers and Page i of n', () => {
    checkRun(converted['unblinded'] ?? new Map(), false);
  });

  it('only the known too-wide listings are left out of the page count (issue 9 gap)', () => {
    for (const run of ['unblinded', 'dummy']) expect([...(wide[run] ?? [])].sort(), run).toEqual([...KNOWN_TOO_WIDE].sort());
  });

  it('dummy-randomization sample: the same, and DUMMY RANDOMIZATION on every physical page', () => {
    checkRun(converted['dummy'] ?? new Map(), true);
  });
});
