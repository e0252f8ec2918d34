import { parseClassCount, SAMPLING_NAMES, type ParamSpec } from '../../stdlib/catalog/index.js';
import { didYouMean } from '../ast/did-you-mean.js';
import type { LocatedParam } from '../ast/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { listNames } from './rule.js';

function invalid(
  spec: ParamSpec,
  param: LocatedParam,
  message: string,
  help: string,
): Diagnostic[] {
  return [
    { code: 'AUG2105', severity: 'error', message, span: param.span, help: help || spec.doc },
  ];
}

/**
 * imbalanced-learn's `sampling_strategy`: a name, a ratio in (0, 1], or `["label=n", ...]` with
 * each label once. Returns undefined when the value has none of these shapes (a type error).
 */
export function checkSampling(spec: ParamSpec, param: LocatedParam): Diagnostic[] | undefined {
  const v = param.value;
  if (v.type === 'symbol' || v.type === 'string') {
    if (SAMPLING_NAMES.includes(v.value)) return [];
    const hint =
      didYouMean(v.value, SAMPLING_NAMES) ?? `expected one of ${listNames(SAMPLING_NAMES)}`;
    return invalid(spec, param, `\`${v.value}\` is not a sampling strategy`, hint);
  }
  if (v.type === 'number' && v.unit === undefined) {
    if (v.value > 0 && v.value <= 1) return [];
    const message = `a \`${spec.name}\` ratio must be > 0 and <= 1, found ${v.value}`;
    return invalid(spec, param, message, 'the ratio is minority/majority after resampling');
  }
  if (v.type !== 'list' || !v.items.every((i) => i.value.type === 'string')) return undefined;
  const seen = new Set<string>();
  for (const item of v.items) {
    const text = item.value.type === 'string' ? item.value.value : '';
    const parsed = parseClassCount(text);
    if (!parsed) return invalid(spec, item, `\`${text}\` is not \`"label=count"\``, '');
    if (seen.has(parsed.label))
      return invalid(spec, item, `class \`${parsed.label}\` is given twice`, '');
    seen.add(parsed.label);
  }
  return [];
}
