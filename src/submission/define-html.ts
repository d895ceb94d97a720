/**
 * A plain readable rendering of the Define-XML content (`adam/define.html`), for a reviewer without the
 * CDISC stylesheet: the datasets with their class, structure, keys and file; per dataset its variables
 * (type, length, format, codelist, origin, derivation); the codelists. Written from the same described
 * datasets as define.xml, so the two cannot disagree. Static, no script, well-formed (XHTML-compatible).
 */
import type { CodeListMeta, VariableMeta } from '../derive/dataset-metadata.js';
import type { Described } from './define-xml.js';
import { xptFileName } from './define-xml.js';

export interface DefineHtmlContext {
  readonly studyName: string;
  readonly studyDescription: string;
  readonly lockedAt: string;
  /** The codelists in use, as define.xml lists them. */
  readonly codelists: readonly CodeListMeta[];
}

const STYLE =
  'body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;margin-bottom:1.5em}' +
  'th,td{border:1px solid #999;padding:2px 6px;text-align:left;vertical-align:top}th{background:#eee}';

export function writeDefineHtml(described: readonly Described[], ctx: DefineHtmlContext): string {
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"/><title>${esc(ctx.studyName)} define</title><style>${STYLE}</style></head>`,
    '<body>',
    `<h1>${esc(ctx.studyName)}: analysis data definitions</h1>`,
    `<p>${esc(ctx.studyDescription)}. Define-XML 2.1 (define.xml), ADaMIG 1.3; database lock ${esc(ctx.lockedAt)}.</p>`,
    '<h2>Datasets</h2>',
    table(
      ['Dataset', 'Label', 'Class', 'Structure', 'Keys', 'Location'],
      described.map((d) => [
        `<a href="#${esc(d.meta.name)}">${esc(d.meta.name)}</a>`,
        esc(d.meta.label),
        esc(d.meta.class),
        esc(d.meta.structure),
        esc(d.meta.keys.join(', ')),
        `<a href="${esc(xptFileName(d.meta))}">${esc(xptFileName(d.meta))}</a>`,
      ]),
    ),
  ];
  for (const d of described) {
    out.push(`<h2 id="${esc(d.meta.name)}">${esc(d.meta.name)}: ${esc(d.meta.label)}</h2>`);
    out.push(
      table(
        ['Variable', 'Label', 'Type', 'Length', 'Format', 'Codelist', 'Origin', 'Source / derivation'],
        d.specs.map((s) => [
          esc(s.meta.name),
          esc(s.meta.label),
          esc(s.meta.type),
          String(s.length),
          esc(s.meta.displayFormat ?? ''),
          s.meta.codelist === undefined ? '' : `<a href="#${esc(s.meta.codelist)}">${esc(s.meta.codelist)}</a>`,
          esc(s.meta.origin),
          esc(originText(s.meta)),
        ]),
      ),
    );
  }
  out.push('<h2>Codelists</h2>');
  for (const cl of ctx.codelists) {
    out.push(`<h3 id="${esc(cl.id)}">${esc(cl.id)}: ${esc(cl.name)} (${esc(cl.dataType)})</h3>`);
    out.push(
      table(
        ['Code', 'Decode'],
        cl.items.map((i) => [esc(i.code), esc(i.decode ?? '')]),
      ),
    );
  }
  out.push('</body>', '</html>', '');
  return out.join('\n');
}

function originText(v: VariableMeta): string {
  return [v.source, v.derivation].filter((x) => x !== undefined && x !== '').join(': ');
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const th = `<tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`;
  const trs = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`);
  return ['<table>', th, ...trs, '</table>'].join('\n');
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}
