/**
 * What `augc plan --estimate` warns about: a group whose longest task is expected to outlast its
 * walltime (AUG4030), a run above the target's `quota_tasks` or `quota_core_hours` (AUG4031),
 * and a method no run and no table measured (AUG4032).
 */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { Plan, PlanParamValue } from '../../compiler/plan/types.js';
import type { Estimate } from './estimate-plan.js';

/** `85ms`, `4.5s`, `12m 30s`, `2h 05m`. */
export function durationText(s: number): string {
  if (s < 1) return `${Number((s * 1000).toPrecision(2))}ms`;
  if (s < 60) return `${Number(s.toPrecision(2))}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.round((s % 3600) / 60)).padStart(2, '0')}m`;
}

function walltime(estimate: Estimate): Diagnostic[] {
  return estimate.groups.flatMap((g): Diagnostic[] => {
    const wall = g.resources.walltimeSeconds;
    if (g.maxSeconds === undefined || g.maxSeconds <= wall) return [];
    return [
      {
        code: 'AUG4030',
        severity: 'warning',
        message: `group \`${g.group}\`: its longest task is expected to take ${durationText(g.maxSeconds)}, over its walltime of ${durationText(wall)}`,
        help: 'raise `resources { walltime = ... }`, or make chunks smaller (`chunk { rows = ... }`)',
      },
    ];
  });
}

function quotas(plan: Plan, estimate: Estimate, options: Readonly<Record<string, PlanParamValue>>) {
  const out: Diagnostic[] = [];
  const tasks = options['quota_tasks'];
  const target = `target \`${estimate.target}\``;
  if (typeof tasks === 'number' && plan.taskCount > tasks) {
    const groups = estimate.groups.map((g) => `${g.group}: ${g.tasks}`).join(', ');
    out.push({
      code: 'AUG4031',
      severity: 'warning',
      message: `the run's arrays hold ${plan.taskCount} tasks, over \`quota_tasks = ${tasks}\` of ${target}`,
      notes: [`tasks by array group: ${groups}`],
      help: 'use fewer, larger chunks (`chunk { rows = ... }`), or run a profile with fewer combos at a time',
    });
  }
  const coreHours = options['quota_core_hours'];
  const spent = estimate.total.hours?.coreHours;
  if (typeof coreHours === 'number' && spent !== undefined && spent > coreHours) {
    out.push({
      code: 'AUG4031',
      severity: 'warning',
      message: `the run is expected to use ${Number(spent.toPrecision(3))} core-hours, over \`quota_core_hours = ${coreHours}\` of ${target}`,
      help: 'request fewer `cpus` per task, or run fewer combos or variants at a time',
    });
  }
  return out;
}

function unknownSpeeds(estimate: Estimate): Diagnostic[] {
  return estimate.methods
    .filter((m) => m.source === 'unknown')
    .map((m) => ({
      code: 'AUG4032',
      severity: 'warning',
      message: `no speed is known for method \`${m.id}\` (${m.what}): the groups that run it have no estimate`,
      help: 'run it once (a small profile will do) and pass that run to `--history DIR`',
    }));
}

export function estimateDiagnostics(
  plan: Plan,
  estimate: Estimate,
  options: Readonly<Record<string, PlanParamValue>>,
): Diagnostic[] {
  return [...unknownSpeeds(estimate), ...walltime(estimate), ...quotas(plan, estimate, options)];
}
