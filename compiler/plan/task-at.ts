import { taskSeedOf } from './seeds.js';
import type { Plan, PlanGroup, PlanTask } from './types.js';

// Built lazily once per plan object so that a worker's lookup is O(1).
const groupIndex = new WeakMap<Plan, Map<string, PlanGroup>>();

function groupOf(plan: Plan, groupId: string): PlanGroup | undefined {
  let byId = groupIndex.get(plan);
  if (!byId) {
    byId = new Map(plan.groups.map((g) => [g.id, g]));
    groupIndex.set(plan, byId);
  }
  return byId.get(groupId);
}

/** e.g. `taskIdOf('combo_2_syn+typo', 3)` is `combo_2_syn+typo.c00003`. */
export function taskIdOf(comboId: string, chunk: number): string {
  return `${comboId}.c${String(chunk).padStart(5, '0')}`;
}

/**
 * The task at `index` of array group `groupId`. A group covers tasks `[start, start + size)` of
 * its resource class, whose task list is `classCombos x chunks` in combo-major order.
 */
export function taskAt(plan: Plan, groupId: string, index: number): PlanTask | undefined {
  const group = groupOf(plan, groupId);
  if (!group || !Number.isInteger(index) || index < 0 || index >= group.size) return undefined;
  const classIndex = group.start + index;
  const chunks = plan.chunks.count;
  const comboIndex = group.classCombos[Math.floor(classIndex / chunks)];
  const combo = comboIndex === undefined ? undefined : plan.combos[comboIndex];
  if (comboIndex === undefined || !combo) return undefined;
  const chunk = classIndex % chunks;
  return {
    id: taskIdOf(combo.id, chunk),
    group: group.id,
    index,
    combo,
    comboIndex,
    chunk,
    seed: taskSeedOf(plan.seed, combo.id, chunk),
  };
}

/** Every task of the plan, group by group. */
export function* tasksOf(plan: Plan): Iterable<PlanTask> {
  for (const group of plan.groups) {
    for (let i = 0; i < group.size; i++) {
      const task = taskAt(plan, group.id, i);
      if (task) yield task;
    }
  }
}

function fill(template: string, plan: Plan, comboId: string, chunk: number): string {
  return template
    .replaceAll('{combo}', comboId)
    .replaceAll('{chunk}', String(chunk).padStart(5, '0'))
    .replaceAll('{ext}', plan.output.format)
    .replaceAll('{task}', taskIdOf(comboId, chunk));
}

/** The dataset part a task writes, relative to the output URI. */
export function partPathOf(plan: Plan, comboId: string, chunk: number): string {
  return fill(plan.layout.part, plan, comboId, chunk);
}

/** The context record a task writes, relative to the output URI. */
export function contextPathOf(plan: Plan, comboId: string, chunk: number): string {
  return fill(plan.layout.context, plan, comboId, chunk);
}

/** The manifest row a task writes, relative to the output URI. */
export function manifestRowPathOf(plan: Plan, comboId: string, chunk: number): string {
  return fill(plan.layout.manifestRow, plan, comboId, chunk);
}
