import type { CliIo } from './output.js';

/** Shared by every command of one CLI invocation; an action stores its exit code here. */
export interface CliContext {
  io: CliIo;
  exitCode: number;
  color: boolean;
}
