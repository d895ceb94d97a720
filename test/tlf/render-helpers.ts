/** Renders a table spec from hand-written ARD rows as text, for the table tests of this folder. */
import type { ArdRow, Group } from '../../src/ard/types.js';
import type { ArdEndpoint, ArdMethod, ArdStat } from '../../src/ard/vocabulary.js';
import { ardLookup } from '../../src/render/ard-lookup.js';
import { buildPrintForm } from '../../src/render/print-form.js';
import type { StatRef, TableSpec } from '../../src/render/table-spec.js';
import { renderText } from '../../src/render/text.js';
import type { TlfContext } from '../../src/tlf/context.js';

export function tlfCtx(blinding: TlfContext['blinding'] = 'randomization'): TlfContext {
  return {
    blinding,
    draft: false,
    armLabels: { PBO: 'Placebo', MSC1E6: 'MSC 1x10^6 cells/kg', MSC5E6: 'MSC 5x10^6 cells/kg' },
    totalLabel: 'Total',
    includeTotal: true,
  };
}

/** Text rendering (one page per 1,000 lines, so a table is one page). */
export function renderSpec(spec: TableSpec, ard: readonly ArdRow[]): string {
  return renderText(
    buildPrintForm(spec, ardLookup(ard), { flags: { draft: false, dummyRandomization: false }, linesPerPage: 1000 }),
  );
}

/** One ARD row. */
export function ard(
  endpoint: ArdEndpoint,
  param: string,
  visit: string,
  group: Group,
  stat: ArdStat,
  value: number | null,
  comparison?: { method: ArdMethod },
): ArdRow {
  return {
    endpoint,
    param,
    visit,
    population: 'FAS',
    group,
    comparator: comparison ? 'PBO' : '',
    stat,
    method: comparison?.method ?? '',
    value,
  };
}

/** The line of `text` that starts (after indentation) with `label`. */
export function lineOf(text: string, label: string): string {
  const line = text.split('\n').find((l) => l.trimStart().startsWith(label));
  if (line === undefined) throw new Error(`no line ${label}`);
  return line;
}

/**
 * `given` completed with a filler row for every statistic the spec reads and `given` lacks (N = 1,
 * every other statistic 0), so that a test states only the numbers it checks.
 */
export function completeArd(spec: TableSpec, given: readonly ArdRow[]): ArdRow[] {
  const key = (r: Omit<ArdRow, 'value'>) =>
    [r.endpoint, r.param, r.visit, r.population, r.group, r.comparator, r.stat, r.method].join('|');
  const have = new Set(given.map(key));
  const out = [...given];
  const add = (r: Omit<ArdRow, 'value'>) => {
    if (have.has(key(r))) return;
    have.add(key(r));
    out.push({ ...r, value: r.stat === 'N' ? 1 : 0 });
  };
  for (const c of spec.columns)
    if (c.bigN) add({ ...c.bigN.key, group: c.group, stat: c.bigN.stat.stat, method: c.bigN.stat.method ?? '' });
  for (const r of spec.rows) {
    if (r.kind !== 'stat') continue;
    const refs = Object.values(r.format).filter(
      (v): v is StatRef => typeof v === 'object' && v !== null && 'stat' in v,
    );
    for (const c of spec.columns) {
      if (r.columns && !r.columns.includes(c.id)) continue;
      for (const ref of refs) add({ ...r.key, group: c.group, stat: ref.stat, method: ref.method ?? '' });
    }
  }
  return out;
}

/** The FAS count of each group as the ARD gives it (`BASECHAR`/`CSUSE` `N`), the column N of FAS tables. */
export function fasBigNRows(
  blinded: boolean,
  n: Readonly<Record<Group, number>> = { PBO: 27, MSC1E6: 25, MSC5E6: 27, TOTAL: 79 },
): ArdRow[] {
  const groups: Group[] = blinded ? ['TOTAL'] : ['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'];
  return groups.map((g) => ard('BASECHAR', 'CSUSE', '', g, 'N', n[g]));
}
