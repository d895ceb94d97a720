/**
 * The submission files of a run's analysis datasets, all from the same metadata and rows as the CSVs:
 * `adam/<name>.xpt` (SAS transport v5), `adam/<name>.json` (CDISC Dataset-JSON v1.1) and
 * `adam/define.xml` (Define-XML 2.1). Pure: the only time written is the lock date, so the same
 * datasets give the same bytes. A dataset the writers refuse throws a SubmissionError (a bug upstream:
 * the rows come from the derivations); the run then writes nothing, as for any other error.
 */
import type { CodeListMeta } from '../derive/dataset-metadata.js';
import type { SubmissionDataset } from './columns.js';
import { writeDatasetJsonPieces } from './dataset-json.js';
import { writeDefineHtml } from './define-html.js';
import { defineXmlOf, describe, referencedCodelists, type Described } from './define-xml.js';
import { writeXptPieces } from './xpt.js';

export interface SubmissionContext {
  /** ODM Study/@OID, e.g. the lock's study id. */
  readonly studyOID: string;
  readonly studyName: string;
  readonly studyDescription: string;
  readonly protocolName: string;
  /** `YYYY-MM-DD` of lock.json: the creation datetime of every file (never the clock). */
  readonly lockedAt: string;
  readonly toolName: string;
  readonly toolVersion: string;
  readonly originator: string;
  /** Every codelist the variables may refer to; define.xml lists those in use. */
  readonly codelists: readonly CodeListMeta[];
}

export type SubmissionFile = string | Uint8Array;
/** A submission file in pieces: the XPT's bytes or the Dataset-JSON's text. */
export type SubmissionPieces = Iterable<Uint8Array> | Iterable<string>;

/** `MDV.<study>.ADAMIG.1.3`: the MetaDataVersion OID both Define-XML and Dataset-JSON state. */
export function metaDataVersionOid(studyOID: string): string {
  return `MDV.${studyOID}.ADAMIG.1.3`;
}

/**
 * Writes the files of one dataset at a time and define.xml at the end, keeping only the column specs
 * of the datasets seen: a pipeline can drop each dataset's rows once its files are made.
 */
export interface SubmissionWriter {
  /** `adam/<name>.xpt` and `adam/<name>.json` of one dataset. */
  add(dataset: SubmissionDataset): Map<string, SubmissionFile>;
  /**
   * The same files as pieces made while they are written (writeXptPieces, writeDatasetJsonPieces): for a
   * writer that takes pieces, so that a large dataset's XPT is never one buffer nor its JSON one string.
   */
  addInPieces(dataset: SubmissionDataset): Map<string, SubmissionPieces>;
  /** `adam/define.xml` describing every dataset added, in the order added. */
  defineXml(): string;
  /** `adam/define.html`: the same content as a plain readable page. */
  defineHtml(): string;
}

export function submissionWriter(ctx: SubmissionContext): SubmissionWriter {
  const sourceSystem = { name: ctx.toolName, version: ctx.toolVersion };
  const mdv = metaDataVersionOid(ctx.studyOID);
  const described: Described[] = [];
  const addInPieces = (dataset: SubmissionDataset): Map<string, SubmissionPieces> => {
    const { meta } = dataset;
    const rows = dataset.table ?? dataset.rows; // the table when given: `rows` may be made only when read
    const d = describe(dataset); // checks the rows once for the three writers
    described.push(d);
    const stem = `adam/${meta.name.toLowerCase()}`;
    return new Map<string, SubmissionPieces>([
      [
        `${stem}.xpt`,
        writeXptPieces(
          meta,
          rows,
          { lockedAt: ctx.lockedAt, version: ctx.toolVersion, system: ctx.toolName },
          d.specs,
          true, // one buffer for the pieces: each is used before the next (joined copies them)
        ),
      ],
      [
        `${stem}.json`,
        writeDatasetJsonPieces(
          meta,
          rows,
          {
            lockedAt: ctx.lockedAt,
            studyOID: ctx.studyOID,
            metaDataVersionOID: mdv,
            originator: ctx.originator,
            sourceSystem,
          },
          d.specs,
        ),
      ],
    ]);
  };
  return {
    add(dataset) {
      const files = new Map<string, SubmissionFile>();
      for (const [path, content] of addInPieces(dataset)) files.set(path, joined(content));
      return files;
    },
    addInPieces,
    defineXml() {
      return defineXmlOf(described, { ...ctx, metaDataVersionOID: mdv, sourceSystem });
    },
    defineHtml() {
      return writeDefineHtml(described, { ...ctx, codelists: referencedCodelists(described, ctx.codelists) });
    },
  };
}

/** The pieces of a file joined: one text or one byte array (byte pieces copied: one may reuse another's buffer). */
function joined(pieces: SubmissionPieces): SubmissionFile {
  const all = Array.from(pieces as Iterable<string | Uint8Array>, (p) => (typeof p === 'string' ? p : Buffer.from(p)));
  return all.some((p) => p instanceof Uint8Array) ? Buffer.concat(all as Uint8Array[]) : all.join('');
}

/** Every submission file of the datasets, by relative path (`adam/adsl.xpt`, `adam/adsl.json`, …, `adam/define.xml`, `adam/define.html`). */
export function submissionFiles(
  datasets: readonly SubmissionDataset[],
  ctx: SubmissionContext,
): Map<string, SubmissionFile> {
  const writer = submissionWriter(ctx);
  const files = new Map<string, SubmissionFile>();
  for (const d of datasets) for (const [path, content] of writer.add(d)) files.set(path, content);
  files.set('adam/define.xml', writer.defineXml());
  files.set('adam/define.html', writer.defineHtml());
  return files;
}
