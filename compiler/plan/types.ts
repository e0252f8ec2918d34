/**
 * The plan: a self-contained, versioned JSON artifact. `augc run` executes exactly a plan and
 * refuses a stale one; workers on any target receive only the plan's URI, a group and an index.
 * Nothing in it grows with the size of the input data: tasks are not listed one by one but
 * computed from (group, index) with `taskAt()`.
 */
export const PLAN_FORMAT_VERSION = 1;

export interface PlanResources {
  cpus: number;
  memoryBytes: number;
  gpus: number;
  gpuType?: string;
  walltimeSeconds: number;
  queue?: string;
  account?: string;
}

export type PlanParamValue = number | boolean | string | string[] | null;

export interface PlanMethod {
  id: string;
  kind: 'stdlib' | 'command';
  /** Catalogue name for stdlib methods (aliases resolved). */
  method?: string;
  /** Every parameter, defaults filled in. */
  params: Record<string, PlanParamValue>;
  /**
   * A command method's argv. Words that are paths (see compiler/ast/resolve-command-paths.ts) are
   * relative to the directory the plan was made in, like `input.uri`.
   */
  argv?: string[];
  /** How a command method's rows travel: `files` ($AUGC_INPUT/$AUGC_OUTPUT) or `stdio`. */
  io?: 'files' | 'stdio';
  image?: string;
  /**
   * What runs `image` on the target the plan was made for (`--target`, else local), resolved from
   * its `container` option when the plan was made; absent when nothing wraps the program.
   */
  container?: 'apptainer' | 'singularity' | 'docker' | 'podman';
  env?: Record<string, string>;
  passEnv?: string[];
  resources: PlanResources;
  labelSafe: boolean;
  gpu: boolean;
}

export interface PlanCombo {
  /** Stable id, e.g. `combo_2_syn+typo`. */
  id: string;
  /** Method ids in order of application. */
  methods: string[];
  k: number;
}

export interface PlanInput {
  uri: string;
  format: 'csv' | 'jsonl' | 'parquet';
  id?: string;
  text: string[];
  /** Numeric columns tabular methods may change (empty for text pipelines). */
  features?: string[];
  label?: string;
  keep: string[];
  protect: string[];
  protectKeywords: string[];
  onBadRow: 'fail' | 'skip';
  /** Known when the input could be read at plan time. */
  rows?: number;
  sha256?: string;
}

export interface PlanChunks {
  mode: 'rows' | 'count';
  /** Number of chunks. */
  count: number;
  /** Rows per chunk (the last chunk may be shorter); present in rows mode or when rows are known. */
  rowsPerChunk?: number;
}

/**
 * An array group: tasks with one resource class, submitted as one array job. A group covers the
 * tasks `[start, start + size)` of its resource class, whose task list is
 * `classCombos x chunks` in combo-major order; groups longer than the array limit are split.
 */
export interface PlanGroup {
  id: string;
  resourceClass: string;
  resources: PlanResources;
  /** Indices into `plan.combos` of the class's combos, in order. */
  classCombos: number[];
  start: number;
  size: number;
}

export type PlanRetryCondition =
  | { kind: 'preempted' | 'timeout' | 'oom' | 'node_fail' | 'any' }
  | { kind: 'exit'; code: number }
  | { kind: 'signal'; signal: string };

export interface PlanRetry {
  attempts: number;
  backoff:
    | { kind: 'fixed'; delaySeconds: number }
    | { kind: 'exponential'; baseSeconds: number; maxSeconds: number; factor: number };
  on: PlanRetryCondition[];
  escalate: { resource: 'memory' | 'walltime' | 'cpus'; factor: number }[];
}

/**
 * A target and its options as the run uses them, fixed when the plan was made (config file and
 * environment included). Options of type `bytes` (`max_memory`) are in bytes, of type `duration`
 * (`max_walltime`) in seconds.
 */
export interface PlanTarget {
  name: string;
  options: Record<string, PlanParamValue>;
  /**
   * Where each option's value came from: `pipeline`, `profile`, `--set`, `config <path>` or
   * `env AUGC_<NAME>`.
   */
  origins?: Record<string, string>;
}

export interface Plan {
  formatVersion: number;
  compilerVersion: string;
  /** sha256 over every source file read (main file, includes, catalogues), in order. */
  sourceHash: string;
  /** sha256 of the canonical JSON of the plan without this field. */
  planHash: string;
  pipeline: string;
  /** Path of the main `.aug` file relative to the working directory the plan was made in. */
  sourceFile: string;
  profile?: string;
  seed: number;
  input: PlanInput;
  output: { uri: string; format: 'parquet' | 'csv' | 'jsonl' };
  methods: PlanMethod[];
  combos: PlanCombo[];
  variants: number;
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
  chunks: PlanChunks;
  groups: PlanGroup[];
  taskCount: number;
  retry: PlanRetry;
  targets: PlanTarget[];
  /** The target selected with `--target`, if any. */
  target?: string;
  layout: {
    /** `{combo}` and `{chunk}` (5 digits) and `{ext}` are replaced. */
    part: string;
    context: string;
    manifestRow: string;
    meta: string;
    manifest: string;
  };
}

/** One task as a worker sees it. */
export interface PlanTask {
  /** e.g. `combo_2_syn+typo.c00003` */
  id: string;
  group: string;
  index: number;
  combo: PlanCombo;
  comboIndex: number;
  chunk: number;
  seed: string;
}
