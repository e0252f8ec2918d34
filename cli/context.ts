import type { CliIo } from './output.js';

/** Shared by every command of one CLI invocation; an action stores its exit code here. */
export interface CliContext {
  io: CliIo;
  /** The arguments after `augc`, as given (for resume hints and the run's record). */
  argv: readonly string[];
  exitCode: number;
  color: boolean;
}
