/**
 * Entry point of the `sle-msc` command (../shared/cli.md). Parses the command line with commander,
 * runs one command and maps every outcome to the contract's exit codes: usage errors 64, RunError its
 * own code, a write stopped by SIGINT/SIGTERM 130/143 (128 + signal, the POSIX shell convention),
 * anything unexpected 70 (the only case that prints a stack trace).
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { EXIT, RunError } from '../core/exit-codes.js';
import { toolVersion } from '../core/package-root.js';
import { colorWanted, printIssues } from './diagnostics.js';
import type { CliIo } from './io.js';
import { Interrupted } from '../output/write-output.js';
// Each command's code is imported when that command runs (dynamic `import()`; the bundle splits it into
// chunks, scripts/build.mjs), so that `check` or `compare` do not compile the analysis and rendering code.

export interface ProcessLike {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly stderrIsTty: boolean;
}

/**
 * A closed stdout/stderr (`2>&-`, a pipe whose reader has exited) fails writes with EPIPE/EBADF, as an
 * 'error' event that would otherwise crash the process with exit 1. There is nowhere left to report
 * it, so it is dropped and the run's own exit code (cli.md) survives.
 */
function quietOnClosedStream(stream: NodeJS.WriteStream): (s: string) => void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && e.code !== 'EBADF') throw e;
  });
  return (s) => {
    if (stream.destroyed || stream.writableEnded) return;
    try {
      stream.write(s);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EPIPE' && code !== 'EBADF') throw e;
    }
  };
}

const defaultProcess = (): ProcessLike => ({
  env: process.env,
  cwd: process.cwd(),
  stdout: quietOnClosedStream(process.stdout),
  stderr: quietOnClosedStream(process.stderr),
  stderrIsTty: Boolean(process.stderr.isTTY),
});

function positiveInt(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('must be a positive whole number');
  return Number(value);
}

function tolerance(value: string): number {
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x < 0) throw new InvalidArgumentError('must be a number ≥ 0');
  return x;
}

/**
 * commander gives an option that needs a value the next word even when it is an option (`--out
 * --quiet` would make a folder named `--quiet`): a value that looks like an option is a usage error.
 * A value that really starts with a dash can be written `./-name` (paths). Checked for every command
 * (a preAction hook), before any input is read.
 */
function rejectOptionLikeValues(cmd: Command): void {
  for (const opt of cmd.options) {
    if (!opt.required && !opt.optional) continue; // a flag takes no value
    const name = opt.attributeName();
    if (cmd.getOptionValueSource(name) !== 'cli') continue;
    const value: unknown = cmd.getOptionValue(name);
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string' && /^--?[A-Za-z]/.test(v))
        throw new CommanderError(
          EXIT.USAGE,
          'sle-msc.usage',
          `error: option '${opt.flags}' needs a value, not '${v}' (which looks like an option)`,
        );
    }
  }
}

