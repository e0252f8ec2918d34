/**
 * A user program that exited non-zero or was killed: the task fails with this. Its own module so
 * that classifying a failure (task-failure.ts) does not load the code that runs programs (execa),
 * which a task only loads when its combo has a `command` method.
 */
export class CommandFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number | undefined,
    readonly signal: string | undefined,
    readonly stderrTail: string,
  ) {
    super(message);
    this.name = 'CommandFailure';
  }
}
