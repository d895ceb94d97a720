/**
 * `index.html`, the entry page of an output folder (cli.md): the run's provenance, then every table,
 * listing and figure by number and title, linked, grouped by ICH E3 section. Self-contained (inline
 * style, no script, no network) and linked by relative paths, so it works wherever the folder is copied.
 * Knows outputs and their numbering, not the trial.
 */
import { escapeHtml } from './html.js';
import { displayNumber } from './page-layout.js';

export type OutputKind = 'table' | 'listing' | 'figure';

export interface CatalogEntry {
  /** Output identifier, e.g. `T-14.2.1`, `L-16.2.6.1`, `F-14.2.1`. */
  readonly id: string;
  readonly title: string;
  readonly kind: OutputKind;
  /** Relative paths of the output's files, the first the one to open (HTML or SVG). */
  readonly files: readonly string[];
}

export interface IndexPageInput {
  readonly heading: string;
  /** Run marks shown at the top in capitals (DRAFT, DUMMY RANDOMIZATION, BLINDED). */
  readonly marks: readonly string[];
  /** Label–value pairs: lock id, tool and SAP versions, blinding… */
  readonly provenance: readonly { readonly label: string; readonly value: string }[];
  readonly inputs: readonly { readonly name: string; readonly sha256: string }[];
  /** Data files of the folder worth a link (ard.csv, define.xml, log.txt, manifest.json…). */
  readonly dataFiles: readonly { readonly path: string; readonly description: string }[];
  readonly entries: readonly CatalogEntry[];
}

/** ICH E3 sections of the outputs, by the number prefix of their id. */
const SECTIONS: readonly { readonly prefix: string; readonly title: string }[] = [
  { prefix: '14.1', title: '14.1 Demographic data and disposition' },
  { prefix: '14.2', title: '14.2 Efficacy data' },
  { prefix: '14.3', title: '14.3 Safety data' },
  { prefix: '16.2.1', title: '16.2.1 Discontinued subjects' },
  { prefix: '16.2.2', title: '16.2.2 Protocol deviations' },
  { prefix: '16.2.3', title: '16.2.3 Subjects excluded from the efficacy analysis' },
  { prefix: '16.2.4', title: '16.2.4 Demographic data' },
  { prefix: '16.2.5', title: '16.2.5 Study infusion' },
  { prefix: '16.2.6', title: '16.2.6 Individual efficacy response data' },
  { prefix: '16.2.7', title: '16.2.7 Adverse event listings' },
  { prefix: '16.2.8', title: '16.2.8 Individual laboratory measurements' },
];

/** The number part of an id (`T-14.2.10.1` → [14, 2, 10, 1]), for numeric ordering. */
function numberOf(id: string): number[] {
  const m = /^[A-Z]+-([0-9.]+)/.exec(id);
  return m === null
    ? []
    : (m[1] as string)
        .split('.')
        .filter((p) => p !== '')
        .map(Number);
}

function compareIds(a: CatalogEntry, b: CatalogEntry): number {
  const na = numberOf(a.id);
  const nb = numberOf(b.id);
  for (let i = 0; i < Math.max(na.length, nb.length); i++) {
    const d = (na[i] ?? -1) - (nb[i] ?? -1);
    if (d !== 0) return d;
  }
  const kinds: OutputKind[] = ['table', 'figure', 'listing'];
  return kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function sectionOf(id: string): string {
  const number = numberOf(id).join('.');
  const hit = [...SECTIONS]
    .sort((x, y) => y.prefix.length - x.prefix.length)
    .find((s) => number === s.prefix || number.startsWith(`${s.prefix}.`));
  return hit?.title ?? 'Other outputs';
}

const KIND_LABEL: Readonly<Record<OutputKind, string>> = { table: 'Table', listing: 'Listing', figure: 'Figure' };

/** `T-14.2.1` → `Table 14.2.1`, as the output's own title line says it. */
export function outputLabel(e: Pick<CatalogEntry, 'id' | 'kind'>): string {
  return `${KIND_LABEL[e.kind]} ${displayNumber(e.id)}`;
}

/** A relative link that survives any file name (each path segment percent-encoded). */
function href(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

const STYLE = `body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:14px;margin:2em auto;max-width:70em;color:#111}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #999}
table{border-collapse:collapse}td,th{padding:.2em .8em .2em 0;text-align:left;vertical-align:top}
.mark{font-weight:bold;color:#a00;letter-spacing:.05em}.num{white-space:nowrap}.fmt a{margin-right:.6em}
code{font-size:.9em}`;

export function renderIndexPage(input: IndexPageInput): string {
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(input.heading)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(input.heading)}</h1>`,
  ];
  for (const m of input.marks) out.push(`<p class="mark">${escapeHtml(m)}</p>`);
  out.push('<h2>Provenance</h2>', '<table>');
  for (const p of input.provenance) out.push(`<tr><th>${escapeHtml(p.label)}</th><td>${escapeHtml(p.value)}</td></tr>`);
  out.push('</table>', '<table>', '<tr><th>Input</th><th>SHA-256</th></tr>');
  for (const i of input.inputs)
    out.push(`<tr><td>${escapeHtml(i.name)}</td><td><code>${escapeHtml(i.sha256)}</code></td></tr>`);
  out.push('</table>');
  if (input.dataFiles.length > 0) {
    out.push('<h2>Data and run files</h2>', '<table>');
    for (const f of input.dataFiles)
      out.push(
        `<tr><td><a href="${href(f.path)}">${escapeHtml(f.path)}</a></td><td>${escapeHtml(f.description)}</td></tr>`,
      );
    out.push('</table>');
  }
  const bySection = new Map<string, CatalogEntry[]>();
  for (const e of [...input.entries].sort(compareIds)) {
    const s = sectionOf(e.id);
    bySection.set(s, [...(bySection.get(s) ?? []), e]);
  }
  for (const [section, entries] of bySection) {
    out.push(`<h2>${escapeHtml(section)}</h2>`, '<table>');
    for (const e of entries) {
      const first = e.files[0];
      const title = first === undefined ? escapeHtml(e.title) : `<a href="${href(first)}">${escapeHtml(e.title)}</a>`;
      const formats = e.files
        .map((f) => `<a href="${href(f)}">${escapeHtml(f.slice(f.lastIndexOf('.') + 1).toUpperCase())}</a>`)
        .join('');
      out.push(
        `<tr id="${escapeHtml(e.id)}"><td class="num">${escapeHtml(outputLabel(e))}</td><td>${title}</td><td class="fmt">${formats}</td></tr>`,
      );
    }
    out.push('</table>');
  }
  out.push('</body>', '</html>');
  return `${out.join('\n')}\n`;
}
