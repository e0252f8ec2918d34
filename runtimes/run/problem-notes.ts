/** Missing or failed tasks as diagnostic notes, by group and index (merge, run, status). */
import type { TaskProblem } from '../../engine/merge.js';

export function problemNotes(problems: readonly TaskProblem[], limit = 50): string[] {
  const shown = problems
    .slice(0, limit)
    .map((p) => `${p.group}[${p.index}] ${p.task}: ${p.state}: ${p.reason}`);
  if (problems.length > limit) shown.push(`... and ${problems.length - limit} more`);
  return shown;
}
