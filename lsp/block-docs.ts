import {
  BACKOFF_KINDS,
  BAD_ROW_ACTIONS,
  COMMAND_IO_MODES,
  INPUT_FORMATS,
  OUTPUT_FORMATS,
  RETRY_CONDITION_CALLS,
  RETRY_CONDITIONS,
  SIMILARITY_MEASURES,
  type CHUNK_ATTRIBUTES,
  type COMBOS_ATTRIBUTES,
  type COMMAND_ATTRIBUTES,
  type COMMAND_BLOCKS,
  type ESCALATED_RESOURCES,
  type INPUT_ATTRIBUTES,
  type OUTPUT_ATTRIBUTES,
  type QUALITY_ATTRIBUTES,
  type RESOURCE_ATTRIBUTES,
  type RETRY_ATTRIBUTES,
  type RETRY_BLOCKS,
} from '../compiler/ast/block-schemas.js';

/**
 * What the editor says about each statement of a block: the kind of value it takes (for
 * completing values and units) and a one-line description (for hover and completion details).
 * Which attributes a block has comes from compiler/ast/block-schemas.ts, the lists the builders
 * read: every key below is typed by them, so an attribute added there without a word here fails
 * to compile. docs/reference.md holds the full text.
 */
export type ValueKind =
  | 'integer'
  | 'number'
  | 'bool'
  | 'string'
  | 'strings'
  | 'memory'
  | 'duration'
  | 'factor'
  | 'name'
  | 'methods'
  | 'conditions'
  | 'backoff'
  | 'method-call'
  | 'path'
  | 'block';

export interface StatementDoc {
  value: ValueKind;
  doc: string;
  /** The bare names a `name` value (or a list of them) takes. */
  values?: readonly string[];
}

/** The blocks the language knows, by the keyword that opens them. */
export type BlockKind =
  | 'top'
  | 'pipeline'
  | 'input'
  | 'output'
  | 'resources'
  | 'combos'
  | 'quality'
  | 'chunk'
  | 'retry'
  | 'escalate'
  | 'method'
  | 'command'
  | 'env';

type Docs<K extends string> = Readonly<Record<K, StatementDoc>>;
type Of<T extends readonly string[]> = T[number];

const block = (doc: string): StatementDoc => ({ value: 'block', doc });

const TOP: Docs<'include' | 'import' | 'pipeline'> = {
  include: { value: 'path', doc: 'splice the statements of another `.aug` file (a fragment) here' },
  import: { value: 'path', doc: 'declare every method of a YAML method catalogue' },
  pipeline: block('the pipeline: `pipeline "<name>" { ... }`, exactly one per main file'),
};

/** Every keyword of a pipeline body (the list is BODY_KEYWORDS in build-pipeline.ts). */
const PIPELINE: Docs<string> = {
  seed: { value: 'integer', doc: 'the seed every task seed is derived from (default 42)' },
  variants: { value: 'integer', doc: 'augmented variants per input row and combo (default 1)' },
  max_tasks: { value: 'integer', doc: 'the task budget: combos x chunks (default 100_000)' },
  input: block('the input dataset: `input "<path or uri>" { text = [...] ... }`'),
  combos: block('which combinations of methods run (default: every method alone)'),
  quality: block('the similarity band augmented variants must fall in'),
  chunk: block('how the input is cut into chunks: `rows = n` or `count = n`'),
  resources: block('what each task asks for: cpus, memory, gpus, walltime ...'),
  retry: block('which failures are retried, how often, and with what escalation'),
  output: block('where the augmented dataset is written: `output "<path or uri>" { ... }`'),
  method: {
    value: 'method-call',
    doc: 'a named method: `method <name> = <catalogue method>(<param> = <value>, ...)` or `command("...")`',
  },
  target: block('an execution target and its options: `target <name> { ... }`'),
  profile: block('statements merged over the pipeline with `--profile <name>`'),
  include: TOP.include,
  import: TOP.import,
};

const INPUT: Docs<Of<typeof INPUT_ATTRIBUTES>> = {
  format: {
    value: 'name',
    values: INPUT_FORMATS,
    doc: 'the file format (default: from the extension)',
  },
  id: { value: 'string', doc: 'the column that identifies a row (default: the row number)' },
  text: { value: 'strings', doc: 'the text columns text methods augment' },
  features: { value: 'strings', doc: 'the numeric columns tabular methods may change' },
  label: { value: 'string', doc: 'the label column (label-unsafe methods warn)' },
  keep: { value: 'strings', doc: 'columns carried through unchanged' },
  protect: { value: 'strings', doc: 'columns carried through and never altered' },
  protect_keywords: { value: 'strings', doc: 'words never altered inside augmented text' },
  on_bad_row: {
    value: 'name',
    values: BAD_ROW_ACTIONS,
    doc: 'what to do with a row that cannot be read (default fail)',
  },
};

const OUTPUT: Docs<Of<typeof OUTPUT_ATTRIBUTES>> = {
  format: { value: 'name', values: OUTPUT_FORMATS, doc: 'the dataset format (default parquet)' },
};

const RESOURCES: Docs<Of<typeof RESOURCE_ATTRIBUTES>> = {
  cpus: { value: 'integer', doc: 'CPUs per task (default 1)' },
  memory: { value: 'memory', doc: 'memory per task, with a unit such as `2GiB` (default 2GiB)' },
  gpus: { value: 'integer', doc: 'GPUs per task (default 0)' },
  gpu_type: { value: 'string', doc: 'the GPU model, e.g. `"a100"`' },
  walltime: { value: 'duration', doc: 'longest run time per task, e.g. `30m` (default 1h)' },
  queue: { value: 'string', doc: 'the queue or partition' },
  account: { value: 'string', doc: 'the account charged' },
};

