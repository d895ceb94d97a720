import { describe, expect, it } from 'vitest';
import { DATASET_MAKERS, adamDatasetMakers, datasetFile } from '../../src/derive/adam-datasets.js';
import { adamDatasetMetadata } from '../../src/derive/metadata/index.js';
import { sampleRun } from '../helpers/sample-run.js';
import { deriveAll } from '../../src/derive/derive-all.js';

describe('the dataset registry', () => {
  it('has a maker for every dataset of the metadata and none without metadata', async () => {
    const { settings } = await sampleRun('blinded');
    expect(Object.keys(DATASET_MAKERS).sort()).toEqual(
      adamDatasetMetadata(settings, false)
        .map((m) => m.name)
        .sort(),
    );
  });

  it('writes the metadata datasets in its order under adam/<name>.csv; a blinded run has no addv', async () => {
    for (const kind of ['unblinded', 'blinded'] as const) {
      const { lock, unblinding, settings, result } = await sampleRun(kind);
      const entries = adamDatasetMakers(deriveAll(lock, unblinding, settings), settings);
      expect(entries.map((e) => e.file)).toEqual(
        adamDatasetMetadata(settings, kind === 'blinded').map((m) => datasetFile(m.name)),
      );
      expect(entries.map((e) => e.file)).toEqual(
        [...result.files.keys()].filter((p) => p.startsWith('adam/') && p.endsWith('.csv')),
      );
      expect(entries.some((e) => e.file === 'adam/addv.csv')).toBe(kind === 'unblinded');
    }
  });
});
