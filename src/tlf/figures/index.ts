/**
 * The figures of a run as specs (SAP order: the trial figures, then the SRI-4 forest plot when
 * unblinded) and their entries in the output catalogue; src/render/charts/ draws them.
 */
import type { CatalogEntry } from '../../render/index-page.js';
import { FIGURES_FOLDER, type FigureSpec } from '../../render/charts/figure-spec.js';
import { sri4ForestFigureSpec } from './sri4-forest.js';
import { trialFigureSpecs, type TrialFigureInput } from './trial-figures.js';

export function figureSpecs(input: TrialFigureInput): FigureSpec[] {
  const forest = sri4ForestFigureSpec(input);
  return [...trialFigureSpecs(input), ...(forest === null ? [] : [forest])];
}

/** A figure's catalog entry: its titles without the `Figure <id>` line the picture itself carries. */
export function figureCatalogEntry(spec: FigureSpec): CatalogEntry {
  const title = spec.titles.filter((t) => t !== `Figure ${spec.id}`).join(' \u2014 ');
  return {
    id: spec.id,
    title,
    kind: 'figure',
    files: ['svg', 'png'].map((ext) => `${FIGURES_FOLDER}/${spec.id}.${ext}`),
  };
}
