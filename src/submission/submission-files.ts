/**
 * The submission files of a run's analysis datasets, all from the same metadata and rows as the CSVs:
 * `adam/<name>.xpt` (SAS transport v5), `adam/<name>.json` (CDISC Dataset-JSON v1.1) and
 * `adam/define.xml` (Define-XML 2.1). Pure: the only time written is the lock date, so the same
 * datasets give the same bytes. Everything is checked before anything is returned: a dataset the
 * writers refuse throws a SubmissionError and no file of the set is produced.
 */
import type { CodeListMeta } from '../derive/dataset-metadata.js';
import type { SubmissionDataset } from './columns.js';
import { writeDatasetJson } from './dataset-json.js';
import { writeDefineXml } from './define-xml.js';
import { writeXpt } from './xpt.js';

export interface SubmissionContext {
  /** ODM Study/@OID and StudyName, e.g. the lock's study id. */
  readonly studyOID: string;
  readonly studyName: string;
  readonly studyDescription: string;
  readonly protocolName: string;
  /** `YYYY-MM-DD` of lock.json: the creation datetime of every file (never the clock). */
  readonly lockedAt: string;
  readonly toolName: string;
  readonly toolVersion: string;
  readonly originator: string;
  /** Every codelist the variables may refer to. */
  readonly codelists: readonly CodeListMeta[];
}

/** `MDV.<study>.ADAMIG.1.3`: the MetaDataVersion OID both Define-XML and Dataset-JSON state. */
export function metaDataVersionOid(studyOID: string): string {
  return `MDV.${studyOID}.ADAMIG.1.3`;
}

/** Output files by relative path (`adam/adsl.xpt`, `adam/adsl.json`, …, `adam/define.xml`). */
export function submissionFiles(datasets: readonly SubmissionDataset[], ctx: SubmissionContext): Map<string, string | Uint8Array> {
  const sourceSystem = { name: ctx.toolName, version: ctx.toolVersion };
  const mdv = metaDataVersionOid(ctx.studyOID);
  const files = new Map<string, string | Uint8Array>();
  for (const { meta, rows } of datasets) {
    const stem = `adam/${meta.name.toLowerCase()}`;
    files.set(`${stem}.xpt`, writeXpt(meta, rows, { lockedAt: ctx.lockedAt, version: ctx.toolVersion, system: ctx.toolName }));
    files.set(
      `${stem}.json`,
      writeDatasetJson(meta, rows, { lockedAt: ctx.lockedAt, studyOID: ctx.studyOID, metaDataVersionOID: mdv, originator: ctx.originator, sourceSystem }),
    );
  }
  files.set('adam/define.xml', writeDefineXml(datasets, { ...ctx, metaDataVersionOID: mdv, sourceSystem }));
  return files;
}
