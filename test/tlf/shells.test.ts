import { describe, expect, it } from 'vitest';
import { applyShell, unusedShellNotices } from '../../src/tlf/shells.js';
import { sapSettingsSchema } from '../../src/sap/schema.js';
import { defaultSettingsPath } from '../../src/sap/index.js';
import { readFileSync } from 'node:fs';

const spec = { id: 'T-14.1.1', titles: ['Subject disposition'], footnotes: ['a Program footnote.'], rows: [1, 2] };

describe('applyShell', () => {
  it("replaces the titles, adds footnotes after the program's, keeps everything else", () => {
    const out = applyShell(spec, {
      'T-14.1.1': { titles: ['Disposition of subjects', 'Sponsor line'], footnotes: ['Source: ADSL.'] },
    });
    expect(out).toEqual({
      id: 'T-14.1.1',
      titles: ['Disposition of subjects', 'Sponsor line'],
      footnotes: ['a Program footnote.', 'Source: ADSL.'],
      rows: [1, 2],
    });
  });

  it("keeps the leading program titles it is told to (a figure's `Figure F-x` line)", () => {
    const figure = { id: 'F-14.2.1', titles: ['Figure F-14.2.1', 'Kaplan-Meier'], footnotes: [] };
    expect(applyShell(figure, { 'F-14.2.1': { titles: ['Time to steroid discontinuation'] } }, 1).titles).toEqual([
      'Figure F-14.2.1',
      'Time to steroid discontinuation',
    ]);
  });

  it('leaves a spec without a shell untouched (the same object), and reads no inherited key', () => {
    expect(applyShell(spec, { 'T-14.2.1.1': { titles: ['x'] } })).toBe(spec);
    expect(applyShell({ ...spec, id: 'constructor' }, {})).toEqual({ ...spec, id: 'constructor' });
  });
});

describe('unusedShellNotices', () => {
  it('names each shell without an output in this run, sorted, as a notice of the settings file', () => {
    const notices = unusedShellNotices(
      { 'T-14.2.1.2': { titles: ['x'] }, 'T-14.1.1': { titles: ['y'] }, 'L-16.2.2': { footnotes: ['z'] } },
      new Set(['T-14.1.1']),
    );
    expect(notices.map((n) => [n.severity, n.file, n.rule])).toEqual([
      [
        'notice',
        'sap/settings.json',
        'display.shells.L-16.2.2: this run has no output L-16.2.2; its shell is not used',
      ],
      [
        'notice',
        'sap/settings.json',
        'display.shells.T-14.2.1.2: this run has no output T-14.2.1.2; its shell is not used',
      ],
    ]);
  });
});

describe('display.shells in the settings file', () => {
  const base = JSON.parse(readFileSync(defaultSettingsPath(), 'utf8')) as { display: Record<string, unknown> };
  const withShells = (shells: unknown) =>
    sapSettingsSchema.safeParse({ ...base, display: { ...base.display, shells } });
  const messages = (shells: unknown) => {
    const r = withShells(shells);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts titles and footnotes by output id, and defaults to none', () => {
    expect(
      withShells({
        'T-14.2.1.1': { titles: ['A title'], footnotes: ['A footnote.'] },
        'L-16.2.6.5': { footnotes: ['x'] },
      }).success,
    ).toBe(true);
    const { shells: _omitted, ...display } = base.display;
    const r = sapSettingsSchema.safeParse({ ...base, display });
    expect(r.success && r.data.display.shells).toEqual({});
  });

  it('refuses an id that is not an output id, an unknown key, empty or control-character text', () => {
    expect(messages({ 'Table 14.1.1': { titles: ['x'] } })[0]).toMatch(
      /^display\.shells\.Table 14\.1\.1: an output id is T-, L- or F-/,
    );
    expect(messages({ 'T-14.1.1': { title: 'x' } })[0]).toMatch(/^display\.shells\.T-14\.1\.1: Unrecognized key/);
    expect(messages({ 'T-14.1.1': { titles: [] } })[0]).toMatch(/^display\.shells\.T-14\.1\.1\.titles: /);
    expect(messages({ 'T-14.1.1': { titles: [''] } })[0]).toMatch(/^display\.shells\.T-14\.1\.1\.titles\.0: /);
    expect(messages({ 'T-14.1.1': { footnotes: ['line one\nline two'] } })[0]).toMatch(
      /^display\.shells\.T-14\.1\.1\.footnotes\.0: no control characters/,
    );
    expect(messages({ 'T-14.1.1': { titles: ['a\u0085b'] } })).toHaveLength(1);
  });
});
