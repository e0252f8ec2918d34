import type { CodeTable } from './types.js';

/**
 * The 3xxx band. AUG30xx mean a compiler bug: the checks let through something lowering cannot
 * handle, or the compiler produced an IR or plan that fails its own schema. AUG35xx are
 * user-facing problems found at plan time or when a plan file is loaded.
 */
export const PLAN_CODES: CodeTable = {
  AUG3001: {
    name: 'ir-schema-violation',
    summary: 'The lowered IR failed its JSON Schema, which is a compiler bug.',
  },
  AUG3002: {
    name: 'unchecked-ast',
    summary:
      'Lowering met an AST the semantic checks should have rejected, which is a compiler bug.',
  },
  AUG3003: {
    name: 'plan-schema-violation',
    summary: 'A freshly built plan failed the plan JSON Schema, which is a compiler bug.',
  },
  AUG3501: {
    name: 'chunk-rows-unknown-input',
    summary:
      'Chunking by rows needs the input row count, but the input could not be read at plan time.',
  },
  AUG3502: {
    name: 'plan-task-budget-exceeded',
    summary: 'The plan has more tasks than `max_tasks` allows once the chunk count is known.',
  },
  AUG3503: {
    name: 'plan-unreadable',
    summary: 'A plan file is not valid JSON.',
  },
  AUG3504: {
    name: 'plan-format-unsupported',
    summary: 'A plan file was written for a different plan format version.',
  },
  AUG3505: {
    name: 'plan-schema-invalid',
    summary: 'A plan file does not match the plan JSON Schema or is internally inconsistent.',
  },
  AUG3506: {
    name: 'plan-hash-mismatch',
    summary:
      'A plan file was modified after it was written: its plan hash does not match its content.',
  },
};
