import { readFileSync } from 'node:fs';

/** test/fixtures/binary/binary.json, written by make-binary.R (R 4.2.2, ratesci 1.0.0) with %.17g. */
export interface Bounds {
  lower: (number | null)[];
  upper: (number | null)[];
}
export interface BinaryFixture {
  tables: { x1: number[]; n1: number[]; x2: number[]; n2: number[] };
  mn: Bounds & { lower90: number[]; upper90: number[]; chisq: number[]; p: number[] };
  newcombe: Bounds & { ratesci_lower: number[]; ratesci_upper: number[] };
  fisher: number[];
  singles: { x: number[]; n: number[]; wilson95: Bounds; wilson90: Bounds; cp95: Bounds; cp99: Bounds };
  cmh: {
    strata: [number, number, number, number][];
    statistic: [number];
    p: [number];
    estimate: [number];
    ci95: [number, number];
    ci90: [number, number];
  }[];
}

export const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/binary/binary.json', import.meta.url), 'utf8'),
) as BinaryFixture;

/** The two-arm tables of the fixture as (x1, n1, x2, n2, index). */
export function eachTable(f: (x1: number, n1: number, x2: number, n2: number, i: number) => void): void {
  const t = fixture.tables;
  t.x1.forEach((x1, i) => f(x1, t.n1[i] as number, t.x2[i] as number, t.n2[i] as number, i));
}
