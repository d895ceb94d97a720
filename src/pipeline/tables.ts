/**
 * The run's tables: every table spec of src/tlf, filled from the ARD (the single source of numbers)
 * into a print form, rendered as RTF, HTML and text under `tables/<id>.<ext>`.
 */
import { applyShell } from '../tlf/shells.js';
import type { ArdRow } from '../ard/types.js';
import { ardLookup } from '../render/ard-lookup.js';
import { renderHtmlPieces } from '../render/html.js';
import type { CatalogEntry } from '../render/index-page.js';
import { buildPrintForm } from '../render/print-form.js';
import { LINES_PER_PAGE as PAGE_LINES } from '../render/page-layout.js';
import { renderRtfPieces } from '../render/rtf.js';
import type { TableSpec } from '../render/table-spec.js';
import { renderTextPieces } from '../render/text.js';
import type { SapSettings } from '../sap/index.js';
import { armDisplayLabels, printFlagsOf, type Blinding, type TlfContext } from '../tlf/context.js';
import type { RunTrace } from '../render/print-form.js';
import { sri4TableSpec } from '../tlf/sri4.js';
import { flareTableSpecs } from '../tlf/flares.js';
import { aeOverviewTableSpec } from '../tlf/ae-overview.js';
import { aeSocPtTableSpec, type AeHierarchy } from '../tlf/ae-soc-pt.js';
import { baselineCharacteristicsTableSpec, type BaselinePrecision } from '../tlf/baseline-characteristics.js';
import { dispositionTableSpec } from '../tlf/disposition.js';
import { sledaiTableSpecs } from '../tlf/sledai.js';
import { proTableSpecs } from '../tlf/pro.js';
import { derivedPrecisionOf, sdiTableSpec } from '../tlf/sdi.js';
import { steroidSparingTableSpec } from '../tlf/steroid-sparing.js';
import { steroidCumulativeTableSpec } from '../tlf/steroid-cumulative.js';
import { biomarkerAbnormalTableSpec } from '../tlf/biomarker-abnormal.js';
import { biomarkerShiftTableSpec } from '../tlf/biomarker-shift.js';
import { labTableSpec } from '../tlf/biomarker-lab.js';
import { deviationTableSpec } from '../tlf/deviations.js';
import { conmedTableSpec } from '../tlf/conmed.js';
import { exposureTableSpec } from '../tlf/exposure.js';
import { sri4SensitivityTableSpec } from '../tlf/sri4-sensitivity.js';
import { sri4SubgroupTableSpec } from '../tlf/sri4-subgroups.js';
import { isBlinded } from '../tlf/context.js';
import { siteTableSpec } from '../tlf/sites.js';
import { withWeek52Reconciliation } from '../tlf/flare-reconciliation.js';
import { bilagGradeTableSpec, pgaByVisitTableSpec } from '../tlf/pga-bilag-visits.js';
import { haematologyShiftTableSpec, haematologyTableSpec } from '../tlf/haematology.js';
import { aeRelationshipTableSpec, aeSeverityTableSpec, saeSocPtTableSpec } from '../tlf/ae-detail.js';
import type { Derived } from '../derive/derive-all.js';
import { eachRow } from '../lock/table.js';
import type { Lock, QsRow } from '../lock/types.js';
import { baselinePrecisionWith } from '../tlf/baseline-characteristics.js';
import { aeHierarchy } from '../tlf/ae-soc-pt.js';
import { computeCollectedPrecisions, proPrecisionFrom, proPrecisionPairs } from '../derive/pro-precision.js';
import { computeLabPrecision } from '../derive/lab-results.js';
import { exposurePrecision } from '../tlf/exposure.js';
import { computeTestLabels } from '../derive/lab-panels.js';

/** Layout inputs taken from the data that are not numbers (every number comes from the ARD). */
export interface TableLayout {
  readonly settings: SapSettings;
  /** Data precision d of the collected baseline characteristics (SAP §4.9). */
  readonly baselinePrecision: BaselinePrecision;
  /** Preferred term → system organ class of the TEAEs, to nest PTs under their SOC. */
  readonly aeHierarchy: AeHierarchy;
  /** Data precision d of each PRO score, by score code (src/derive/pro-precision.ts). */
  readonly proPrecision: ReadonlyMap<string, number>;
  /** Data precision d of each lab test, by LBTESTCD (src/derive/lab-results.ts `computeLabPrecision`). */
  readonly labPrecision: ReadonlyMap<string, number>;
  /** Data precision d of the infused volumes (src/tlf/exposure.ts `exposurePrecision`). */
  readonly exposurePrecision: number;
  /** The lock's haematology tests (LBTESTCD, src/derive/lab-panels.ts); none when the lock has none. */
  readonly haematologyTests?: readonly string[];
  /** Display label of each lab test (`LBTEST (unit)`). */
  readonly labLabels?: ReadonlyMap<string, string>;
}

/** The run's table layout, from the lock and its derivations. */
export function tableLayoutOf(lock: Lock, d: Derived, settings: SapSettings): TableLayout {
  // QS a row at a time: `lock.qs` makes a view of every row at once (10.8M at 20,000 subjects, ~0.4 GB).
  const qs: Iterable<QsRow> = { [Symbol.iterator]: () => eachRow(lock.qsRows) };
  // One pass over QS finds the most decimals of PGA and of the PRO scores (~0.3 µs a row for its view).
  const { qscat, testcd } = settings.pga;
  const wanted = proPrecisionPairs(settings);
  wanted.set(qscat, [...(wanted.get(qscat) ?? []), testcd]);
  const collected = computeCollectedPrecisions(qs, wanted);
  return {
    settings,
    baselinePrecision: baselinePrecisionWith(lock.dm, collected.get(qscat)?.get(testcd) ?? 0, settings),
    aeHierarchy: aeHierarchy(d.adae),
    proPrecision: proPrecisionFrom(collected, settings),
    labPrecision: computeLabPrecision(d.biomarkers.labs, settings),
    exposurePrecision: exposurePrecision(lock.ex, settings.exposure.infusedValue),
    haematologyTests: d.haematologyTests,
    labLabels: computeTestLabels(lock.lb),
  };
}

