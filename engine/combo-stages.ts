/**
 * Turns a combo's method ids into the steps a task runs. A combo is either a text combo (stdlib
 * text methods and `command` methods, in any order) or a tabular combo (stdlib tabular methods
 * only); mixing the two has no meaning (a tabular method makes new rows, a text method edits
 * cells of existing ones) and fails the task.
 */
import type { Plan, PlanMethod, PlanTask } from '../compiler/plan/types.js';
import type { TableMethod, TextMethod } from '../stdlib/method.js';
import { getImplementation } from '../stdlib/registry.js';

export type TextStep =
  { kind: 'text'; method: PlanMethod; impl: TextMethod } | { kind: 'command'; method: PlanMethod };

export type ComboSteps =
  | { mode: 'text'; steps: TextStep[] }
  | { mode: 'tabular'; steps: { method: PlanMethod; impl: TableMethod }[] };

function planMethodOf(plan: Plan, id: string): PlanMethod {
  const method = plan.methods.find((m) => m.id === id);
  if (!method) throw new Error(`plan invariant: combo names unknown method \`${id}\``);
  return method;
}

type Resolved = TextStep | { kind: 'tabular'; method: PlanMethod; impl: TableMethod };

function resolve(method: PlanMethod): Resolved {
  if (method.kind === 'command') return { kind: 'command', method };
  const impl = getImplementation(method.method ?? method.id);
  if (!impl) {
    throw new Error(
      `method \`${method.id}\` uses \`${method.method ?? method.id}\`, which this augc does not implement`,
    );
  }
  return impl.domain === 'text'
    ? { kind: 'text', method, impl }
    : { kind: 'tabular', method, impl };
}

export function comboStepsOf(plan: Plan, task: PlanTask): ComboSteps {
  const resolved = task.combo.methods.map((id) => resolve(planMethodOf(plan, id)));
  const tabular = resolved.filter((r) => r.kind === 'tabular');
  if (tabular.length === 0) return { mode: 'text', steps: resolved as TextStep[] };
  if (tabular.length === resolved.length) return { mode: 'tabular', steps: tabular };
  throw new Error(
    `combo \`${task.combo.id}\` mixes tabular methods with text or command methods, which cannot be chained`,
  );
}
