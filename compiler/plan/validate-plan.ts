import { formatAjvErrors } from '../ir/validate-ir.js';
// plan.schema.json compiled ahead of time (scripts/gen-validators.js): no ajv compile at start-up.
import validate from './plan-validator.generated.js';
import type { Plan } from './types.js';

/**
 * Problems with a plan: schema errors, then the invariants `taskAt()` relies on that a schema
 * cannot state (group ranges inside their class, indices in range, sizes adding up).
 */
export function planProblems(value: unknown): string[] {
  if (!validate(value)) return formatAjvErrors(validate.errors);
  return [...pathProblems(value), ...consistencyProblems(value)];
}

/** What a name that becomes part of a storage path may hold (identifiers, `+` between them). */
const PATH_NAME = /^[A-Za-z0-9_][A-Za-z0-9_+.-]*$/;

/**
 * A plan is data that may come from elsewhere (`augc run plan.json`): the paths it makes must stay
 * inside the run's folder, so layout templates are relative without `..`, NUL or `\`, and the ids
 * filled into them are plain names.
 */
function pathProblems(plan: Plan): string[] {
  const problems: string[] = [];
  for (const [key, template] of Object.entries(plan.layout)) {
    const parts = template.split('/');
    const escapes = template.startsWith('/') || /^[A-Za-z]:/.test(template) || parts.includes('..');
    if (escapes || /[\0\\]/.test(template)) {
      problems.push(`layout.${key} \`${template}\` leaves the run's folder`);
    }
  }
  const names = [
    ...plan.combos.map((c) => ['combo', c.id] as const),
    ...plan.methods.map((m) => ['method', m.id] as const),
  ];
  for (const [what, id] of names) {
    if (!PATH_NAME.test(id) || id.includes('..')) {
      problems.push(`${what} id \`${id}\` is not a plain name`);
    }
  }
  return problems;
}

function consistencyProblems(plan: Plan): string[] {
  const problems: string[] = [];
  const methodIds = new Set(plan.methods.map((m) => m.id));
  for (const combo of plan.combos) {
    const unknown = combo.methods.find((m) => !methodIds.has(m));
    if (unknown !== undefined)
      problems.push(`combo \`${combo.id}\` uses unknown method \`${unknown}\``);
  }
  const groupIds = new Set<string>();
  let total = 0;
  for (const g of plan.groups) {
    if (groupIds.has(g.id)) problems.push(`group \`${g.id}\` is defined twice`);
    groupIds.add(g.id);
    if (g.classCombos.some((i) => i >= plan.combos.length)) {
      problems.push(`group \`${g.id}\` refers to a combo index out of range`);
    }
    if (g.start + g.size > g.classCombos.length * plan.chunks.count) {
      problems.push(`group \`${g.id}\` covers tasks beyond its resource class`);
    }
    total += g.size;
  }
  if (total !== plan.taskCount) {
    problems.push(`the groups hold ${total} tasks but taskCount is ${plan.taskCount}`);
  }
  return problems;
}
