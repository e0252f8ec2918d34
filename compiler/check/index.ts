export { checkPipeline } from './check-pipeline.js';
export type { CheckContext, Rule } from './rule.js';
export { RULES } from './rules/index.js';
export { countCombos } from './count-combos.js';
export { targetLimits, type TargetLimits } from './target-limits.js';
export { chosenTargetDiagnostics } from './chosen-target.js';
export { DEFAULT_MAX_TASKS } from './rules/combo-explosion.js';
