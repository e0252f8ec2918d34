import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a JavaScript build script without type declarations.
import { VALIDATORS, validatorSource } from '../../scripts/gen-validators.js';
import validateIr from '../../compiler/ir/ir-validator.generated.js';
import validatePlan from '../../compiler/plan/plan-validator.generated.js';

const generators = VALIDATORS as { schema: string; module: string }[];
const source = validatorSource as (schema: string) => string;

describe('validators generated from the JSON Schemas', () => {
  it.each(generators)('$module is up to date with $schema (else: npm run gen:validators)', (v) => {
    expect(readFileSync(v.module, 'utf8')).toBe(source(v.schema));
  });

  it('validate, and report errors the way ajv does', () => {
    // maxLength/minLength go through ajv's runtime helper, which the generated code requires.
    expect(validatePlan({ sourceFile: '' })).toBe(false);
    expect(validatePlan.errors?.some((e) => e.keyword === 'required')).toBe(true);
    expect(validatePlan.errors).toContainEqual(
      expect.objectContaining({ instancePath: '/sourceFile', keyword: 'minLength' }),
    );
    expect(validateIr([])).toBe(false);
    expect(validateIr.errors?.[0]?.keyword).toBe('type');
  });
});
