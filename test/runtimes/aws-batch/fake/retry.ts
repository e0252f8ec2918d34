/**
 * How AWS Batch decides whether a failed attempt is tried again: not when it was terminated or
 * timed out; not when its attempts are used up; else by the first evaluateOnExit rule whose every
 * condition matches (a pattern ending in `*` matches a prefix), and RETRY when no rule matches.
 */
import type { SubmitJobCommandInput } from '@aws-sdk/client-batch';

export interface AttemptEnd {
  exitCode?: number;
  /** The container's reason, e.g. `OutOfMemoryError: Container killed due to memory usage`. */
  reason?: string;
  statusReason?: string;
  /** Terminated by TerminateJob or over its timeout: never retried. */
  final?: boolean;
}

function matches(pattern: string | undefined, value: string | undefined): boolean {
  if (pattern === undefined) return true;
  const text = value ?? '';
  return pattern.endsWith('*') ? text.startsWith(pattern.slice(0, -1)) : text === pattern;
}

export function shouldRetry(
  strategy: SubmitJobCommandInput['retryStrategy'],
  triesSoFar: number,
  end: AttemptEnd,
): boolean {
  if (end.final === true) return false;
  if (triesSoFar >= (strategy?.attempts ?? 1)) return false;
  const rule = (strategy?.evaluateOnExit ?? []).find(
    (r) =>
      matches(r.onStatusReason, end.statusReason) &&
      matches(r.onReason, end.reason) &&
      matches(r.onExitCode, end.exitCode === undefined ? undefined : String(end.exitCode)),
  );
  return rule === undefined || rule.action?.toUpperCase() === 'RETRY';
}
