// Per-stage wall time of one sample run, in-process (see README "Performance").
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { packageRoot } from '../src/core/package-root.js';
import { readLock, readRandomization } from '../src/lock/index.js';
import { defaultSettingsPath, loadSapSettings } from '../src/sap/index.js';
import { runPipelineAsync } from '../src/pipeline/run-pipeline.js';
import { sha256File } from '../src/lock/index.js';

const t0 = performance.now();
const root = packageRoot();
const settings = loadSapSettings(defaultSettingsPath());
const { lock } = await readLock(join(root, 'data-samples', 'lock'), { draft: false });
const t1 = performance.now();
const rf = join(root, 'data-samples', 'randomization.csv');
const { rows } = await readRandomization(rf, lock!);
const t2 = performance.now();
const marks: [string, number][] = [];
const res = await runPipelineAsync({
  lock: lock!,
  unblinding: { kind: 'randomization', file: rf, sha256: await sha256File(rf), rows: rows ?? [] },
  settings,
  mark: (s) => marks.push([s, performance.now()]),
});
const t3 = performance.now();
console.log(
  `read lock ${(t1 - t0).toFixed(0)} ms, randomization ${(t2 - t1).toFixed(0)} ms, pipeline ${(t3 - t2).toFixed(0)} ms (${res.files.size} files)`,
);
let prev = t2;
for (const [s, t] of marks) {
  console.log(`  ${s}: ${(t - prev).toFixed(0)} ms`);
  prev = t;
}
