/** Issue 9: every number of every HTML table names the ARD rows it shows (data-ard), and those rows exist. */
import { describe, expect, it } from 'vitest';
import { ardKeyText } from '../../src/ard/types.js';
import { sampleRun } from '../helpers/sample-run.js';

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('HTML tables trace every number to ard.csv', async () => {
  for (const kind of ['unblinded', 'blinded'] as const) {
    const { result } = await sampleRun(kind);
    const keys = new Set(result.ard.map((r) => ardKeyText(r)));
    const tables = [...result.files].filter(([p]) => /^tables\/.*\.html$/.test(p)) as [string, string][];

    it(`${kind}: each body cell with a number carries data-ard keys that are rows of the ARD`, () => {
      expect(tables.length).toBeGreaterThan(20);
      let traced = 0;
      for (const [path, html] of tables) {
        const body = html.slice(html.indexOf('<tbody'));
        for (const m of body.matchAll(/<td(?![^>]*class="stub")([^>]*)>([^<]*)<\/td>/g)) {
          const attrs = m[1] ?? '';
          const text = m[2] ?? '';
          if (!/\d/.test(text)) continue;
          const ard = /data-ard="([^"]*)"/.exec(attrs);
          expect(ard, `${path}: cell "${text.trim()}" has no data-ard`).not.toBeNull();
          const list = JSON.parse(unescape(ard![1]!)) as string[];
          expect(list.length, path).toBeGreaterThan(0);
          for (const k of list) expect(keys.has(k), `${path}: ${k} is not an ARD row`).toBe(true);
          traced++;
        }
      }
      expect(traced).toBeGreaterThan(500);
    });
  }
});
