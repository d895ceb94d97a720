/** Axis marks shared by the chart types: classic L-shaped axes, centred titles, no arrows. */
import * as Plot from '@observablehq/plot';
import type { AxisSpec } from './figure-spec.js';

export function tickLabel(axis: Pick<AxisSpec, 'ticks' | 'tickLabels' | 'tickDecimals'>, value: number): string {
  const i = axis.ticks.indexOf(value);
  const given = i < 0 ? undefined : axis.tickLabels?.[i];
  // Typographic minus (U+2212), as printed figures use; '-' is a hyphen.
  return given ?? value.toFixed(axis.tickDecimals ?? 0).replace(/^-/, '\u2212');
}

export function axisMarks(
  x: AxisSpec,
  y: Pick<AxisSpec, 'label' | 'ticks' | 'tickLabels' | 'tickDecimals'> & { readonly domain: readonly [number, number] },
): Plot.Markish[] {
  return [
    Plot.gridY([...y.ticks], { stroke: '#d9d9d9', strokeOpacity: 1, strokeWidth: 0.75 }),
    Plot.axisX([...x.ticks], {
      label: x.label,
      labelAnchor: 'center',
      labelArrow: 'none',
      labelOffset: 34,
      tickSize: 5,
      tickFormat: (v: number) => tickLabel(x, v),
    }),
    Plot.axisY([...y.ticks], {
      label: y.label,
      labelAnchor: 'center',
      labelArrow: 'none',
      labelOffset: 46,
      tickSize: 5,
      tickFormat: (v: number) => tickLabel(y, v),
    }),
    Plot.ruleX([x.domain[0]], { stroke: 'black', strokeWidth: 1 }),
    Plot.ruleY([y.domain[0]], { stroke: 'black', strokeWidth: 1 }),
  ];
}
