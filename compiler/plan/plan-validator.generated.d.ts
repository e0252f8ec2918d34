// Types of plan-validator.generated.js (scripts/gen-validators.js): the schema's ajv validator.
import type { ValidateFunction } from 'ajv';
import type { Plan } from './types.js';

declare const validate: ValidateFunction<Plan>;
export default validate;
