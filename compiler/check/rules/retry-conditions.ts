import type { RetryCondition } from '../../ast/types.js';
import { didYouMean } from '../../ast/did-you-mean.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Rule } from '../rule.js';

/**
 * Signals whose default action ends a process (POSIX and Linux names). A stop or ignore signal
 * (`SIGSTOP`, `SIGCHLD`, ...) never fails a task, so retrying on it would silently do nothing.
 */
const TERMINATING_SIGNALS = [
  'SIGHUP',
  'SIGINT',
  'SIGQUIT',
  'SIGILL',
  'SIGTRAP',
  'SIGABRT',
  'SIGIOT',
  'SIGBUS',
  'SIGFPE',
  'SIGKILL',
  'SIGUSR1',
  'SIGSEGV',
  'SIGUSR2',
  'SIGPIPE',
  'SIGALRM',
  'SIGTERM',
  'SIGSTKFLT',
  'SIGXCPU',
  'SIGXFSZ',
  'SIGVTALRM',
  'SIGPROF',
  'SIGIO',
  'SIGPOLL',
  'SIGPWR',
  'SIGSYS',
];

function problem(c: RetryCondition): Pick<Diagnostic, 'message' | 'help'> | undefined {
  if (c.kind === 'exit') {
    if (c.code >= 1 && c.code <= 255) return undefined;
    return {
      message: `\`exit(${c.code})\` can never match: a failed process exits with a code from 1 to 255`,
      help:
        c.code === 0
          ? 'exit code 0 is success, which is never retried'
          : 'a process killed by signal N is reported by shells as exit code 128 + N',
    };
  }
  if (c.kind !== 'signal' || TERMINATING_SIGNALS.includes(c.signal)) return undefined;
  if (/^\d+$/.test(c.signal)) {
    return {
      message: `\`signal(${c.signal})\` can never match: signals are matched by name`,
      help: 'signal numbers differ between systems; write the name, e.g. `signal(SIGKILL)`',
    };
  }
  return {
    message: `\`${c.signal}\` is not a signal that ends a process`,
    help:
      didYouMean(c.signal, TERMINATING_SIGNALS) ??
      'e.g. `signal(SIGKILL)`, `signal(SIGTERM)` or `signal(SIGSEGV)`',
  };
}

/** Every `exit(...)` and `signal(...)` in `retry.on` must be a failure that can happen. */
export const retryConditionsRule: Rule = {
  name: 'retry-conditions',
  codes: ['AUG2127'],
  check(ast) {
    return (ast.retry?.on ?? []).flatMap((c): Diagnostic[] => {
      const found = problem(c);
      return found ? [{ code: 'AUG2127', severity: 'error', ...found, span: c.span }] : [];
    });
  },
};
