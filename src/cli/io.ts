/** Where a command writes; injected so commands are testable without a process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Working directory against which relative paths are resolved. */
  readonly cwd: string;
  /** True when stderr is a colour-capable terminal and NO_COLOR is not set. */
  readonly color: boolean;
  /** --quiet: print errors only. */
  readonly quiet: boolean;
}
