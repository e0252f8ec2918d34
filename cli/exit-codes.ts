/**
 * Process exit codes (see docs/cli.md). 64, 66, 69 and 70 follow BSD sysexits.h so that shell
 * scripts and schedulers can tell a usage mistake from a failed pipeline.
 */
export const EXIT = {
  ok: 0,
  /** The pipeline has errors, or tasks failed. */
  failure: 1,
  usage: 64,
  /** An input file (the `.aug` file, a plan) does not exist or cannot be read. */
  noInput: 66,
  /** The selected target cannot be reached (no scheduler, no credentials). */
  unavailable: 69,
  /** A bug in augc. */
  internal: 70,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
