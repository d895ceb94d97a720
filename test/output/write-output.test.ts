import { createHash } from 'node:crypto';
import * as fsSync from 'node:fs';
import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT, RunError } from '../../src/core/exit-codes.js';
import { buildManifest } from '../../src/output/manifest.js';
import { Interrupted, prepareOutputFolder, stageOutput, writeOutputAtomically } from '../../src/output/write-output.js';
import type { OutputFs } from '../../src/output/write-output.js';

let work: string;
beforeEach(async () => {
  work = await fs.mkdtemp(path.join(tmpdir(), 'sle-msc-out-'));
});
afterEach(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

function outputFiles(label: string): Map<string, string | Uint8Array> {
  const outputs = new Map<string, string | Uint8Array>([
    ['ard.csv', `endpoint\n${label}\n`],
    ['tables/t-14.2.1.1.rtf', `{\\rtf1 ${label}}`],
    ['figures/f.png', new Uint8Array([137, 80, 78, 71])],
  ]);
  const manifest = buildManifest({
    toolVersion: '0.1.0',
    sapVersion: '1.0',
    lockId: 'L1',
    draft: false,
    blinding: 'blinded',
    inputs: [],
    outputs,
  });
  return new Map([...outputs, ['manifest.json', manifest]]);
}

/** Every file under dir (relative path → content), for comparing folder states byte for byte. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) {
      const full = path.join(e.parentPath, e.name);
      out[path.relative(dir, full)] = (await fs.readFile(full)).toString('base64');
    }
  }
  return out;
}

async function expectRunError(p: Promise<unknown>, code: number): Promise<RunError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RunError);
  expect((err as RunError).exitCode).toBe(code);
  return err as RunError;
}

const siblings = async () => (await fs.readdir(work)).sort();

describe('writeOutputAtomically', () => {
  it('creates an absent folder (and missing parents) and leaves no temporary folder', async () => {
    const out = path.join(work, 'deep', 'out');
    await writeOutputAtomically(out, outputFiles('a'), { force: false });
    expect(Object.keys(await snapshot(out)).sort()).toEqual([
      'ard.csv',
      'figures/f.png',
      'manifest.json',
      'tables/t-14.2.1.1.rtf',
    ]);
    expect(await fs.readFile(path.join(out, 'ard.csv'), 'utf8')).toBe('endpoint\na\n');
    expect(await fs.readdir(path.join(work, 'deep'))).toEqual(['out']);
  });

  it('writes into an empty existing folder', async () => {
    const out = path.join(work, 'out');
    await fs.mkdir(out);
    await writeOutputAtomically(out, outputFiles('a'), { force: false });
    expect(await fs.readFile(path.join(out, 'ard.csv'), 'utf8')).toBe('endpoint\na\n');
    expect(await siblings()).toEqual(['out']);
  });

  it('replaces a previous sle-msc output completely (stale files go)', async () => {
    const out = path.join(work, 'out');
    const first = outputFiles('first');
    first.set('old-only.txt', 'stale');
    // A previous output lists every file it holds.
    const outputs = new Map([...first].filter(([k]) => k !== 'manifest.json'));
    first.set(
      'manifest.json',
      buildManifest({
        toolVersion: '0.0.9',
        sapVersion: '1.0',
        lockId: 'L0',
        draft: false,
        blinding: 'blinded',
        inputs: [],
        outputs,
      }),
    );
    await writeOutputAtomically(out, first, { force: false });
    await writeOutputAtomically(out, outputFiles('second'), { force: false });
    const snap = await snapshot(out);
    expect(Object.keys(snap)).not.toContain('old-only.txt');
    expect(await fs.readFile(path.join(out, 'ard.csv'), 'utf8')).toBe('endpoint\nsecond\n');
    expect(await siblings()).toEqual(['out']);
  });

  it('refuses foreign content with exit 73 and leaves it untouched', async () => {
    const out = path.join(work, 'out');
    await fs.mkdir(out);
    await fs.writeFile(path.join(out, 'thesis.docx'), 'precious');
    const before = await snapshot(out);
    const err = await expectRunError(writeOutputAtomically(out, outputFiles('a'), { force: false }), EXIT.CANTCREAT);
    expect(err.message).toMatch(/--force/);
    expect(await snapshot(out)).toEqual(before);
    expect(await siblings()).toEqual(['out']);
  });

  it('refuses an earlier output that also holds a file its manifest does not list', async () => {
    const out = path.join(work, 'out');
    await writeOutputAtomically(out, outputFiles('a'), { force: false });
    await fs.writeFile(path.join(out, 'my-notes.txt'), 'mine');
    await expectRunError(writeOutputAtomically(out, outputFiles('b'), { force: false }), EXIT.CANTCREAT);
    expect(await fs.readFile(path.join(out, 'my-notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a manifest.json of another tool, and a plain file in place of the folder', async () => {
    const out = path.join(work, 'out');
    await fs.mkdir(out);
    await fs.writeFile(path.join(out, 'manifest.json'), '{"tool":"other","outputs":[]}');
    await expectRunError(writeOutputAtomically(out, outputFiles('a'), { force: false }), EXIT.CANTCREAT);
    const file = path.join(work, 'file');
    await fs.writeFile(file, 'x');
    await expectRunError(writeOutputAtomically(file, outputFiles('a'), { force: false }), EXIT.CANTCREAT);
    expect(await fs.readFile(file, 'utf8')).toBe('x');
  });

  it('replaces foreign content with force', async () => {
    const out = path.join(work, 'out');
    await fs.mkdir(out);
    await fs.writeFile(path.join(out, 'junk.txt'), 'junk');
    await writeOutputAtomically(out, outputFiles('a'), { force: true });
    expect(Object.keys(await snapshot(out))).not.toContain('junk.txt');
    expect(await siblings()).toEqual(['out']);
  });

  it('a failing file write midway leaves DIR as it was and removes the temporary folder', async () => {
    const out = path.join(work, 'out');
    await writeOutputAtomically(out, outputFiles('a'), { force: false });
    const before = await snapshot(out);
    let writes = 0;
    const failing: OutputFs = {
      ...(fs as unknown as OutputFs),
      writeFile: async (p, data) => {
        if (++writes === 3) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        await fs.writeFile(p, data);
      },
    };
    const err = await expectRunError(
      writeOutputAtomically(out, outputFiles('b'), { force: false, fs: failing }),
      EXIT.CANTCREAT,
    );
    expect(err.message).toMatch(/ENOSPC/);
    expect(writes).toBe(3);
    expect(await snapshot(out)).toEqual(before);
    expect(await siblings()).toEqual(['out']);
  });

  it('a failing final rename puts the earlier output back', async () => {
    const out = path.join(work, 'out');
    await writeOutputAtomically(out, outputFiles('a'), { force: false });
    const before = await snapshot(out);
    const failing: OutputFs = {
      ...(fs as unknown as OutputFs),
      rename: async (from, to) => {
        if (path.basename(from).includes('.tmp-')) throw new Error('EXDEV: cross-device link');
        await fs.rename(from, to);
      },
    };
    await expectRunError(writeOutputAtomically(out, outputFiles('b'), { force: false, fs: failing }), EXIT.CANTCREAT);
    expect(await snapshot(out)).toEqual(before);
    expect(await siblings()).toEqual(['out']);
  });

  it('gives the same bytes for the same input', async () => {
    const a = path.join(work, 'a');
    const b = path.join(work, 'b');
    await writeOutputAtomically(a, outputFiles('same'), { force: false });
    await writeOutputAtomically(b, outputFiles('same'), { force: false });
    expect(await snapshot(b)).toEqual(await snapshot(a));
  });

  it('refuses, even with force, the working directory or an ancestor of it', async () => {
    const cwd = path.join(work, 'project', 'sub');
    await fs.mkdir(cwd, { recursive: true });
    await expectRunError(writeOutputAtomically('.', outputFiles('a'), { force: true, cwd }), EXIT.CANTCREAT);
    await expectRunError(writeOutputAtomically('..', outputFiles('a'), { force: true, cwd }), EXIT.CANTCREAT);
    await expectRunError(writeOutputAtomically('/', outputFiles('a'), { force: true, cwd }), EXIT.CANTCREAT);
    expect(await fs.readdir(path.join(work, 'project'))).toEqual(['sub']);
  });

  it('resolves a relative DIR against cwd', async () => {
    await writeOutputAtomically('rel-out', outputFiles('a'), { force: false, cwd: work });
    expect(await fs.readFile(path.join(work, 'rel-out', 'ard.csv'), 'utf8')).toBe('endpoint\na\n');
  });

  it('rejects (as a bug) bad file names and a missing manifest before touching the disk', async () => {
    const out = path.join(work, 'out');
    await expect(writeOutputAtomically(out, new Map([['../x', 'y']]), { force: false })).rejects.toThrow(
      /valid output/,
    );
    await expect(writeOutputAtomically(out, new Map([['a.csv', 'y']]), { force: false })).rejects.toThrow(/manifest/);
    expect(await siblings()).toEqual([]);
  });
});

/** A stand-in for the process's signals: the test fires them at a chosen step of the write. */
function fakeSignals() {
  const listeners = new Map<string, (() => void)[]>();
  return {
    on: (sig: 'SIGINT' | 'SIGTERM', l: () => void) => void listeners.set(sig, [...(listeners.get(sig) ?? []), l]),
    removeListener: (sig: 'SIGINT' | 'SIGTERM', l: () => void) =>
      void listeners.set(
        sig,
        (listeners.get(sig) ?? []).filter((x) => x !== l),
      ),
    fire: (sig: 'SIGINT' | 'SIGTERM') => (listeners.get(sig) ?? []).forEach((l) => l()),
    count: () => [...listeners.values()].reduce((n, ls) => n + ls.length, 0),
  };
}

/** A side folder as a killed process (id 999999, reported dead) would have left it beside `out`. */
async function sideFolderOfDeadRun(
  out: string,
  kind: 'tmp' | 'old',
  files: Map<string, string | Uint8Array>,
): Promise<string> {
  const tag = createHash('sha256').update(path.basename(out)).digest('hex').slice(0, 12);
  const side = path.join(path.dirname(out), `.sle-msc-${tag}.${kind}-999999-1`);
  for (const [name, content] of files) {
    await fs.mkdir(path.dirname(path.join(side, name)), { recursive: true });
    await fs.writeFile(path.join(side, name), content);
  }
  return side;
}

describe('writeOutputAtomically: hardening (issue 13)', () => {
  it('refuses a previous output with a file of the user in a sub-folder, or a folder its manifest does not name', async () => {
    const out = path.join(work, 'out');
    await writeOutputAtomically(out, outputFiles('a'), { force: false });
    await fs.writeFile(path.join(out, 'tables', 'my-notes.txt'), 'mine');
    await expectRunError(writeOutputAtomically(out, outputFiles('b'), { force: false }), EXIT.CANTCREAT);
    expect(await fs.readFile(path.join(out, 'tables', 'my-notes.txt'), 'utf8')).toBe('mine');
    expect(await fs.readFile(path.join(out, 'ard.csv'), 'utf8')).toBe('endpoint\na\n');
    await fs.rm(path.join(out, 'tables', 'my-notes.txt'));
    await fs.mkdir(path.join(out, 'tables', 'drafts', 'deeper'), { recursive: true });
    await expectRunError(writeOutputAtomically(out, outputFiles('b'), { force: false }), EXIT.CANTCREAT);
    expect(existsSync(path.join(out, 'tables', 'drafts', 'deeper'))).toBe(true);
  });

  it('refuses, even with force and touching nothing, a DIR equal to, inside or containing an input', async () => {
    const lock = path.join(work, 'data', 'lock');
    await fs.mkdir(lock, { recursive: true });
    await fs.writeFile(path.join(lock, 'dm.csv'), 'STUDYID\n');
    const rand = path.join(work, 'data', 'randomization.csv');
    await fs.writeFile(rand, 'USUBJID\n');
    await fs.symlink(lock, path.join(work, 'lock-link'));
    const before = await snapshot(work);
    const inputs = ['data/lock/', rand];
    for (const dir of [
      'data/lock',
      'data/lock/',
      './data/lock/out',
      'data',
      'data/',
      'lock-link',
      'lock-link/sub',
      path.join(work, 'data', 'randomization.csv'),
    ]) {
      const err = await expectRunError(
        writeOutputAtomically(dir, outputFiles('a'), { force: true, cwd: work, inputs }),
        EXIT.CANTCREAT,
      );
      expect(err.message, dir).toMatch(/input of this run/);
      expect(await snapshot(work), dir).toEqual(before);
    }
    // The input named through a link is the same folder as the DIR named directly.
    await expectRunError(
      prepareOutputFolder('data/lock', { force: true, cwd: work, inputs: ['lock-link'] }),
      EXIT.CANTCREAT,
    );
    // A sibling of the inputs is fine.
    await writeOutputAtomically('out', outputFiles('a'), { force: false, cwd: work, inputs });
    expect(await fs.readFile(path.join(work, 'out', 'ard.csv'), 'utf8')).toBe('endpoint\na\n');
  });

  it('checks before the write (prepareOutputFolder) and again at write time', async () => {
    const out = path.join(work, 'out');
    await writeOutputAtomically(out, outputFiles('a'), { force: false });
    await fs.writeFile(path.join(out, 'later.txt'), 'mine');
    await expectRunError(prepareOutputFolder(out, { force: false }), EXIT.CANTCREAT);
    await fs.rm(path.join(out, 'later.txt'));
    expect((await prepareOutputFolder(out, { force: false })).notices).toEqual([]);
    // The folder changes between the first check and the write: the write refuses.
    await fs.writeFile(path.join(out, 'later.txt'), 'mine');
    await expectRunError(writeOutputAtomically(out, outputFiles('b'), { force: false }), EXIT.CANTCREAT);
    expect(await fs.readFile(path.join(out, 'later.txt'), 'utf8')).toBe('mine');
  });

  it('works for a DIR name of 250 characters (short side-folder names)', async () => {
    const out = path.join(work, 'o'.repeat(250));
    await writeOutputAtomically(out, outputFiles('a'), { force: false });
    await writeOutputAtomically(out, outputFiles('b'), { force: false });
    expect(await fs.readFile(path.join(out, 'ard.csv'), 'utf8')).toBe('endpoint\nb\n');
    expect(await siblings()).toEqual(['o'.repeat(250)]);
  });

  it('gives DIR the mode a plain mkdir gives (0777 & ~umask), not 0700', async () => {
    const previous = process.umask(0o022);
    try {
      const out = path.join(work, 'out');
      await writeOutputAtomically(out, outputFiles('a'), { force: false });
      expect((await fs.stat(out)).mode & 0o777).toBe(0o755);
      await writeOutputAtomically(out, outputFiles('b'), { force: false });
      expect((await fs.stat(out)).mode & 0o777).toBe(0o755);
    } finally {
      process.umask(previous);
    }
  });

  it('the next run removes the temporary and old folders a killed run left beside DIR, naming each', async () => {
    const out = path.join(work, 'out');
    await writeOutputAtomically(out, outputFiles('a'), { force: false });
    const tmp = await sideFolderOfDeadRun(out, 'tmp', outputFiles('half'));
    const old = await sideFolderOfDeadRun(out, 'old', outputFiles('older'));
    const notices = await writeOutputAtomically(out, outputFiles('b'), { force: false, isAlive: () => false });
    expect(await siblings()).toEqual(['out']);
    expect(notices.map((n) => `${n.severity} ${n.file}`).sort()).toEqual([`notice ${old}`, `notice ${tmp}`]);
    expect(await fs.readFile(path.join(out, 'ard.csv'), 'utf8')).toBe('endpoint\nb\n');
  });

  it('puts the earlier output back when a killed run left DIR absent between its two renames', async () => {
    const out = path.join(work, 'out');
    const old = await sideFolderOfDeadRun(out, 'old', outputFiles('a'));
    const tmp = await sideFolderOfDeadRun(out, 'tmp', outputFiles('b'));
    const expected = await snapshot(old);
    const { notices } = await prepareOutputFolder(out, { force: false, isAlive: () => false });
    expect(await snapshot(out)).toEqual(expected);
    expect(await siblings()).toEqual(['out']);
    expect(notices.map((n) => n.file)).toEqual([out, tmp]);
    expect(notices[0]?.rule).toMatch(/restored from .*old-999999-1/);
  });

  it('leaves the side folders of a live process alone and names them', async () => {
    const out = path.join(work, 'out');
    const tmp = await sideFolderOfDeadRun(out, 'tmp', outputFiles('x'));
    const { notices } = await prepareOutputFolder(out, { force: false, isAlive: () => true });
    expect(notices).toEqual([expect.objectContaining({ file: tmp, rule: expect.stringMatching(/running sle-msc/) })]);
    expect(existsSync(tmp)).toBe(true);
  });

  it.each([
    ['temp-created', 'SIGINT', 130],
    ['half-written', 'SIGTERM', 143],
    ['written', 'SIGINT', 130],
    ['old-moved', 'SIGTERM', 143],
  ] as const)(
    'SIGINT/SIGTERM at %s rolls back: DIR as it was, no side folder, exit %s → %i',
    async (step, sig, code) => {
      const out = path.join(work, 'out');
      await writeOutputAtomically(out, outputFiles('a'), { force: false });
      const before = await snapshot(out);
      const signals = fakeSignals();
      const err = await writeOutputAtomically(out, outputFiles('b'), {
        force: false,
        signals,
        onStep: (s) => (s === step ? signals.fire(sig) : undefined),
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(Interrupted);
      expect((err as Interrupted).exitCode).toBe(code);
      expect(await snapshot(out)).toEqual(before);
      expect(await siblings()).toEqual(['out']);
      expect(signals.count()).toBe(0); // the handlers are gone once the write is over
    },
  );

  it('a signal once the new output is in place finishes the write, then reports the interruption', async () => {
    const out = path.join(work, 'out');
    await writeOutputAtomically(out, outputFiles('a'), { force: false });
    const signals = fakeSignals();
    const err = await writeOutputAtomically(out, outputFiles('b'), {
      force: false,
      signals,
      onStep: (s) => (s === 'new-moved' ? signals.fire('SIGTERM') : undefined),
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Interrupted);
    expect((err as Interrupted).message).toMatch(/complete/);
    expect(await fs.readFile(path.join(out, 'ard.csv'), 'utf8')).toBe('endpoint\nb\n');
    expect(await siblings()).toEqual(['out']);
  });
});

/**
 * The file calls of the default OutputFs: synchronous (no turn of the event loop while they run), so a
 * real signal's handler can only run once the write yields to the loop.
 */
function syncFs(hooks: { writeFile?: () => void; rm?: () => void }): OutputFs {
  return {
    lstat: async (p) => fsSync.lstatSync(p),
    readdir: async (p) => fsSync.readdirSync(p),
    readFile: async (p, encoding) => fsSync.readFileSync(p, encoding),
    realpath: async (p) => fsSync.realpathSync.native(p),
    mkdir: async (p, o) => fsSync.mkdirSync(p, o),
    writeFile: async (p, data) => {
      hooks.writeFile?.();
      fsSync.writeFileSync(p, data);
    },
    rename: async (from, to) => fsSync.renameSync(from, to),
    rm: async (p, o) => {
      hooks.rm?.();
      fsSync.rmSync(p, o);
    },
  };
}

describe('writeOutputAtomically: a signal during a synchronous file call', () => {
  // Node runs a signal's listeners from the event loop: one that arrives during a synchronous call is
  // handled on a later turn (here: setImmediate), which the write must let happen before it checks.
  it('rolls the write back when the signal came during a file write', async () => {
    const out = path.join(work, 'out');
    await writeOutputAtomically(out, outputFiles('a'), { force: false });
    const before = await snapshot(out);
    const signals = fakeSignals();
    let sent = false;
    const fsWithSignal = syncFs({
      writeFile: () => {
        if (!sent) setImmediate(() => signals.fire('SIGINT'));
        sent = true;
      },
    });
    const err = await writeOutputAtomically(out, outputFiles('b'), { force: false, signals, fs: fsWithSignal }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Interrupted);
    expect((err as Interrupted).exitCode).toBe(130);
    expect(await snapshot(out)).toEqual(before);
    expect(await siblings()).toEqual(['out']);
  });

  it('reports it after the new output is in place when it came while the old one was removed', async () => {
    const out = path.join(work, 'out');
    await writeOutputAtomically(out, outputFiles('a'), { force: false });
    const signals = fakeSignals();
    const fsWithSignal = syncFs({ rm: () => void setImmediate(() => signals.fire('SIGTERM')) });
    const err = await writeOutputAtomically(out, outputFiles('b'), { force: false, signals, fs: fsWithSignal }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Interrupted);
    expect((err as Interrupted).message).toMatch(/complete/);
    expect(await fs.readFile(path.join(out, 'ard.csv'), 'utf8')).toBe('endpoint\nb\n');
    expect(await siblings()).toEqual(['out']);
  });
});

describe('writeOutputAtomically: side folders of earlier versions', () => {
  it('names (and keeps) a `.out.tmp-XXXXXX` folder left by an earlier version', async () => {
    const out = path.join(work, 'out');
    const legacy = path.join(work, '.out.tmp-Ab12Cd');
    await fs.mkdir(legacy);
    const notices = await writeOutputAtomically(out, outputFiles('a'), { force: false });
    expect(notices).toEqual([
      expect.objectContaining({ severity: 'notice', file: legacy, rule: expect.stringMatching(/by hand/) }),
    ]);
    expect(await siblings()).toEqual(['.out.tmp-Ab12Cd', 'out']);
  });
});

describe('stageOutput: files written as they are made, moved into place at commit', () => {
  const manifestOf = (outputs: ReadonlyMap<string, string | Uint8Array | { bytes: number; sha256: string }>) =>
    buildManifest({
      toolVersion: '0.1.0',
      sapVersion: '1.0',
      lockId: 'L1',
      draft: false,
      blinding: 'blinded',
      inputs: [],
      outputs,
    });

  it('writes each file into the temporary folder at once, DIR untouched until commit; same bytes and manifest as writeOutputAtomically', async () => {
    const out = path.join(work, 'out');
    await writeOutputAtomically(out, outputFiles('a'), { force: false });
    const before = await snapshot(out);
    const staged = await stageOutput(out, { force: false });
    staged.set('ard.csv', 'endpoint\nb\n');
    staged.set('tables/t-14.2.1.1.rtf', ['{\\rtf1 ', 'b}']);
    staged.set('figures/f.png', new Uint8Array([137, 80, 78, 71]));
    const temp = (await siblings()).find((n) => n.includes('.tmp-')) as string;
    expect(await fs.readFile(path.join(work, temp, 'tables', 't-14.2.1.1.rtf'), 'utf8')).toBe('{\\rtf1 b}');
    expect(await snapshot(out)).toEqual(before);
    expect(staged.digests.get('ard.csv')).toEqual({
      bytes: 11,
      sha256: createHash('sha256').update('endpoint\nb\n').digest('hex'),
    });
    expect(await staged.commit(new Map([['manifest.json', manifestOf(staged.digests)]]))).toEqual([]);
    const reference = path.join(work, 'reference');
    await writeOutputAtomically(reference, outputFiles('b'), { force: false });
    expect(await snapshot(out)).toEqual(await snapshot(reference));
    expect(await siblings()).toEqual(['out', 'reference']);
    expect(() => staged.set('late.txt', 'x')).toThrow(/already committed/);
  });

  it('discard removes the temporary folder and leaves DIR as it was', async () => {
    const out = path.join(work, 'out');
    await writeOutputAtomically(out, outputFiles('a'), { force: false });
    const before = await snapshot(out);
    const staged = await stageOutput(out, { force: false });
    staged.set('ard.csv', 'endpoint\nhalf\n');
    await staged.discard();
    expect(await snapshot(out)).toEqual(before);
    expect(await siblings()).toEqual(['out']);
  });

  it('refuses at staging what writeOutputAtomically refuses, and checks DIR again at commit (removing its own temporary folder)', async () => {
    const out = path.join(work, 'out');
    await fs.mkdir(out);
    await fs.writeFile(path.join(out, 'thesis.docx'), 'precious');
    await expectRunError(stageOutput(out, { force: false }), EXIT.CANTCREAT);
    expect(await siblings()).toEqual(['out']);
    await fs.rm(out, { recursive: true });
    const staged = await stageOutput(out, { force: false });
    staged.set('ard.csv', 'endpoint\nb\n');
    await fs.mkdir(out);
    await fs.writeFile(path.join(out, 'thesis.docx'), 'precious');
    await expectRunError(staged.commit(new Map([['manifest.json', manifestOf(staged.digests)]])), EXIT.CANTCREAT);
    expect(await siblings()).toEqual(['out']);
    expect(await fs.readFile(path.join(out, 'thesis.docx'), 'utf8')).toBe('precious');
  });

  it('writes many files into one folder and into nested folders (each folder made once, then reused)', async () => {
    const out = path.join(work, 'out');
    const staged = await stageOutput(out, { force: false });
    const names = ['tables/a.txt', 'tables/b.txt', 'adam/x.csv', 'tables/c.txt', 'listings/deep/d.txt', 'adam/y.csv'];
    for (const name of names) staged.set(name, name);
    expect(await staged.commit(new Map([['manifest.json', manifestOf(staged.digests)]]))).toEqual([]);
    for (const name of names) expect(await fs.readFile(path.join(out, ...name.split('/')), 'utf8')).toBe(name);
  });

  it('a file that cannot be written is exit 73 and names the file', async () => {
    const out = path.join(work, 'out');
    const staged = await stageOutput(out, { force: false });
    staged.set('tables/t.txt', 'a file where a folder must go');
    expect(() => staged.set('tables/t.txt/x.txt', 'x')).toThrow(RunError);
    expect(() => staged.set('tables/t.txt/x.txt', 'x')).toThrow(/cannot write tables\/t\.txt\/x\.txt/);
    expect(() => staged.set('../escape.txt', 'x')).toThrow();
    // A bug in the code making the pieces is not a write failure: it stays a bug (exit 70), not 73.
    const failing = (function* () {
      yield 'a';
      throw new TypeError('a cell holds an object');
    })();
    expect(() => staged.set('tables/bug.txt', failing)).toThrow(TypeError);
    await staged.discard();
    expect(await siblings()).toEqual([]);
  });

  it('a staged folder left by a killed run is removed by the next run into DIR', async () => {
    const out = path.join(work, 'out');
    const tmp = await sideFolderOfDeadRun(out, 'tmp', new Map([['ard.csv', 'endpoint\nhalf\n']]));
    const staged = await stageOutput(out, { force: false, isAlive: () => false });
    expect(staged.notices.map((n) => n.file)).toEqual([tmp]);
    await staged.discard();
    expect(await siblings()).toEqual([]);
  });
});
