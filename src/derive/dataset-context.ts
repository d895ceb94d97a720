/**
 * What `makeDataset` needs beyond a dataset's own records: each subject's ADSL values (identifiers,
 * treatment, population flags, as ADSL writes them, so blinded the same way), the run's codelists
 * (PARAM from PARAMCD, AVISITN from AVISIT) and whether the run is blinded (arm codelists dropped).
 */
import type { SapSettings } from '../sap/index.js';
import { toAdslDataset, type AdslRecord } from './adsl.js';
import type { Cell } from './dataset.js';
import type { DatasetMeta } from './dataset-metadata.js';
import { adamCodelists, metaForRun } from './metadata/codelists.js';

export interface DatasetContext {
  readonly blinded: boolean;
  readonly settings: SapSettings;
  /** The metadata as this run writes it. */
  forRun(meta: DatasetMeta): DatasetMeta;
  /** ADSL's `variable` of `usubjid`; a subject not in ADSL is a bug of the caller (`dataset` names it). */
  subjectValue(usubjid: string, variable: string, dataset: string): Cell;
  /** The decode of `code` in codelist `id` (PARAM of a PARAMCD); null for a null code. */
  decode(id: string, code: Cell): Cell;
  /** The (numeric) code whose decode is `decode` in codelist `id` (AVISITN of an AVISIT); null when none. */
  encode(id: string, decode: Cell): Cell;
}

export function makeDatasetContext(
  adsl: readonly AdslRecord[],
  blinded: boolean,
  settings: SapSettings,
): DatasetContext {
  const subjects = new Map(toAdslDataset(adsl, blinded, settings).rows.map((r) => [String(r.USUBJID), r]));
  const codelists = new Map(adamCodelists(settings, blinded).map((c) => [c.id, c]));
  const decodes = new Map<string, ReadonlyMap<string, string>>();
  const codes = new Map<string, ReadonlyMap<string, Cell>>();
  let lastId: string | undefined;
  let lastRow: Readonly<Record<string, Cell>> | undefined;
  const codelist = (id: string) => {
    const c = codelists.get(id);
    if (c === undefined) throw new Error(`codelist ${id} is not defined`);
    return c;
  };
  return {
    blinded,
    settings,
    forRun: (meta) => metaForRun(meta, blinded),
    subjectValue(usubjid, variable, dataset) {
      // Records come grouped by subject and ask for several variables each: remember the last subject.
      if (usubjid !== lastId) {
        lastId = usubjid;
        lastRow = subjects.get(usubjid);
      }
      const row = lastRow;
      if (row === undefined) throw new Error(`dataset ${dataset}: subject ${usubjid} is not in ADSL`);
      const v = row[variable];
      if (v === undefined) throw new Error(`dataset ${dataset}: ADSL has no variable ${variable}`);
      return v;
    },
    decode(id, code) {
      if (code === null) return null;
      let m = decodes.get(id);
      if (m === undefined) decodes.set(id, (m = new Map(codelist(id).items.map((i) => [i.code, i.decode ?? i.code]))));
      const d = m.get(String(code));
      if (d === undefined) throw new Error(`codelist ${id} has no term ${String(code)}`);
      return d;
    },
    encode(id, decode) {
      if (decode === null) return null;
      let m = codes.get(id);
      if (m === undefined) {
        const c = codelist(id);
        m = new Map(c.items.map((i) => [i.decode ?? i.code, c.dataType === 'text' ? i.code : Number(i.code)]));
        codes.set(id, m);
      }
      return m.get(String(decode)) ?? null;
    },
  };
}
