/** A group's folder name under logs and exit statuses: its id when that is one safe path component. */
import type { Plan } from '../../compiler/plan/types.js';

export function pathSafe(id: string, fallback: string): string {
  return /^[A-Za-z0-9_.+-]+$/.test(id) && id !== '.' && id !== '..' ? id : fallback;
}

export function groupDirOf(plan: Plan, group: string): string {
  const index = plan.groups.findIndex((g) => g.id === group);
  return pathSafe(group, `group-${Math.max(0, index)}`);
}
