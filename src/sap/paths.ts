/**
 * Where the repository's SAP settings live: `<package root>/sap/settings.json`, the package root found
 * by `packageRoot()` (src/core/package-root.ts), which works from the TypeScript sources and from the
 * esbuild bundle dist/cli.js alike.
 */
import { join } from 'node:path';
import { packageRoot } from '../core/package-root.js';

export function defaultSettingsPath(): string {
  return join(packageRoot(), 'sap', 'settings.json');
}
