// Types of ir-validator.generated.js (scripts/gen-validators.js): the schema's ajv validator.
import type { ValidateFunction } from 'ajv';

declare const validate: ValidateFunction;
export default validate;