/** Key variables of each analysis dataset by file name (`adsl`), from the ADaM metadata (compare's row matching). */
async function datasetKeysOf(): Promise<(name: string) => readonly string[] | null> {
  const { adamDatasetMetadata } = await import('../derive/metadata/index.js');
  const { defaultSettingsPath, loadSapSettings } = await import('../sap/index.js');
  const settings = loadSapSettings(defaultSettingsPath());
  const keys = new Map(adamDatasetMetadata(settings, false).map((m) => [m.name.toLowerCase(), m.keys] as const));
  return (name) => keys.get(name) ?? null;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

interface CommonOpts {
  quiet?: boolean;
  maxErrors?: number;
}

export async function main(argv: readonly string[], proc: ProcessLike = defaultProcess()): Promise<number> {
  let quiet = false;
  let maxErrors = 100;
  // Commands whose outcome is an exit code other than success without an error (compare, check).
  let exitCode: number = EXIT.OK;
  const io = (): CliIo => ({
    stdout: quiet ? () => undefined : proc.stdout,
    stderr: proc.stderr,
    cwd: proc.cwd,
    color: colorWanted(proc.env, proc.stderrIsTty),
    quiet,
  });
  const takeCommon = (o: CommonOpts) => {
    quiet = o.quiet === true;
    if (o.maxErrors !== undefined) maxErrors = o.maxErrors;
  };
  const withCommon = (cmd: Command) =>
    cmd
      .option('--quiet', 'print errors only')
      .option('--max-errors <n>', 'print at most N input errors (default 100)', positiveInt);

  const program = new Command('sle-msc')
    .description('SLEMSC01 analysis pipeline: locked extract -> ADaM -> ARD -> tables')
    .version(toolVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: proc.stdout, writeErr: proc.stderr })
    .showHelpAfterError('(run with --help for usage)')
    .hook('preAction', (_program, actionCommand) => rejectOptionLikeValues(actionCommand));

  withCommon(
    program
      .command('analyze')
      .description('analyze a locked extract into ard.csv, ADaM datasets, tables and manifest.json')
      .argument('[LOCKDIR]', 'the lock folder (omit everything to run the bundled demo)')
      .option('--randomization <file>', 'the randomization file (unblinded run)')
      .option('--dummy-randomization <seed>', 'assign arms 1:1:1 within stratum from SEED (outputs say DUMMY)')
      .option('--out <dir>', 'output folder', 'out')
      .option('--draft', 'analyze a folder whose lock.json is missing or does not match (outputs say DRAFT)')
      .option('--force', 'replace an output folder that holds something other than a previous sle-msc output')
      .option('--sap <file>', 'SAP settings file (default: the bundled sap/settings.json)')
      .addHelpText(
        'after',
        '\nExamples:\n  sle-msc analyze                      # bundled demo: sample lock, unblinded, into ./out\n' +
          '  sle-msc analyze data-samples/lock --out out-blinded\n' +
          '  sle-msc analyze data-samples/lock --randomization data-samples/randomization.csv --out out\n',
      ),
  ).action(async (lockDir: string | undefined, o: Record<string, unknown> & CommonOpts, cmd: Command) => {
    takeCommon(o);
    if (o.randomization !== undefined && o.dummyRandomization !== undefined)
      throw new CommanderError(
        EXIT.USAGE,
        'sle-msc.usage',
        'error: --randomization and --dummy-randomization are exclusive',
      );
    // A bad option value is a usage error found before any input is read (not after the lock).
    if (typeof o.dummyRandomization === 'string' && o.dummyRandomization.trim() === '')
      throw new CommanderError(EXIT.USAGE, 'sle-msc.usage', 'error: --dummy-randomization needs a non-empty seed');
    const demo =
      lockDir === undefined &&
      cmd.args.length === 0 &&
      Object.keys(o).every((k) => k === 'out' && cmd.getOptionValueSource('out') === 'default');
    if (lockDir === undefined && !demo)
      throw new CommanderError(EXIT.USAGE, 'sle-msc.usage', 'error: missing argument LOCKDIR');
    const { runAnalyzeCommand } = await import('./analyze-command.js');
    await runAnalyzeCommand(
      {
        demo,
        lockDir: lockDir ?? null,
        randomization: (o.randomization as string | undefined) ?? null,
        dummySeed: (o.dummyRandomization as string | undefined) ?? null,
        out: o.out as string,
        draft: o.draft === true,
        force: o.force === true,
        sap: (o.sap as string | undefined) ?? null,
        commandLine: argv,
      },
      io(),
    );
  });

  withCommon(
    program
      .command('simulate')
      .description(
        'write a synthetic DTS-conformant lock (DIR/lock/) and its randomization file (DIR/randomization.csv)',
      )
      .requiredOption('--seed <seed>', 'seed of the simulation (any text)')
      .requiredOption('--n <n>', 'number of subjects', positiveInt)
      .requiredOption('--out <dir>', 'output folder')
      .addHelpText('after', '\nExample:\n  sle-msc simulate --seed 20270115 --n 81 --out data-samples\n'),
  ).action(async (o: { seed: string; n: number; out: string } & CommonOpts) => {
    takeCommon(o);
    const { runSimulateCommand } = await import('./simulate-command.js');
    await runSimulateCommand({ seed: o.seed, n: o.n, out: o.out }, io());
  });

  withCommon(
    program
      .command('mmrm')
      .description('fit a mixed model for repeated measures to a long-format CSV')
      .requiredOption('--data <file>', 'long-format CSV (empty field = missing)')
      .requiredOption('--response <var>', 'response variable')
      .requiredOption('--subject <var>', 'subject identifier')
      .requiredOption('--visit <var>', 'visit variable (indexes the covariance)')
      .requiredOption('--model <terms>', 'fixed effects, e.g. "ARMCD*AVISIT + BASE*AVISIT"')
      .option('--cov <type>', 'us|toeph|toep|ar1h|ar1|csh|cs|adh', 'us')
      .option('--df <method>', 'kr|satterthwaite|residual', 'kr')
      .option('--reml', 'restricted maximum likelihood (default)')
      .option('--ml', 'maximum likelihood')
      .option('--lsmeans <term>', 'LS means of a term, e.g. ARMCD*AVISIT')
      .option('--ref <VAR=LEVEL>', 'reference level of a class variable (repeatable)', collect, [] as string[])
      .option('--out <file>', 'write results as CSV')
      .addHelpText(
        'after',
        '\nExample:\n  sle-msc mmrm --data fev_data.csv --response FEV1 --subject USUBJID --visit AVISIT \\\n' +
          '    --model "ARMCD*AVISIT + RACE + SEX" --cov us --df kr --lsmeans ARMCD*AVISIT --out results.csv\n',
      ),
  ).action(async (o: Record<string, unknown> & CommonOpts) => {
    takeCommon(o);
    const cov = String(o.cov);
    const df = String(o.df);
    if (!['us', 'toeph', 'toep', 'ar1h', 'ar1', 'csh', 'cs', 'adh'].includes(cov))
      throw new CommanderError(
        EXIT.USAGE,
        'sle-msc.usage',
        `error: --cov must be one of us|toeph|toep|ar1h|ar1|csh|cs|adh, not '${cov}'`,
      );
    if (!['kr', 'satterthwaite', 'residual'].includes(df))
      throw new CommanderError(
        EXIT.USAGE,
        'sle-msc.usage',
        `error: --df must be kr|satterthwaite|residual, not '${df}'`,
      );
    if (o.reml === true && o.ml === true)
      throw new CommanderError(EXIT.USAGE, 'sle-msc.usage', 'error: --reml and --ml are exclusive');
    const { runMmrmCommand } = await import('./mmrm-command.js');
    await runMmrmCommand(
      {
        data: String(o.data),
        response: String(o.response),
        subject: String(o.subject),
        visit: String(o.visit),
        model: String(o.model),
        cov: cov as 'us',
        df: df as 'kr',
        method: o.ml === true ? 'ml' : 'reml',
        lsmeans: (o.lsmeans as string | undefined) ?? null,
        refs: o.ref as string[],
        out: (o.out as string | undefined) ?? null,
      },
      io(),
    );
  });

  withCommon(
    program
      .command('explain')
      .description("print one subject's derivations with the source rows they came from")
      .argument('<LOCKDIR>', 'the lock folder')
      .requiredOption('--subject <usubjid>', 'the subject, e.g. SLEMSC01-101-001')
      .option('--randomization <file>', 'the randomization file (without it the arm is never printed)')
      .option('--draft', 'read a folder whose lock.json is missing or does not match')
      .addHelpText('after', '\nExample:\n  sle-msc explain data-samples/lock --subject SLEMSC01-101-001\n'),
  ).action(async (lockDir: string, o: { subject: string; randomization?: string; draft?: boolean } & CommonOpts) => {
    takeCommon(o);
    const { runExplainCommand } = await import('./explain-command.js');
    await runExplainCommand(
      { lockDir, subject: o.subject, randomization: o.randomization ?? null, draft: o.draft === true },
      io(),
    );
  });

  withCommon(
    program
      .command('check')
      .description(
        'validate a lock (and a randomization file) against the data transfer specification, without analysing it',
      )
      .argument('<LOCKDIR>', 'the lock folder')
      .option('--randomization <file>', 'also check the randomization file')
      .option(
        '--format <format>',
        'text|json (json: one array of {file, line, column, rule, message, severity} on stdout)',
        'text',
      )
      .option('--draft', 'check a folder whose lock.json is missing or does not match (before the lock)')
      .addHelpText(
        'after',
        '\nExamples:\n  sle-msc check data-samples/lock\n  sle-msc check data-samples/lock --randomization data-samples/randomization.csv --format json\n',
      ),
  ).action(async (lockDir: string, o: { randomization?: string; format: string; draft?: boolean } & CommonOpts) => {
    takeCommon(o);
    if (o.format !== 'text' && o.format !== 'json')
      throw new CommanderError(EXIT.USAGE, 'sle-msc.usage', `error: --format must be text or json, not '${o.format}'`);
    const { runCheckCommand } = await import('./check-command.js');
    exitCode = await runCheckCommand(
      { lockDir, randomization: o.randomization ?? null, format: o.format, draft: o.draft === true, maxErrors },
      io(),
    );
  });

  withCommon(
    program
      .command('compare')
      .description('compare two output folders: ARD rows by key, datasets by their keys, other files byte by byte')
      .argument('<DIR_A>', 'an output folder')
      .argument('<DIR_B>', 'another output folder')
      .option('--tolerance <rel>', 'relative tolerance for numbers', tolerance, 1e-9)
      .addHelpText(
        'after',
        '\nExit 0 when nothing differs, 1 when something does.\nExample:\n  sle-msc compare out-previous out --tolerance 1e-9\n',
      ),
  ).action(async (dirA: string, dirB: string, o: { tolerance: number } & CommonOpts) => {
    takeCommon(o);
    const { runCompareCommand } = await import('./compare-command.js');
    exitCode = runCompareCommand({ dirA, dirB, tolerance: o.tolerance, datasetKeys: await datasetKeysOf() }, io());
  });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.OK;
      // `sle-msc help [COMMAND]` exits 0; `sle-msc` with no command prints help to stderr with a
      // non-zero code: a missing argument, hence a usage error.
      if (err.code === 'commander.help') return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
      if (err.code === 'sle-msc.usage') proc.stderr(`${err.message}\n`);
      return EXIT.USAGE;
    }
    if (err instanceof Interrupted) {
      proc.stderr(`sle-msc: ${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof RunError) {
      const cio = io();
      printIssues(cio, err.issues, maxErrors);
      proc.stderr(`sle-msc: ${err.message}\n`);
      return err.exitCode;
    }
    const e = err as Error;
    proc.stderr(`sle-msc: internal error (please report): ${e.stack ?? String(e)}\n`);
    return EXIT.SOFTWARE;
  }
}
