/**
 * The built-in speed table `augc plan --estimate` falls back on where the runs given with
 * `--history` measured nothing: bench/method-speeds.js measures it (`npm run bench --
 * method-speeds`) and writes method-speeds.json beside this file.
 */
import table from './method-speeds.json' with { type: 'json' };

export interface SpeedTable {
  about: string;
  measured: Record<string, unknown>;
  /** CPU seconds a task costs whatever its size (read the chunk, write the part and records). */
  task_overhead_seconds: number;
  /** Wall seconds to start `augc worker`: paid once per array task on a batch target. */
  worker_start_seconds: number;
  /** The quality filter's seconds per variant, by measure (text combos). */
  quality_seconds_per_variant: Record<string, number>;
  /**
   * Each stdlib method's seconds per variant-row, without the quality filter, and the seconds a
   * process spends the first time it runs the method (dictionaries, compiled code).
   */
  methods: Record<
    string,
    { domain: 'text' | 'tabular'; seconds_per_variant: number; load_seconds: number }
  >;
}

export const BUILTIN_SPEEDS: SpeedTable = table as SpeedTable;
