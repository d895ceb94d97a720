/** Runs the CLI in-process with captured output (no subprocess: fast, and coverage of the real code). */
import { main } from '../../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    env: { NO_COLOR: '1', ...env },
    cwd,
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    stderrIsTty: false,
  });
  return { code, stdout, stderr };
}
