/**
 * Metadata of the analysis datasets: the one source from which the CSV, SAS transport (XPT v5),
 * Dataset-JSON v1.1 and Define-XML 2.1 outputs are written, so that no name, label, type or length is
 * written twice. Shaped on Define-XML 2.1 (ItemGroupDef, ItemDef, CodeList, MethodDef) and ADaM IG 1.3.
 */

/** How a variable's values are stored: `date` values are ISO 8601 `YYYY-MM-DD` strings in the rows. */
export type VariableType = 'text' | 'integer' | 'float' | 'date';

/** Define-XML 2.1 origin types used by this project. */
export type OriginType = 'Predecessor' | 'Derived' | 'Assigned' | 'Collected';

export interface CodeListItem {
  readonly code: string;
  /** The decode, where the code is not self-explanatory (`Y` → `Yes`). */
  readonly decode?: string;
}

export interface CodeListMeta {
  /** OID-safe id, e.g. `CL.NY`. */
  readonly id: string;
  readonly name: string;
  readonly dataType: 'text' | 'integer' | 'float';
  readonly items: readonly CodeListItem[];
}

export interface VariableMeta {
  /** Upper case, at most 8 characters, starts with a letter (SAS V5 names). */
  readonly name: string;
  /** At most 40 characters, ASCII. */
  readonly label: string;
  readonly type: VariableType;
  /** Character length in bytes for `text` (the writers may compute it from the data when absent). */
  readonly length?: number;
  /** SAS display format, e.g. `DATE9.`, `E8601DA.`, `8.1`. */
  readonly displayFormat?: string;
  /** Id of a CodeListMeta. */
  readonly codelist?: string;
  readonly origin: OriginType;
  /** For Predecessor: `DM.AGE`; for Derived: a short reference to the method. */
  readonly source?: string;
  /** Derivation text for a Derived variable (becomes a MethodDef). */
  readonly derivation?: string;
}

export type DatasetClass =
  'SUBJECT LEVEL ANALYSIS DATASET' | 'BASIC DATA STRUCTURE' | 'OCCURRENCE DATA STRUCTURE' | 'ADAM OTHER';

export interface DatasetMeta {
  /** Upper case, at most 8 characters (`ADSL`); files are written as `adam/<lower-case name>.<ext>`. */
  readonly name: string;
  /** At most 40 characters. */
  readonly label: string;
  readonly class: DatasetClass;
  /** Define-XML structure text, e.g. `One record per subject per parameter per analysis visit`. */
  readonly structure: string;
  /** Key variables in sort order. */
  readonly keys: readonly string[];
  /** In output order. */
  readonly variables: readonly VariableMeta[];
}
