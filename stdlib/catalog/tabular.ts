import type { MethodSpec } from './types.js';

// Parameter names are shared with the implementations in stdlib/tabular (another helper).
const tabular = (
  spec: Omit<MethodSpec, 'domain' | 'gpu' | 'countRule' | 'labelSafe'>,
): MethodSpec => ({
  ...spec,
  domain: 'tabular',
  gpu: false,
  countRule: 'none',
  labelSafe: true,
});

export const TABULAR_METHOD_SPECS: readonly MethodSpec[] = [
  tabular({
    name: 'gaussian_noise',
    summary: "add Gaussian noise scaled by each column's standard deviation",
    doc: "x' = x + N(0, (sigma x sd_j)^2) on numeric feature columns, clipped to the observed [min, max].",
    params: [
      {
        name: 'sigma',
        type: 'number',
        default: 0.05,
        min: 0,
        doc: "noise scale as a fraction of the column's standard deviation",
      },
      {
        name: 'columns',
        type: 'string_list',
        default: [],
        doc: 'columns to perturb; empty means every numeric feature',
      },
    ],
    reference: 'common practice',
  }),
  tabular({
    name: 'smote',
    summary: 'SMOTE interpolation between same-class neighbours',
    doc:
      'Interpolates between a sample and one of its k nearest same-class neighbours: x_i + U[0,1) x (x_nn - x_i). ' +
      'Without `sampling_strategy` (the default, unchanged) it makes rows x variants rows, shared out over the classes ' +
      'in proportion to their deficit to the majority. With it, it balances as imbalanced-learn does, once per variant ' +
      '(`variants = 2` is two resamplings, numbered by `augc_variant`), ignoring rows x variants. imbalanced-learn ' +
      'accepts a ratio only for two classes (minority/majority after resampling); augc applies it to every ' +
      'non-majority class. A class already above its target gets no rows (imbalanced-learn raises); a class named in ' +
      'counts that the chunk lacks fails the task. Methods after it in a combo work on its rows one for one.',
    params: [
      {
        name: 'k_neighbors',
        type: 'integer',
        default: 5,
        min: 1,
        doc: 'neighbours considered per sample',
      },
      {
        name: 'sampling_strategy',
        type: 'sampling',
        doc:
          "imbalanced-learn's: `auto` (= `not majority`), `minority`, `not minority`, `all`, a ratio r in (0, 1] " +
          '(each non-majority class up to floor(r x majority)) or counts `["label=n", ...]` (rows a class has after ' +
          'resampling), added per variant; unset: rows x variants rows shared out by deficit to the majority',
      },
    ],
    reference: 'imbalanced-learn SMOTE',
  }),
  tabular({
    name: 'mixup',
    summary: 'convex combinations of row pairs (mixup)',
    doc: 'x = lambda x_i + (1 - lambda) x_j with lambda ~ Beta(alpha, alpha).',
    params: [
      {
        name: 'alpha',
        type: 'number',
        default: 0.2,
        min: 0,
        exclusiveMin: true,
        doc: 'parameter of the Beta distribution',
      },
      {
        name: 'same_class',
        type: 'bool',
        default: true,
        doc: 'pair only rows of the same label (keeps hard labels)',
      },
    ],
    reference: 'Zhang et al. 2018 (mixup)',
  }),
  tabular({
    name: 'feature_mask',
    summary: 'mask features and refill them (VIME)',
    doc: "Each feature is masked with probability p_m and replaced by a draw from the column's empirical values or its mean.",
    params: [
      {
        name: 'p_m',
        type: 'number',
        default: 0.3,
        min: 0,
        max: 1,
        doc: 'masking probability per feature',
      },
      {
        name: 'fill',
        type: 'enum',
        default: 'marginal',
        values: ['marginal', 'mean'],
        doc: 'replacement for masked values',
      },
    ],
    reference: 'VIME mask-and-replace',
  }),
  tabular({
    name: 'bootstrap',
    summary: 'resample rows with replacement (optionally smoothed)',
    doc: 'Draws rows with replacement; shrinkage > 0 adds N(0, (s h sd_j)^2) per feature (smoothed bootstrap).',
    params: [
      { name: 'shrinkage', type: 'number', default: 0, min: 0, doc: '0 gives exact duplicates' },
    ],
    reference: 'imbalanced-learn RandomOverSampler',
  }),
];
