import type { PlanInput, PlanMethod, PlanResources, PlanRetry, PlanTarget } from '../plan/types.js';

/**
 * The IR: a checked pipeline with every default filled in, aliases resolved and combos expanded.
 * Plain JSON (no spans), described by ir.schema.json. The plan builder adds what depends on the
 * plan-time context: chunk count, resource classes, array groups, hashes.
 */
export const IR_VERSION = 1;

export type IrInput = Omit<PlanInput, 'rows' | 'sha256'>;

export type IrMethod = PlanMethod;

export interface IrCombo {
  /** Stable id, e.g. `combo_2_syn+typo`. */
  id: string;
  /** Method ids in order of application. */
  methods: string[];
  k: number;
  /** Per-key maximum over the combo's methods; string keys from the first method that sets them. */
  resources: PlanResources;
  gpu: boolean;
}

export type IrChunk = { mode: 'rows'; rows: number } | { mode: 'count'; count: number };

export interface Ir {
  irVersion: number;
  pipeline: string;
  seed: number;
  variants: number;
  maxTasks: number;
  input: IrInput;
  output: { uri: string; format: 'parquet' | 'csv' | 'jsonl' };
  methods: IrMethod[];
  combos: IrCombo[];
  /**
   * `caseSensitive` and `minKept` are present only when set: an unset one leaves plans as they
   * were. `minKept` is the share of a combo's variants under which the end of a run warns.
   */
  quality: {
    measure: 'chrf' | 'levenshtein' | 'jaccard';
    min: number;
    max: number;
    caseSensitive?: true;
    minKept?: number;
  };
  chunk: IrChunk;
  /** Pipeline-level resources with built-in defaults filled in. */
  resources: PlanResources;
  retry: PlanRetry;
  targets: PlanTarget[];
}
