/**
 * What each block of a pipeline accepts: its attributes, its nested blocks and the bare names its
 * name-valued attributes take. One home, read by the builders (compiler/ast/build-*.ts) and by
 * the language server's completion and hover (lsp/), so the two cannot disagree.
 */
export const INPUT_ATTRIBUTES = [
  'format',
  'id',
  'text',
  'features',
  'label',
  'keep',
  'protect',
  'protect_keywords',
  'on_bad_row',
] as const;
export const INPUT_FORMATS = ['csv', 'jsonl', 'parquet'] as const;
export const BAD_ROW_ACTIONS = ['fail', 'skip'] as const;

export const OUTPUT_ATTRIBUTES = ['format'] as const;
export const OUTPUT_FORMATS = ['parquet', 'csv', 'jsonl'] as const;

export const RESOURCE_ATTRIBUTES = [
  'cpus',
  'memory',
  'gpus',
  'gpu_type',
  'walltime',
  'queue',
  'account',
] as const;

export const COMBO_SELECTIONS = ['up_to', 'size', 'all', 'list'] as const;
export const COMBOS_ATTRIBUTES = [...COMBO_SELECTIONS, 'exclude', 'order'] as const;

export const QUALITY_ATTRIBUTES = ['measure', 'min', 'max', 'case_sensitive', 'min_kept'] as const;
export const SIMILARITY_MEASURES = ['chrf', 'levenshtein', 'jaccard'] as const;

export const CHUNK_ATTRIBUTES = ['rows', 'count'] as const;

export const RETRY_ATTRIBUTES = ['attempts', 'backoff', 'on'] as const;
export const RETRY_BLOCKS = ['escalate'] as const;
export const RETRY_CONDITIONS = ['preempted', 'timeout', 'oom', 'node_fail', 'any'] as const;
/** Conditions written as a call: `exit(137)`, `signal(SIGKILL)`. */
export const RETRY_CONDITION_CALLS = ['exit', 'signal'] as const;
export const BACKOFF_KINDS = ['fixed', 'exponential'] as const;
export const ESCALATED_RESOURCES = ['memory', 'walltime', 'cpus'] as const;

/** The block of a catalogue method: `method syn = spelling() { resources { ... } }`. */
export const METHOD_BLOCKS = ['resources'] as const;
/** The block of a `command(...)` method. */
export const COMMAND_ATTRIBUTES = ['image', 'io', 'pass_env'] as const;
export const COMMAND_BLOCKS = ['env', 'resources'] as const;
export const COMMAND_IO_MODES = ['files', 'stdio'] as const;
