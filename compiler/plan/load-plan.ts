import type { Diagnostic, Result } from '../diagnostics/diagnostic.js';
import { planHashOf } from './canonical-json.js';
import { PLAN_FORMAT_VERSION, type Plan } from './types.js';
import { planProblems } from './validate-plan.js';

function refuse(
  code: string,
  file: string,
  message: string,
  help?: string,
  notes?: string[],
): Result<Plan> {
  const diagnostic: Diagnostic = {
    code,
    severity: 'error',
    message,
    span: { file, start: 0, end: 0 },
    ...(help !== undefined ? { help } : {}),
    ...(notes !== undefined && notes.length > 0 ? { notes } : {}),
  };
  return { value: undefined, diagnostics: [diagnostic] };
}

/**
 * Reads a plan file, refusing one written for another format version, one that fails the schema
 * and one whose content no longer matches its plan hash (edited by hand or truncated).
 */
export function loadPlan(json: string, file: string): Result<Plan> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return refuse('AUG3503', file, `\`${file}\` is not a valid JSON plan`, undefined, [
      (e as Error).message,
    ]);
  }
  // The version is checked first so that a plan from another augc gets a message about versions,
  // not a list of schema differences.
  const version = isRecord(data) ? data['formatVersion'] : undefined;
  if (version !== undefined && version !== PLAN_FORMAT_VERSION) {
    return refuse(
      'AUG3504',
      file,
      `plan format version ${JSON.stringify(version)} is not supported (this augc reads version ${PLAN_FORMAT_VERSION})`,
      'make the plan again with this augc: `augc plan FILE -o plan.json`',
    );
  }
  const problems = planProblems(data);
  if (problems.length > 0) {
    return refuse('AUG3505', file, `\`${file}\` is not a valid augc plan`, undefined, problems);
  }
  const plan = data as Plan;
  const actual = planHashOf(plan);
  if (actual !== plan.planHash) {
    return refuse(
      'AUG3506',
      file,
      `the plan hash of \`${file}\` does not match its content: the plan was modified after it was made`,
      'make the plan again with `augc plan` instead of editing it',
      [`recorded ${plan.planHash}`, `computed ${actual}`],
    );
  }
  return { value: plan, diagnostics: [] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
