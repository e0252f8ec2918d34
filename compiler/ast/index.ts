export type * from './types.js';
export { loadPipeline, type LoadOptions } from './load-pipeline.js';
export { SET_FILE } from './apply-set.js';
export { defaultsFile, type ConfiguredDefault } from './apply-defaults.js';
export { editDistance, suggest, didYouMean } from './did-you-mean.js';
export { splitCommand, type SplitResult } from './split-command.js';
export {
  toQuantity,
  formatBytes,
  formatSeconds,
  MEMORY_UNITS,
  DURATION_UNITS,
  type QuantityKind,
} from './units.js';
