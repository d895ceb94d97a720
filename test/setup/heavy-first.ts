/**
 * The order the test files start in: vitest's own (integration project first, then unit; within a
 * project longest-last-time or, in a clean clone, largest file first), except that the files known to
 * take longest start first. On two cores a 40-second file started last would end alone, the other
 * core idle: started first, it overlaps everything else. LibreOffice's conversion (rtf-libreoffice)
 * leads, as the longest single job; the others are the files that analyse several locks.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Longest first, as measured (CPU seconds with --maxWorkers=1). A path not listed keeps vitest's order. */
export const HEAVY_FIRST = [
  'test/render/rtf-libreoffice.test.ts',
  'test/cli/spawned-cli.test.ts',
  'test/robustness/degenerate-runs.test.ts',
  'test/e2e/analyze.test.ts',
  'test/pipeline/submission.test.ts',
  'test/cli/main.test.ts',
  'test/contract/cli.test.ts',
  'test/contract/lock.test.ts',
  'test/tlf/figures/trial-figures.test.ts',
  'test/analyze/flares.test.ts',
  'test/render/charts/png-async.test.ts',
  'test/simulate/subject-records.test.ts',
  'test/derive/metadata/conformance.test.ts',
  'test/simulate/simulate-trial.test.ts',
];

const rank = (spec: TestSpecification): number => {
  const path = spec.moduleId.replace(/\\/g, '/');
  const i = HEAVY_FIRST.findIndex((p) => path.endsWith(`/${p}`));
  return i === -1 ? HEAVY_FIRST.length : i;
};

export default class HeavyFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    const position = new Map(base.map((s, i) => [s, i]));
    // Projects stay in vitest's order (a worker is reused only for files of the project it started with).
    const projectOrder = new Map<string, number>();
    for (const s of base) if (!projectOrder.has(s.project.name)) projectOrder.set(s.project.name, projectOrder.size);
    return [...base].sort(
      (a, b) =>
        projectOrder.get(a.project.name)! - projectOrder.get(b.project.name)! ||
        rank(a) - rank(b) ||
        position.get(a)! - position.get(b)!,
    );
  }
}
