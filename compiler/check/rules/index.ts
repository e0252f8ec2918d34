import type { Rule } from '../rule.js';
import { awsBatchLimitsRule } from './aws-batch-limits.js';
import { comboExplosionRule } from './combo-explosion.js';
import { comboOrderRule } from './combo-order.js';
import { comboReferencesRule } from './combo-references.js';
import { comboSizeRule } from './combo-size.js';
import { containerImageRule } from './container-image.js';
import { duplicateMethodRule } from './duplicate-method.js';
import { duplicateTargetRule } from './duplicate-target.js';
import { excludeMatchesNothingRule } from './exclude-matches-nothing.js';
import { inputColumnsRule } from './input-columns.js';
import { inputFormatRule } from './input-format.js';
import { labelUnsafeRule } from './label-unsafe.js';
import { methodDomainRule } from './method-domain.js';
import { missingParameterRule } from './missing-parameter.js';
import { mixedDomainComboRule } from './mixed-domain-combo.js';
import { noMethodsRule } from './no-methods.js';
import { outputSchemeRule } from './output-scheme.js';
import { parameterValueRule } from './parameter-value.js';
import { positionalArgumentRule } from './positional-argument.js';
import { resourceRangesRule } from './resource-ranges.js';
import { resourcesSatisfiableRule } from './resources-satisfiable.js';
import { retryConditionsRule } from './retry-conditions.js';
import { retrySettingsRule } from './retry-settings.js';
import { targetOptionsRule } from './target-options.js';
import { unknownMethodRule } from './unknown-method.js';
import { unknownParameterRule } from './unknown-parameter.js';
import { unknownTargetRule } from './unknown-target.js';
import { valueRangesRule } from './value-ranges.js';

/** Every check rule, in the order their diagnostics are most useful to read. */
export const RULES: readonly Rule[] = [
  noMethodsRule,
  duplicateMethodRule,
  unknownMethodRule,
  positionalArgumentRule,
  unknownParameterRule,
  missingParameterRule,
  parameterValueRule,
  labelUnsafeRule,
  methodDomainRule,
  comboReferencesRule,
  comboOrderRule,
  comboSizeRule,
  mixedDomainComboRule,
  excludeMatchesNothingRule,
  comboExplosionRule,
  valueRangesRule,
  resourceRangesRule,
  inputFormatRule,
  inputColumnsRule,
  outputSchemeRule,
  retrySettingsRule,
  retryConditionsRule,
  unknownTargetRule,
  duplicateTargetRule,
  targetOptionsRule,
  resourcesSatisfiableRule,
  containerImageRule,
  awsBatchLimitsRule,
];

/**
 * The rules that judge a statement by itself, not the pipeline as a whole (combos, input columns,
 * "declares no method"): what an included fragment checked on its own can be held to.
 */
export const FRAGMENT_RULES: readonly Rule[] = [
  duplicateMethodRule,
  unknownMethodRule,
  positionalArgumentRule,
  unknownParameterRule,
  missingParameterRule,
  parameterValueRule,
  valueRangesRule,
  resourceRangesRule,
  outputSchemeRule,
  retrySettingsRule,
  retryConditionsRule,
  unknownTargetRule,
  duplicateTargetRule,
  targetOptionsRule,
  awsBatchLimitsRule,
];
