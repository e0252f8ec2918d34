/** A hand-made speed table for the estimate tests (round figures, worked out by hand). */
import type { SpeedTable } from '../../../engine/estimate/speed-table.js';

export const TABLE: SpeedTable = {
  about: 'fixture',
  measured: {},
  task_overhead_seconds: 0.5,
  worker_start_seconds: 2,
  quality_seconds_per_variant: { chrf: 0.001, levenshtein: 0.0005, jaccard: 0.0005 },
  methods: {
    keyboard_typo: { domain: 'text', seconds_per_variant: 0.01, load_seconds: 1 },
    random_word: { domain: 'text', seconds_per_variant: 0.002, load_seconds: 0 },
    smote: { domain: 'tabular', seconds_per_variant: 0.004, load_seconds: 0.5 },
  },
};
