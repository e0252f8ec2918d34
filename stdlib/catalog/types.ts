/**
 * The catalogue is pure data: method names, parameter schemas and documentation. The compiler
 * checks pipelines against it; implementations live in stdlib/text, stdlib/tabular and
 * stdlib/command and are never imported by the compiler.
 */
/**
 * `sampling` is imbalanced-learn's `sampling_strategy`: a name (`auto`, ...), a ratio in (0, 1]
 * or per-class counts written `["label=n", ...]`.
 */
export type ParamType =
  'number' | 'integer' | 'bool' | 'string' | 'enum' | 'string_list' | 'sampling';

export type ParamDefault = number | boolean | string | string[] | null;

export interface ParamSpec {
  name: string;
  type: ParamType;
  /**
   * `null` means "no default and optional" (e.g. nlpaug's aug_max=None). Absent with
   * required=true means required; absent without it means optional and left out of the plan when
   * not given (so adding such a parameter keeps existing plans byte-identical).
   */
  default?: ParamDefault;
  required?: boolean;
  min?: number;
  max?: number;
  /** Lower bound is exclusive (e.g. a probability that must be > 0). */
  exclusiveMin?: boolean;
  /** For `enum`. */
  values?: string[];
  doc: string;
}

/** Which rule decides how many units (words, characters) a method changes. */
export type CountRule = 'nlpaug' | 'textattack' | 'eda' | 'per-unit' | 'none';

export type MethodDomain = 'text' | 'tabular';

export interface MethodSpec {
  name: string;
  domain: MethodDomain;
  /** One-line summary for `augc` listings and did-you-mean help. */
  summary: string;
  doc: string;
  params: ParamSpec[];
  countRule: CountRule;
  /** False when the method can flip a label (e.g. antonyms); the compiler warns. */
  labelSafe: boolean;
  /** Whether the method needs a GPU by default (puts its combos in a GPU array group). */
  gpu: boolean;
  /** The reference implementation whose semantics it follows, e.g. "nlpaug KeywordAug". */
  reference?: string;
}

/**
 * A seed-style name (e.g. `nlp_wordnet_syn`) that resolves to an augc method with the reference
 * library's defaults, so that an existing YAML method catalogue can be imported as is.
 */
export interface AliasSpec {
  alias: string;
  method: string;
  params: Record<string, ParamDefault>;
  doc: string;
}
