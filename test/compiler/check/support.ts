import { loadPipeline, type LoadOptions } from '../../../compiler/ast/index.js';
import type { PipelineAst } from '../../../compiler/ast/types.js';
import { checkPipeline, type CheckContext } from '../../../compiler/check/index.js';
import type { Diagnostic, Result } from '../../../compiler/diagnostics/diagnostic.js';

/** Test support: load pipelines from in-memory files and locate diagnostics as `file:line:col`. */

export type Files = Record<string, string>;

export function loadFiles(
  files: Files,
  opts: Omit<LoadOptions, 'readFile'> = {},
  main = 'main.aug',
): Result<PipelineAst> {
  return loadPipeline(main, {
    ...opts,
    readFile: (p) => {
      const text = files[p];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return text;
    },
  });
}

export interface Checked {
  ast: PipelineAst | undefined;
  /** Loader and check diagnostics together. */
  diagnostics: Diagnostic[];
}

export function checkFiles(
  files: Files,
  ctx: CheckContext = {},
  opts: Omit<LoadOptions, 'readFile'> = {},
): Checked {
  const loaded = loadFiles(files, opts);
  const checked = loaded.value ? checkPipeline(loaded.value, ctx) : [];
  return { ast: loaded.value, diagnostics: [...loaded.diagnostics, ...checked] };
}

/** A valid pipeline around `body` (input, output and one method already declared when `withMethod`). */
export function pipeline(body: string, withMethod = true): string {
  return [
    'pipeline "p" {',
    '  input "data.csv" { text = ["text"] }',
    '  output "out/aug"',
    ...(withMethod ? ['  method typo = keyboard_typo(aug_char_p = 0.1)'] : []),
    body,
    '}',
    '',
  ].join('\n');
}

/** Loads and checks one main file. */
export function check(
  text: string,
  ctx: CheckContext = {},
  opts: Omit<LoadOptions, 'readFile'> = {},
): Checked {
  return checkFiles({ 'main.aug': text }, ctx, opts);
}

function textOf(file: string, files: Files): string {
  const text = files[file];
  if (text === undefined) throw new Error(`no source ${file}`);
  return text;
}

/** `file:line:col` (1-based) of a diagnostic's span start. */
export function where(d: Diagnostic, files: Files): string {
  if (!d.span) return '<no span>';
  const before = textOf(d.span.file, files).slice(0, d.span.start);
  const lines = before.split('\n');
  return `${d.span.file}:${lines.length}:${(lines[lines.length - 1] ?? '').length + 1}`;
}

/** The source text a diagnostic's span covers. */
export function spanText(d: Diagnostic, files: Files): string {
  return d.span ? textOf(d.span.file, files).slice(d.span.start, d.span.end) : '';
}

/** `code@file:line:col` for each diagnostic with one of `codes` (all when omitted), for compact assertions. */
export function summary(
  diags: readonly Diagnostic[],
  files: Files,
  codes?: readonly string[],
): string[] {
  return diags
    .filter((d) => !codes || codes.includes(d.code))
    .map((d) => `${d.code}@${where(d, files)}`);
}

export function codes(diags: readonly Diagnostic[]): string[] {
  return diags.map((d) => d.code);
}