/** Lines on a landscape letter page at 9 pt on an 11 pt line, titles and footnotes included. */
const LINES_PER_PAGE = PAGE_LINES;

export function tlfContext(settings: SapSettings, blinding: Blinding, draft: boolean, trace?: RunTrace): TlfContext {
  return {
    blinding,
    draft,
    armLabels: armDisplayLabels(settings),
    totalLabel: 'Total',
    includeTotal: true,
    ...(trace === undefined ? {} : { trace }),
  };
}

/** Table specs of the run, in TLF order. Tables that compare arms or need the randomization: unblinded runs only. */
export function tableSpecs(ctx: TlfContext, ard: readonly ArdRow[], layout: TableLayout): TableSpec[] {
  return [...eachTableSpec(ctx, ard, layout)];
}

/**
 * tableSpecs one at a time, each made when the one before has been used: all 36 made first (~2 MB for
 * the sample) lived until their table's turn, so the scavenges of the tables stage copied and promoted
 * them.
 */
export function* eachTableSpec(ctx: TlfContext, ard: readonly ArdRow[], layout: TableLayout): Generator<TableSpec> {
  const unblinded = !isBlinded(ctx);
  yield dispositionTableSpec(ctx, ard);
  yield baselineCharacteristicsTableSpec(ctx, ard, layout.settings, layout.baselinePrecision);
  if (unblinded) yield deviationTableSpec(ctx);
  yield conmedTableSpec(ctx, ard, layout.settings);
  yield exposureTableSpec(ctx, layout.exposurePrecision);
  yield siteTableSpec(ctx, ard);
  yield sri4TableSpec(ctx);
  if (unblinded) {
    yield sri4SensitivityTableSpec(ctx);
    yield sri4SubgroupTableSpec(ctx, layout.settings);
  }
  yield* sledaiTableSpecs(ctx, ard, layout.settings);
  for (const spec of flareTableSpecs(ctx, ard)) yield withWeek52Reconciliation(spec);
  yield sdiTableSpec(ctx, derivedPrecisionOf(layout.settings, 'SDI'));
  yield steroidSparingTableSpec(
    ctx,
    layout.settings.analysis.kmDays,
    layout.settings.analysis.steroidDiscontinuationMinDays,
  );
  yield steroidCumulativeTableSpec(ctx, derivedPrecisionOf(layout.settings, 'CSDOSE'));
  yield* proTableSpecs(ctx, ard, layout.settings, layout.proPrecision);
  yield biomarkerAbnormalTableSpec(ctx, layout.settings);
  yield biomarkerShiftTableSpec(ctx, layout.settings);
  yield labTableSpec(ctx, layout.settings, layout.labPrecision);
  yield pgaByVisitTableSpec(ctx, layout.settings);
  yield bilagGradeTableSpec(ctx, layout.settings);
  yield aeOverviewTableSpec(ctx, layout.settings);
  yield aeSocPtTableSpec(ctx, ard, layout.aeHierarchy, layout.settings.meddraVersion);
  yield aeSeverityTableSpec(ctx, ard, layout.aeHierarchy, layout.settings);
  yield aeRelationshipTableSpec(ctx, ard, layout.aeHierarchy, layout.settings);
  yield saeSocPtTableSpec(ctx, ard, layout.aeHierarchy);
  yield haematologyTableSpec(ctx, layout.settings, haematologyPanel(layout));
  yield haematologyShiftTableSpec(ctx, layout.settings, haematologyPanel(layout));
}

function haematologyPanel(layout: TableLayout) {
  return {
    tests: layout.haematologyTests ?? [],
    labels: layout.labLabels ?? new Map<string, string>(),
    precision: layout.labPrecision,
  };
}

/**
 * Renders every table, one after the other, as its files (path and text in pieces, made while they are
 * written: a table's RTF or HTML is never one string, which for the larger ones (0.5 MB) V8 would make
 * in its large-object space); each is also entered in `catalog` (for the entry page) when one is given.
 */
export function* renderTables(
  ard: readonly ArdRow[],
  ctx: TlfContext,
  layout: TableLayout,
  catalog?: CatalogEntry[],
): Generator<readonly [string, Iterable<string>]> {
  const lookup = ardLookup(ard);
  for (const made of eachTableSpec(ctx, ard, layout)) {
    const spec = applyShell(made, layout.settings.display.shells);
    catalog?.push({
      id: spec.id,
      title: spec.titles.join(' \u2014 '),
      kind: 'table',
      files: ['html', 'rtf', 'txt'].map((ext) => `tables/${spec.id}.${ext}`),
    });
    const form = buildPrintForm(spec, lookup, { flags: printFlagsOf(ctx), linesPerPage: LINES_PER_PAGE });
    yield [`tables/${spec.id}.rtf`, renderRtfPieces(form)];
    yield [`tables/${spec.id}.html`, renderHtmlPieces(form)];
    yield [`tables/${spec.id}.txt`, renderTextPieces(form)];
  }
}
