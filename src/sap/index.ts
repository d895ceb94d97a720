/** The SAP settings: the public face of src/sap/. */
export { SAP_VERSION } from './schema.js';
export type { SapSettingsFile } from './schema.js';
export { loadSapSettings, safeParseSapSettings } from './settings.js';
export type { SapSettings, SapSettingsParseResult } from './settings.js';
export type { PromisTableRow } from './promis-table.js';
export { defaultSettingsPath } from './paths.js';
