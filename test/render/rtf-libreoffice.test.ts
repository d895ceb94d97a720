/**
 * Proof that the RTF pages hold in a word processor: every RTF of the sample's dummy-randomization run
 * is converted to PDF by LibreOffice in one batch, and each must have exactly as many physical pages as
 * its `Page i of n` stamps say, every physical page carrying the output id (trace line and title), the
 * column headers, `Page i of n` and DUMMY RANDOMIZATION. The dummy run makes every output of an
 * unblinded run, laid out by the same code with the same columns (only the numbers and the mark
 * differ), so converting the unblinded run too would double the cost and prove nothing more; the
 * text twins of all three runs (blinded, unblinded, dummy) are checked to fit the page. The listings of
 * more than 30 pages (409 of the run's 671 pages: labs, efficacy data, adverse events) are converted on the pages most
 * at risk of overflowing (`pagesAtRisk`): their first and last page, the tallest pages and, for every
 * column, the page with its widest cell; their other pages have the same layout with fewer or narrower lines.
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

/** Outputs of a run whose .txt has a line wider than the page. */
function tooWideOutputs(files: ReadonlyMap<string, string>): string[] {
  return [...files]
    .filter(([path, text]) => /^(tables|listings)\/.*\.txt$/.test(path) && tooWide(text))
    .map(([path]) => path)
    .sort();
}

/**
 * Listings longer than this are converted on their pages most at risk: the lab listings (118 and 147
 * pages), the efficacy data by assessment (31 to 38) and the adverse events (34). Tables are converted whole.
 */
const LONG = 30;

/** The paragraph that ends every page but the last (src/render/rtf.ts). */
const PAGE_BREAK = /\{\\pard\\plain[^{}]*\\page\\par\}\n/g;

/** Characters a cell prints on its longest line (its leading RTF control words left out, `\uN?` one character). */
function cellWidth(cell: string): number {
  const text = cell.replace(/^(\s*\\[a-z]+-?\d* ?)+/, '');
  return Math.max(...text.split('\\line ').map((l) => l.replace(/\\u-?\d+\?/g, '.').length));
}

/** A page's table rows (header row included), each as its cells' raw RTF; the paragraphs around the table left out. */
function rowsOf(page: string): string[][] {
  return page
    .split(/\\row(?![a-z])/)
    .filter((row) => row.includes('\\intbl'))
    .map((row) =>
      row
        .slice(row.indexOf('\\intbl'))
        .split(/\\cell(?![a-z])/)
        .slice(0, -1),
    );
}

/** Printed lines of a page's table: each row as high as its cell with the most `\line`s. */
function pageHeight(page: string): number {
  return rowsOf(page).reduce((n, cells) => n + Math.max(...cells.map((c) => c.split('\\line ').length)), 0);
}

/**
 * The RTF with only the pages most at risk of spilling onto a second physical page: the first and the
 * last, the 5 tallest (most printed lines), and for every column the page holding its widest cell (a cell
 * LibreOffice would wrap makes its row taller). Each page of a listing is a self-contained table (header
 * row repeated) between page-break paragraphs, so the pages kept are the listing's own bytes; LibreOffice
 * numbers them 1 to n again.
 */
function pagesAtRisk(rtf: string): string {
  const first = rtf.indexOf('\\trowd');
  const end = rtf.lastIndexOf('}');
  const breaks = rtf.slice(first, end).match(PAGE_BREAK) ?? [];
  const pages = rtf.slice(first, end).split(PAGE_BREAK);
  expect(new Set(breaks).size, 'one page-break paragraph').toBe(1);
  const keep = new Set([0, pages.length - 1]);
  const byHeight = pages.map((p, i) => [pageHeight(p), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byHeight.slice(0, 5)) keep.add(i);
  const widest: { width: number; page: number }[] = [];
  pages.forEach((page, i) =>
    rowsOf(page).forEach((cells) =>
      cells.forEach((cell, c) => {
        const width = cellWidth(cell);
        if (width > (widest[c]?.width ?? -1)) widest[c] = { width, page: i };
      }),
    ),
  );
  for (const w of widest) keep.add(w.page);
  const kept = [...keep].sort((a, b) => a - b).map((i) => pages[i]!);
  return rtf.slice(0, first) + kept.join(breaks[0]!) + rtf.slice(end);
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
      const file = join(work, `${run}--${id}.rtf`);
      const rtf = id.startsWith('L-') && stampsOf(content) > LONG ? pagesAtRisk(content) : content;
      writeFileSync(file, rtf);
      written.push({ run, id, file, rtf });
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

describe('RTF outputs fit the landscape page', () => {
  it('no .txt line of any output is wider than the page, blinded, unblinded or dummy (so no cell wraps where the font decides)', () => {
    for (const mode of ['blinded', 'randomization', 'dummy'] as const)
      expect(tooWideOutputs(textFiles(sampleOutput(mode).dir)), mode).toEqual([]);
  });
});

describe.skipIf(!available)('RTF outputs in LibreOffice', () => {
  let converted: Record<string, Converted> = {};
  beforeAll(() => {
    // The sample analysed once for the whole run with --dummy-randomization 7 (test/setup/sample-outputs.ts).
    converted = convert({ dummy: textFiles(sampleOutput('dummy').dir) });
  }, 600_000);

  it('every RTF of the dummy-randomization sample: physical pages = page stamps, each with id, column headers, Page i of n and DUMMY RANDOMIZATION', () => {
    const dummy = converted['dummy'] ?? new Map();
    // Every table and listing of an unblinded run is there.
    const unblinded = [...textFiles(sampleOutput('randomization').dir).keys()].filter((p) => p.endsWith('.rtf'));
    expect([...dummy.keys()].sort()).toEqual(unblinded.map((p) => p.replace(/^.*\//, '').replace(/\.rtf$/, '')).sort());
    checkRun(dummy, true);
  });
});
