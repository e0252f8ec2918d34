import { CLI_CODES } from './cli.js';
import { PLAN_CODES } from './plan.js';
import { RUN_CODES } from './run.js';
import { SEMANTIC_CODES } from './semantic.js';
import { SYNTAX_CODES } from './syntax.js';
import { TARGET_CODES } from './target.js';
import type { CodeTable } from './types.js';

export type { CodeInfo, CodeTable } from './types.js';

/** The bands, in order; each code appears in exactly one (a test checks it). */
export const CODE_BANDS: Readonly<Record<string, CodeTable>> = {
  syntax: SYNTAX_CODES,
  semantic: SEMANTIC_CODES,
  plan: PLAN_CODES,
  target: TARGET_CODES,
  cli: CLI_CODES,
  run: RUN_CODES,
};

/**
 * The catalogue: 1xxx syntax, 2xxx semantics, 3xxx IR/plan (a compiler bug; 35xx are plan files
 * refused at load), 4xxx target configuration, 5xxx CLI/runtime. Codes are never reused or
 * renumbered; a test fails on a duplicated, unused or untested code.
 */
export const CODES: CodeTable = Object.assign({}, ...Object.values(CODE_BANDS)) as CodeTable;
