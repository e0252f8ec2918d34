import type { Span } from '../diagnostics/diagnostic.js';

/**
 * The untyped syntax tree of a `.aug` file. The grammar is block-structured (like HCL): every
 * statement is `keyword label* ('=' expr)? ('{' statement* '}')?`. The typed AST is built from
 * this tree by `compiler/ast/`, so no chevrotain type leaves `compiler/syntax/`.
 */
export interface Ident {
  kind: 'ident';
  name: string;
  span: Span;
}

export interface StringLit {
  kind: 'string';
  value: string;
  span: Span;
}

/** `42`, `0.55`, `1_000_000`, `2GiB`, `30m`, `2x`: value as written, unit suffix kept apart. */
export interface NumberLit {
  kind: 'number';
  value: number;
  unit?: string;
  raw: string;
  span: Span;
}

export interface BoolLit {
  kind: 'bool';
  value: boolean;
  span: Span;
}

export interface ListExpr {
  kind: 'list';
  items: Expr[];
  span: Span;
}

export interface Arg {
  name?: Ident;
  value: Expr;
  span: Span;
}

/** `wordnet_synonym(aug_p = 0.1)`, `exit(137)`, `exponential(10s, max = 5m)`. */
export interface CallExpr {
  kind: 'call';
  callee: Ident;
  args: Arg[];
  span: Span;
}

/** `syn + typo + spell`: a combination of methods, in the order written. */
export interface PlusExpr {
  kind: 'plus';
  terms: Expr[];
  span: Span;
}

/** Left in the tree where the parser recovered from a syntax error (already reported). */
export interface ErrorExpr {
  kind: 'error';
  span: Span;
}

export type Expr =
  Ident | StringLit | NumberLit | BoolLit | ListExpr | CallExpr | PlusExpr | ErrorExpr;

export type Label = Ident | StringLit;

/**
 * One statement. Examples:
 * - `seed = 42`                      keyword=seed, value=42
 * - `input "data.csv" { ... }`       keyword=input, labels=["data.csv"], body=[...]
 * - `method syn = f(a = 1) { ... }`  keyword=method, labels=[syn], value=f(...), body=[...]
 * - `target slurm { ... }`           keyword=target, labels=[slurm], body=[...]
 */
export interface Statement {
  kind: 'statement';
  keyword: Ident;
  labels: Label[];
  value?: Expr;
  body?: Statement[];
  span: Span;
}

export interface Comment {
  text: string;
  span: Span;
  /** `//` and `#` comments are line comments, `/* *\/` block comments. */
  block: boolean;
}

export interface SourceFile {
  file: string;
  text: string;
  statements: Statement[];
  comments: Comment[];
}
