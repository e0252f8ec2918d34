import type { Span } from '../diagnostics/diagnostic.js';

/**
 * The typed AST of one pipeline, after includes, catalogue imports, the selected profile and
 * `--set` overrides have been applied. Every user-written value keeps its span so that check rules
 * can point at it. Units are already normalised: bytes, seconds, plain factors.
 */
export interface Located<T> {
  value: T;
  span: Span;
}

export type InputFormat = 'csv' | 'jsonl' | 'parquet';
export type OutputFormat = 'parquet' | 'csv' | 'jsonl';
/** Target names have one home: compiler/targets/target-names.ts. */
export type { TargetName } from '../targets/target-names.js';
export type SimilarityMeasure = 'chrf' | 'levenshtein' | 'jaccard';

/** A parameter value as written in a call or a YAML catalogue, with its unit normalised. */
export type ParamValue =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number; unit?: string }
  | { type: 'bool'; value: boolean }
  | { type: 'symbol'; value: string }
  | { type: 'list'; items: LocatedParam[] };

export interface LocatedParam {
  value: ParamValue;
  span: Span;
}

export interface InputDecl {
  uri: Located<string>;
  format?: Located<InputFormat>;
  id?: Located<string>;
  text: Located<string>[];
  /** Numeric columns tabular methods may change. */
  features?: Located<string>[];
  label?: Located<string>;
  keep: Located<string>[];
  /** Columns whose values are never altered. */
  protect: Located<string>[];
  /** Words that are never altered inside augmented text. */
  protectKeywords: Located<string>[];
  onBadRow?: Located<'fail' | 'skip'>;
  span: Span;
}

export interface ResourcesDecl {
  cpus?: Located<number>;
  memoryBytes?: Located<number>;
  gpus?: Located<number>;
  gpuType?: Located<string>;
  walltimeSeconds?: Located<number>;
  queue?: Located<string>;
  account?: Located<string>;
  span: Span;
}

export interface StdlibMethodDecl {
  kind: 'stdlib';
  name: Located<string>;
  /** The catalogue entry called, e.g. `wordnet_synonym` (aliases such as `nlp_wordnet_syn` resolved later). */
  method: Located<string>;
  params: { name: Located<string>; value: LocatedParam }[];
  /** Arguments written without a name; always an error for stdlib methods (reported by a check rule). */
  positional?: LocatedParam[];
  resources?: ResourcesDecl;
  span: Span;
  /** Where it came from when imported from a YAML catalogue. */
  importedFrom?: Span;
}

export type CommandIo = 'files' | 'stdio';

export interface CommandMethodDecl {
  kind: 'command';
  name: Located<string>;
  /** argv, split from the command string with shell-like quoting rules but never run by a shell. */
  argv: Located<string[]>;
  /** How rows reach the program and come back: exchange files (default) or stdin/stdout. */
  io?: Located<CommandIo>;
  image?: Located<string>;
  env: { name: Located<string>; value: Located<string> }[];
  /** Names of caller environment variables passed through (never the whole environment by default). */
  passEnv: Located<string>[];
  resources?: ResourcesDecl;
  span: Span;
  importedFrom?: Span;
}

export type MethodDecl = StdlibMethodDecl | CommandMethodDecl;

/** A combination written as `a + b`, in the order written. */
export interface ComboRef {
  methods: Located<string>[];
  span: Span;
}

export type ComboSelection =
  | { kind: 'up_to'; k: Located<number> }
  | { kind: 'size'; k: Located<number> }
  | { kind: 'all'; span: Span }
  | { kind: 'list'; combos: ComboRef[]; span: Span };

export interface CombosDecl {
  /** Absent: singletons (`up_to = 1`). */
  selection?: ComboSelection;
  exclude: ComboRef[];
  /** Order of application inside a combo; default: declaration order of the methods. */
  order: Located<string>[];
  span: Span;
}

export interface QualityDecl {
  measure?: Located<SimilarityMeasure>;
  min?: Located<number>;
  max?: Located<number>;
  caseSensitive?: Located<boolean>;
  minKept?: Located<number>;
  span: Span;
}

export type ChunkDecl =
  | { kind: 'rows'; rows: Located<number>; span: Span }
  | { kind: 'count'; count: Located<number>; span: Span };

export type RetryCondition =
  | { kind: 'preempted' | 'timeout' | 'oom' | 'node_fail' | 'any'; span: Span }
  | { kind: 'exit'; code: number; span: Span }
  | { kind: 'signal'; signal: string; span: Span };

export type BackoffDecl =
  | { kind: 'fixed'; delaySeconds: Located<number>; span: Span }
  | {
      kind: 'exponential';
      baseSeconds: Located<number>;
      maxSeconds?: Located<number>;
      factor?: Located<number>;
      span: Span;
    };

export interface RetryDecl {
  attempts?: Located<number>;
  backoff?: BackoffDecl;
  on: RetryCondition[];
  /** Multipliers applied per retry after the matching failure, e.g. memory x2 after out-of-memory. */
  escalate: { resource: Located<'memory' | 'walltime' | 'cpus'>; factor: Located<number> }[];
  span: Span;
}

export interface OutputDecl {
  uri: Located<string>;
  format?: Located<OutputFormat>;
  span: Span;
}

export interface TargetOption {
  name: Located<string>;
  value: LocatedParam;
}

export interface TargetDecl {
  name: Located<string>;
  options: TargetOption[];
  span: Span;
}

export interface PipelineAst {
  file: string;
  name: Located<string>;
  seed?: Located<number>;
  variants?: Located<number>;
  maxTasks?: Located<number>;
  input?: InputDecl;
  methods: MethodDecl[];
  combos?: CombosDecl;
  quality?: QualityDecl;
  chunk?: ChunkDecl;
  resources?: ResourcesDecl;
  retry?: RetryDecl;
  output?: OutputDecl;
  targets: TargetDecl[];
  /** Names of the profiles declared (the selected one is already applied). */
  profiles: Located<string>[];
  /** The selected profile's block, so lowering can tell a setting it made from the pipeline's. */
  profileSpan?: Span;
  /** Every source file read: the main file, includes and YAML catalogues, with their text. */
  sources: { file: string; text: string }[];
  span: Span;
  /**
   * Set when the file declares no `pipeline` and was loaded as an included fragment on its own
   * (`augc check` only): its statements are built, but it is not a whole pipeline.
   */
  fragment?: true;
}
