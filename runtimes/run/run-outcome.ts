/**
 * What the run layer hands back to its caller (the CLI, or a library user): how a command ended,
 * as data, plus the events it emits on the way. The caller maps `status` to an exit code and
 * renders the rest; the run layer never prints.
 */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { MergeResult } from '../../engine/merge.js';
import type { MergeSummary, TaskFailure } from '../runtime.js';
import type { Selection } from './select-tasks.js';

/** How a command ended (the CLI's exit codes map onto these one to one). */
export type RunStatusCode = 'ok' | 'failed' | 'no-input' | 'interrupted' | 'unavailable' | 'usage';

export interface RunEvents {
  /** A diagnostic for the user: an error, a warning or a note with a code. */
  report(diagnostic: Diagnostic): void;
  /** A line of information or progress (a terminal's stderr). */
  note(text: string): void;
  /** Data the user asked for (the dry-run list, scripts): a terminal's stdout. */
  print(text: string): void;
  /** The tasks chosen to run and to skip, and why each runs (for `--dry-run` and `--explain`). */
  selected?(selection: Selection): void;
  /** Tasks that failed after their last attempt (each with its log). */
  failed?(failures: readonly TaskFailure[]): void;
  /** A merge's totals (here, or the finalizer's). */
  merged?(result: MergeSummary | MergeResult): void;
  /** The run report was written, at this path inside the run. */
  reported?(path: string): void;
}

export interface RunOutcome {
  status: RunStatusCode;
  /** The merge's totals, when a merge happened (here or in a finalizer). */
  merged?: MergeSummary | MergeResult;
  /** Tasks that failed after their last attempt. */
  failed?: TaskFailure[];
  /** Job ids, when the run was submitted and left to run on its own. */
  submitted?: string[];
}

/** Collects events, for callers that want them as data (tests, library users). */
export function collectEvents(): RunEvents & {
  diagnostics: Diagnostic[];
  notes: string[];
  printed: string[];
} {
  const diagnostics: Diagnostic[] = [];
  const notes: string[] = [];
  const printed: string[] = [];
  return {
    diagnostics,
    notes,
    printed,
    report: (d) => diagnostics.push(d),
    note: (t) => notes.push(t),
    print: (t) => printed.push(t),
  };
}
