/**
 * The bundled sample lock, read and analysed in-process once per test worker (cached; the analysis's
 * result once per test run: shared-sample-result.ts): what analysis tests compare with R fixtures
 * computed from the same sample's ADaM CSVs.
 */
import { join } from 'node:path';
import { packageRoot } from '../../src/core/package-root.js';
import { loadLock, loadRandomization, sha256File } from '../../src/lock/index.js';
import type { Lock, Unblinding } from '../../src/lock/types.js';
import { runPipeline, type PipelineResult } from '../../src/pipeline/run-pipeline.js';
import { defaultSettingsPath, loadSapSettings, type SapSettings } from '../../src/sap/index.js';
import type { ArdRow } from '../../src/ard/types.js';
import { analyzeAll, type AnalysisResult } from '../../src/analyze/analyze-all.js';
import { deriveAll } from '../../src/derive/derive-all.js';
import { recording } from './settings-recorder.js';
import { sharedResult, sharedSampleResult } from './shared-sample-result.js';

export const SAMPLE_LOCK = join(packageRoot(), 'data-samples', 'lock');
export const SAMPLE_RANDOMIZATION = join(packageRoot(), 'data-samples', 'randomization.csv');

/** A pipeline run of the sample, with the SAP settings keys it read (test/helpers/settings-recorder.ts). */
export type SampleResult = PipelineResult & { readonly settingsRead: readonly string[] };

export interface SampleRun {
  readonly lock: Lock;
  readonly settings: SapSettings;
  readonly unblinding: Unblinding;
  readonly result: SampleResult;
}

const cache = new Map<string, Promise<SampleRun>>();

/** A lock read for a run, with the default SAP settings and its randomization file (else blinded). */
export async function runInputs(lockDir: string, randomization?: string): Promise<Omit<SampleRun, 'result'>> {
  const settings = loadSapSettings(defaultSettingsPath());
  const { lock } = await loadLock(lockDir, { draft: false });
  let unblinding: Unblinding = { kind: 'blinded' };
  if (randomization !== undefined) {
    const { rows } = await loadRandomization(randomization, lock);
    unblinding = { kind: 'randomization', file: randomization, sha256: await sha256File(randomization), rows };
  }
  return { lock, settings, unblinding };
}

/** The sample analysed unblinded (with its randomization file) or blinded. */
export function sampleRun(kind: 'unblinded' | 'blinded'): Promise<SampleRun> {
  let run = cache.get(kind);
  if (!run) {
    run = runInputs(SAMPLE_LOCK, kind === 'unblinded' ? SAMPLE_RANDOMIZATION : undefined).then(async (inputs) => ({
      ...inputs,
      // Analysed once per test run, the other workers reading the result (test/helpers/shared-sample-result.ts),
      // with the settings behind the key recorder (the same bytes: settings-recorder.ts).
      result: await sharedSampleResult(kind, inputs, () => {
        const read = new Set<string>();
        const result = runPipeline({ ...inputs, settings: recording(inputs.settings, '$', read) });
        return Object.assign(result, { settingsRead: [...read].sort() });
      }),
    }));
    cache.set(kind, run);
  }
  return run;
}

const analyses = new Map<string, Promise<AnalysisResult>>();

/**
 * analyzeAll on the derivations of the sample run of `kind` (what the pipeline's ARD and figures come
 * from, with the Kaplan–Meier curves), once per test run like sampleRun (shared-sample-result.ts):
 * several files check it.
 */
export function sampleAnalysis(kind: 'unblinded' | 'blinded'): Promise<AnalysisResult> {
  let analysis = analyses.get(kind);
  if (!analysis) {
    analysis = sampleRun(kind).then(({ lock, unblinding, settings }) =>
      sharedResult(`sample-analysis-${kind}`, () =>
        analyzeAll(deriveAll(lock, unblinding, settings), settings, kind === 'blinded'),
      ),
    );
    analyses.set(kind, analysis);
  }
  return analysis;
}

/** The ARD value of one row identity; throws when the row is absent or duplicated. */
export function ardValue(
  ard: readonly ArdRow[],
  key: Partial<Omit<ArdRow, 'value'>> & Pick<ArdRow, 'endpoint' | 'stat'>,
): number | null {
  const full = { param: '', visit: '', comparator: '', method: '', ...key };
  const hits = ard.filter((r) => (Object.keys(full) as (keyof typeof full)[]).every((k) => r[k] === full[k]));
  if (hits.length !== 1) throw new Error(`expected one ARD row for ${JSON.stringify(full)}, found ${hits.length}`);
  return hits[0]!.value;
}