const COMBOS: Docs<Of<typeof COMBOS_ATTRIBUTES>> = {
  up_to: { value: 'integer', doc: 'every combination of 1..k methods' },
  size: { value: 'integer', doc: 'every combination of exactly k methods' },
  all: { value: 'bool', doc: 'every non-empty combination of the methods' },
  list: { value: 'methods', doc: 'exactly these combinations: `[a, a + b, ...]`' },
  exclude: { value: 'methods', doc: 'remove every combo that holds all the listed methods' },
  order: { value: 'methods', doc: 'order of application inside a combo (every method once)' },
};

const QUALITY: Docs<Of<typeof QUALITY_ATTRIBUTES>> = {
  measure: {
    value: 'name',
    values: SIMILARITY_MEASURES,
    doc: 'similarity between original and variant (default chrf)',
  },
  min: { value: 'number', doc: 'drop variants less similar than this, in [0, 1] (default 0)' },
  max: { value: 'number', doc: 'drop variants more similar than this, in [0, 1] (default 1)' },
  case_sensitive: { value: 'bool', doc: 'compare case too (default false)' },
  min_kept: {
    value: 'number',
    doc: 'warn (an error under `--strict`) when a combo keeps a smaller share of its variants, in [0, 1] (default 0.1; 0 turns it off)',
  },
};

const CHUNK: Docs<Of<typeof CHUNK_ATTRIBUTES>> = {
  rows: { value: 'integer', doc: 'cut the input every n rows' },
  count: { value: 'integer', doc: 'cut the input into n nearly equal parts' },
};

const RETRY: Docs<Of<typeof RETRY_ATTRIBUTES> | Of<typeof RETRY_BLOCKS>> = {
  attempts: { value: 'integer', doc: 'total tries per task (default 1: no retry)' },
  backoff: {
    value: 'backoff',
    values: BACKOFF_KINDS,
    doc: 'wait between tries: `fixed(30s)` or `exponential(10s, max = 5m, factor = 2)`',
  },
  on: {
    value: 'conditions',
    values: [...RETRY_CONDITIONS, ...RETRY_CONDITION_CALLS],
    doc: 'failures that are retried (default `[preempted, node_fail]`)',
  },
  escalate: block('multiply a resource on each retry: `memory = 2x`'),
};

const ESCALATE: Docs<Of<typeof ESCALATED_RESOURCES>> = {
  memory: { value: 'factor', doc: 'memory multiplier per retry, e.g. `2x`' },
  walltime: { value: 'factor', doc: 'walltime multiplier per retry, e.g. `1.5x`' },
  cpus: { value: 'factor', doc: 'CPU multiplier per retry, e.g. `2x`' },
};

const METHOD: Docs<'resources'> = {
  resources: block("this method's resources, overriding the pipeline's per key"),
};

const COMMAND: Docs<Of<typeof COMMAND_ATTRIBUTES> | Of<typeof COMMAND_BLOCKS>> = {
  image: { value: 'string', doc: "the container image the program runs in (the target's runtime)" },
  io: {
    value: 'name',
    values: COMMAND_IO_MODES,
    doc: '`files` (default): `$AUGC_INPUT` and `$AUGC_OUTPUT`; `stdio`: rows on stdin and stdout',
  },
  pass_env: { value: 'strings', doc: "the caller's environment variables passed through" },
  env: block('environment variables set for the program: `NAME = "value"`'),
  resources: METHOD.resources,
};

const BLOCKS: Readonly<Record<Exclude<BlockKind, 'env'>, Docs<string>>> = {
  top: TOP,
  pipeline: PIPELINE,
  input: INPUT,
  output: OUTPUT,
  resources: RESOURCES,
  combos: COMBOS,
  quality: QUALITY,
  chunk: CHUNK,
  retry: RETRY,
  escalate: ESCALATE,
  method: METHOD,
  command: COMMAND,
};

/** The statements a block holds (an `env` block holds any name). */
export function statementsOf(kind: BlockKind): Readonly<Record<string, StatementDoc>> {
  return kind === 'env' ? {} : BLOCKS[kind];
}

/** What a keyword means in a block, if the block has it. */
export function statementDoc(kind: BlockKind, keyword: string): StatementDoc | undefined {
  return Object.hasOwn(statementsOf(kind), keyword) ? statementsOf(kind)[keyword] : undefined;
}

/** Blocks whose statements a keyword opens, when the keyword itself opens a known block. */
export function blockOpenedBy(parent: BlockKind, keyword: string): BlockKind | undefined {
  if (parent === 'top' && keyword === 'pipeline') return 'pipeline';
  if (parent === 'retry' && keyword === 'escalate') return 'escalate';
  if (parent === 'command' && keyword === 'env') return 'env';
  if (keyword === 'resources' && ['pipeline', 'method', 'command'].includes(parent))
    return 'resources';
  if (parent !== 'pipeline') return undefined;
  if (keyword === 'profile') return 'pipeline';
  const inner = ['input', 'output', 'combos', 'quality', 'chunk', 'retry'] as const;
  return inner.find((k) => k === keyword);
}
