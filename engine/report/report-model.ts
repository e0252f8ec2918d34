/** The run report's figures, computed from the run's records (summarize.ts) and rendered as HTML. */
import type { Plan, PlanCombo, PlanResources } from '../../compiler/plan/types.js';
import type { ReportTaskState } from './run-records.js';

/** What the run layer knows about a run beyond its records (`_augc/run.json`). */
export interface RunFacts {
  target: string;
  command?: string;
  /** When `augc run` started it (ISO 8601). */
  start?: string;
}

/** Counts of one slice of the run (a combo, a method, the whole run). */
export interface Tally {
  tasks: number;
  complete: number;
  rowsIn: number;
  generated: number;
  kept: number;
  rowsOut: number;
  dropped: Record<string, number>;
  /** Summed similarity histograms; undefined when no record had one (tabular, older records). */
  histogram: number[] | undefined;
  /** Wall seconds of the complete tasks' successful attempts. */
  seconds: number;
}

export interface FailureClassCount {
  errorClass: string;
  /** Failed or interrupted attempts of that class. */
  attempts: number;
  /** Of those, attempts that were followed by another attempt of the same task. */
  retried: number;
}

export interface ReportSummary {
  pipeline: string;
  planHash: string;
  /** The augc that made the plan, and the one that wrote the report. */
  augcVersion: string;
  reportVersion: string;
  target: string;
  command?: string;
  start?: string;
  end?: string;
  tasks: number;
  states: Partial<Record<ReportTaskState, number>>;
  total: Tally;
  failures: FailureClassCount[];
  /**
   * What every attempt on record (complete, failed, interrupted) held: its wall seconds, and
   * those times the CPUs and GPUs it requested, in hours (what `augc plan --estimate` foresees).
   */
  spent: {
    attempts: number;
    seconds: number;
    /** CPU seconds of the complete tasks whose records have them. */
    cpuSeconds: number;
    coreHours: number;
    gpuHours: number;
  };
  variants: number;
  quality: Plan['quality'];
}

export interface ComboStats {
  combo: PlanCombo;
  tally: Tally;
}

export interface MethodStats {
  id: string;
  /** Catalogue name or the command's program. */
  what: string;
  combos: number;
  tally: Tally;
}

/** One task attempt on the timeline: a success from a task record, else an attempt record. */
export interface AttemptBar {
  lane: string;
  task: string;
  attempt: number;
  startMs: number;
  endMs: number;
  outcome: 'ok' | 'failed' | 'interrupted';
  errorClass?: string;
}

/** A complete task's use of the machine against what its group asked for on that attempt. */
export interface UsageRow {
  task: string;
  group: string;
  attempt: number;
  wallSeconds: number;
  cpuSeconds?: number;
  peakRssBytes?: number;
  requested: PlanResources;
}

export interface FailureEntry {
  task: string;
  group: string;
  index: number;
  /** The task did not complete (else: it failed, was retried and completed). */
  final: boolean;
  attempts: {
    attempt: number;
    state: string;
    errorClass: string;
    message: string;
    worker: string;
    end: string;
  }[];
  logTail: string;
  logLocation?: string;
}

export interface ReportModel {
  summary: ReportSummary;
  combos: ComboStats[];
  methods: MethodStats[];
  timeline: { lanesBy: 'worker' | 'task'; bars: AttemptBar[] };
  usage: UsageRow[];
  failures: FailureEntry[];
}
