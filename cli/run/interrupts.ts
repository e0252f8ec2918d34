/** Ctrl-C and SIGTERM, turned into an abort of the signal the run layer is given. */
import type { CliContext } from '../context.js';

export async function withInterrupts<T>(
  ctx: CliContext,
  stopping: string,
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const onSignal = (name: string) => (): void => {
    if (!controller.signal.aborted)
      ctx.io.stderr.write(`\naugc: ${name} received: ${stopping}...\n`);
    controller.abort();
  };
  const onInt = onSignal('SIGINT');
  const onTerm = onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  try {
    return await fn(controller.signal);
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}
