import type { TableMethod } from '../method.js';
import { bootstrap } from './bootstrap.js';
import { featureMask } from './feature-mask.js';
import { gaussianNoise } from './gaussian-noise.js';
import { mixup } from './mixup.js';
import { smote } from './smote.js';

export { bootstrap, featureMask, gaussianNoise, mixup, smote };

/** The tabular methods, named as in stdlib/catalog/tabular.ts. */
export const TABULAR_METHODS: readonly TableMethod[] = [
  gaussianNoise,
  smote,
  mixup,
  featureMask,
  bootstrap,
];
