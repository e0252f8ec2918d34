/**
 * The contract between the engine and method implementations. Implementations are pure functions
 * of their inputs and the RNG they are given, so output never depends on scheduling.
 */
export type MethodParams = Readonly<Record<string, number | boolean | string | string[] | null>>;

/** A deterministic random stream (see stdlib/random/rng.ts). */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

export interface TextContext {
  rng: Rng;
  /** Lower-cased words that must never be altered (the input's `protect_keywords`). */
  protectedWords: ReadonlySet<string>;
}

/** Augments one text cell. Returns the new text (may equal the input when nothing applies). */
export interface TextMethod {
  domain: 'text';
  name: string;
  augment(text: string, params: MethodParams, ctx: TextContext): string;
}

export type CellValue = string | number | boolean | null;
export type TableRow = Record<string, CellValue>;

export interface TableContext {
  rng: Rng;
  /** Numeric feature columns the method may change. */
  features: readonly string[];
  /** The label column, when the input declares one. */
  label?: string;
  /** Columns never altered. */
  protect: readonly string[];
}

/**
 * Augments a whole chunk of rows at once (SMOTE and mixup need neighbours): returns `count`
 * synthetic rows built from `rows`.
 */
export interface TableMethod {
  domain: 'tabular';
  name: string;
  synthesize(
    rows: readonly TableRow[],
    count: number,
    params: MethodParams,
    ctx: TableContext,
  ): TableRow[];
}

export type MethodImpl = TextMethod | TableMethod;
