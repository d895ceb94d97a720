import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettingsPath } from '../../src/sap/paths.js';

describe('defaultSettingsPath', () => {
  it('is sap/settings.json of this repository when run from the sources', () => {
    const root = resolve(import.meta.dirname, '../..');
    expect(defaultSettingsPath()).toBe(join(root, 'sap', 'settings.json'));
    expect(existsSync(defaultSettingsPath())).toBe(true);
  });
});
