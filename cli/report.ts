import { basename } from 'node:path';
import type { Diagnostic } from '../compiler/diagnostics/diagnostic.js';
import { renderGithub } from '../compiler/diagnostics/render/github.js';
import { renderHuman } from '../compiler/diagnostics/render/human.js';
import { renderJson } from '../compiler/diagnostics/render/json.js';
import { renderSarif } from '../compiler/diagnostics/render/sarif.js';
import type { CliContext } from './context.js';

export const DIAGNOSTIC_FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];

export type Sources = Map<string, string>;

/** Human diagnostics for one file go to stderr, with rustc's summary naming that file. */
export function reportHuman(
  ctx: CliContext,
  diags: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  file: string,
): void {
  const text = renderHuman(diags, sources, { color: ctx.color, subject: basename(file) });
  if (text !== '') ctx.io.stderr.write(text);
}

/** A message that is not about a source location (missing file, write failure), without summary. */
export function reportMessage(ctx: CliContext, diag: Diagnostic): void {
  const text = renderHuman([diag], new Map(), { color: ctx.color, summary: false });
  ctx.io.stderr.write(text);
}

/** Machine formats are data: one document on stdout for all files together. */
export function reportMachine(
  ctx: CliContext,
  format: Exclude<DiagnosticFormat, 'text'>,
  diags: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  toolVersion: string,
): void {
  const render = {
    json: () => renderJson(diags, sources),
    github: () => renderGithub(diags, sources),
    sarif: () => renderSarif(diags, sources, { toolVersion }),
  }[format];
  ctx.io.stdout.write(render());
}
