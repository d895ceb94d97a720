/**
 * Every key of sap/settings.json is read by the code, or listed below as an explicit exception with the
 * reason (issue 12: a key validated but never read while its value is hard-coded elsewhere is a trap —
 * changing it would change nothing).
 *
 * How: the sample is run through the pipeline, unblinded and blinded, with the settings behind a
 * recording Proxy (test/helpers/settings-recorder.ts; the runs are the in-process sample runs other tests
 * read, test/helpers/sample-run.ts). A key counts as read only when its value — a leaf: number, string,
 * boolean, null — is fetched; fetching an object or array on the way (`settings.display`) counts for
 * nothing, so passing a sub-object around does not fool the test. Arrays are one path (`visits[].day`),
 * and the maps whose keys are data (steroid factors by drug, frequencies by code, PROMIS tables by form)
 * are one path per map (`steroids.prednisoneFactors.*`): a lookup of any of their entries reads the map.
 * The pipeline is deterministic, so the set read is the same on every run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/package-root.js';
import type { SapSettings } from '../../src/sap/index.js';
import { sampleRun } from '../helpers/sample-run.js';
import { leafPaths, recording } from '../helpers/settings-recorder.js';

/**
 * Keys not read by the pipeline, each with why; `source` (when given) must contain `text`. An exception
 * the pipeline does read is stale and fails the test, unless `mayBeRead` (work in flight elsewhere).
 */
const EXCEPTIONS: readonly { path: string; why: string; source?: string; text?: string; mayBeRead?: true }[] = [
  { path: '$.$comment', why: 'documentation of the file for its reader' },
  // The PROMIS raw → T-score tables are read when the settings are loaded, and checked against the items' range.
  { path: '$.pro.promis[].table', why: 'read when the file is loaded', source: 'src/sap/settings.ts', text: 'form.table' },
  { path: '$.pro.promis[].itemMin', why: 'read when the file is loaded', source: 'src/sap/settings.ts', text: 'form.itemMin' },
  { path: '$.pro.promis[].itemMax', why: 'read when the file is loaded', source: 'src/sap/settings.ts', text: 'form.itemMax' },
  // Standard errors of the published T-score tables: reference data kept with the table, not used by the SAP.
  { path: '$.promisTables.*[].se', why: 'reference data of the PROMIS lookup tables' },
  // Fixed by the data contract or the renderer: the loader refuses a file that says otherwise
  // (src/sap/fixed-settings.ts; test/sap/fixed-settings.test.ts), so none can be changed in vain.
  ...[
    ['$.referenceArm', 's.referenceArm'],
    ['$.totalGroup', 's.totalGroup'],
    ['$.steroids.ongoing', 's.steroids.ongoing'],
    ['$.pga.min', 's.pga.min'],
    ['$.pga.max', 's.pga.max'],
    ['$.pga.maxDecimals', 's.pga.maxDecimals'],
    ['$.sdi.systems[].max', 'x.max'],
    ['$.display.percentDecimals', 's.display.percentDecimals'],
    ['$.display.ratioDecimals', 's.display.ratioDecimals'],
    ['$.display.pValueDecimals', 's.display.pValueDecimals'],
    ['$.display.notEstimable', 's.display.notEstimable'],
  ].map(([path, text]) => ({ path: path!, why: 'fixed by the contract or the renderer; checked when loaded', source: 'src/sap/fixed-settings.ts', text: text! })),
  // Names for the reader of the file: no output has a row per SDI system or SLEDAI-2K descriptor.
  { path: '$.sdi.systems[].name', why: 'label for the reader of the file' },
  { path: '$.sledai.descriptors[].name', why: 'label for the reader of the file' },
  // The NB → Poisson switch at θ > nbThetaMax moves from numerics/ to a parameter in issue 13's branch.
  { path: '$.analysis.nbThetaMax', why: 'read by the rate model once numerics takes it as a parameter (issue 13)', mayBeRead: true },
];

/** The settings as the code sees them, without what the loader adds about the file itself. */
function settingsKeys(settings: SapSettings): Set<string> {
  const { path: _file, ...rest } = settings;
  return leafPaths(rest, '$');
}

describe('every key of sap/settings.json is read by the code or an explained exception', async () => {
  // The sample's in-process runs, unblinded and blinded, record what they read (test/helpers/sample-run.ts).
  const unblinded = await sampleRun('unblinded');
  const blinded = await sampleRun('blinded');
  const read = new Set([...unblinded.result.settingsRead, ...blinded.result.settingsRead]);
  const all = settingsKeys(unblinded.settings);

  it('the recorder counts leaves only, per array and per map', () => {
    const probe = new Set<string>();
    const s = recording(unblinded.settings, '$', probe);
    void s.display;
    void s.visits.map((v) => v);
    expect([...probe]).toEqual([]);
    void s.visits[0]!.day;
    void s.steroids.prednisoneFactors['PREDNISONE'];
    void s.steroids.prednisoneFactors['NOT A DRUG'];
    expect([...probe].sort()).toEqual(['$.steroids.prednisoneFactors.*', '$.visits[].day']);
  });

  it('reads every key that is not an exception', () => {
    const excepted = new Set(EXCEPTIONS.map((e) => e.path));
    const unread = [...all].filter((p) => !read.has(p) && !excepted.has(p)).sort();
    expect(unread).toEqual([]);
  });

  it('lists only exceptions that exist, and their readers where it says so', () => {
    for (const e of EXCEPTIONS) {
      expect(all.has(e.path), e.path).toBe(true);
      if (e.source !== undefined) expect(readFileSync(join(packageRoot(), e.source), 'utf8'), e.path).toContain(e.text);
      if (e.mayBeRead !== true) expect(read.has(e.path), `${e.path} is read: remove its exception`).toBe(false);
    }
  });
});
