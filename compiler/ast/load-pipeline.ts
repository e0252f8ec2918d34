import { readFileSync } from 'node:fs';
import type { Diagnostic, Result, Span } from '../diagnostics/diagnostic.js';
import { parseSource } from '../syntax/parse-source.js';
import type { Statement } from '../syntax/tree.js';
import { applyDefaults, type ConfiguredDefault } from './apply-defaults.js';
import { applyProfile } from './apply-profile.js';
import { applySets } from './apply-set.js';
import { buildPipeline } from './build-pipeline.js';
import { expandIncludes, readSource, type IncludeState } from './resolve-includes.js';
import type { PipelineAst } from './types.js';

export interface LoadOptions {
  /** Profile to merge over the pipeline (`--profile`). */
  profile?: string;
  /** `key=value` overrides (`--set`), applied in order after the profile. */
  sets?: string[];
  /**
   * `key=value` defaults in the same syntax (the user's configuration), lowest first: they fill
   * only what the pipeline and profile leave unset; `sets` override them.
   */
  defaults?: readonly ConfiguredDefault[];
  /** Reads a file as UTF-8; defaults to the file system. Throwing means "cannot read". */
  readFile?: (path: string) => string;
  /**
   * A file that declares no `pipeline` is loaded as a fragment (its statements built as if
   * included) instead of being an error: `augc check` over every `.aug` file in a repository.
   */
  fragments?: boolean;
}

/**
 * Reads a `.aug` file and everything it includes or imports, applies the selected profile, the
 * configured defaults under it and `--set` overrides over it, and builds the typed AST. Semantic checks are left to `checkPipeline`.
 */
export function loadPipeline(path: string, opts: LoadOptions = {}): Result<PipelineAst> {
  const diags: Diagnostic[] = [];
  const state: IncludeState = {
    readFile: opts.readFile ?? ((p) => readFileSync(p, 'utf8')),
    sources: [],
    diags,
    chain: [path],
  };
  const text = readSource(path, state, undefined);
  if (text === undefined) return { value: undefined, diagnostics: diags };
  const parsed = parseSource(path, text);
  diags.push(...parsed.diagnostics);
  const top = expandIncludes(parsed.value?.statements ?? [], path, state);
  if (opts.fragments && top.length > 0 && !top.some((s) => s.keyword.name === 'pipeline'))
    return { value: loadFragment(path, top, state), diagnostics: diags };
  const pipeline = findPipeline(top, path, diags);
  if (!pipeline) return { value: undefined, diagnostics: diags };
  const { stmt, body } = pipeline;
  const label = stmt.labels[0];
  const name = label
    ? { value: label.kind === 'ident' ? label.name : label.value, span: label.span }
    : undefined;
  if (!name) return { value: undefined, diagnostics: diags };
  const profiled = applyProfile(body, opts.profile, name.span, diags);
  const defaulted = applyDefaults(profiled.body, opts.defaults ?? [], state);
  const finalBody = applySets(defaulted, opts.sets ?? [], state);
  const ast = buildPipeline(
    {
      file: path,
      name,
      body: finalBody,
      profiles: profiled.profiles,
      ...(profiled.span ? { profileSpan: profiled.span } : {}),
      sources: state.sources,
      span: stmt.span,
    },
    diags,
  );
  return { value: ast, diagnostics: diags };
}

/**
 * A fragment holds what an including pipeline's body may hold; its profiles are registered (so
 * their shape is checked) but none is applied, and its name is the file's.
 */
function loadFragment(path: string, top: Statement[], state: IncludeState): PipelineAst {
  const at: Span = { file: path, start: 0, end: 0 };
  const profiled = applyProfile(top, undefined, at, state.diags);
  return buildPipeline(
    {
      file: path,
      name: { value: path, span: at },
      body: profiled.body,
      profiles: profiled.profiles,
      sources: state.sources,
      span: at,
      fragment: true,
    },
    state.diags,
  );
}

/**
 * Finds the one `pipeline` statement. Statements that reached the top level through a top-level
 * include or import join its body; anything else written at the top level is misplaced.
 */
function findPipeline(
  top: readonly Statement[],
  file: string,
  diags: Diagnostic[],
): { stmt: Statement; body: Statement[] } | undefined {
  const pipelines = top.filter((s) => s.keyword.name === 'pipeline');
  const [stmt, ...extra] = pipelines;
  for (const again of extra) {
    diags.push({
      code: 'AUG2003',
      severity: 'error',
      message: 'a file declares exactly one `pipeline`',
      span: again.keyword.span,
      ...(stmt ? { related: [{ span: stmt.keyword.span, message: 'first defined here' }] } : {}),
    });
  }
  if (!stmt) {
    diags.push(noPipeline(file, top[0]?.span));
    return undefined;
  }
  if (stmt.labels.length !== 1 || stmt.body === undefined || stmt.value !== undefined) {
    diags.push({
      code: 'AUG2004',
      severity: 'error',
      message: '`pipeline` is written `pipeline "<name>" { ... }`',
      span: stmt.span,
    });
  }
  const before: Statement[] = [];
  const after: Statement[] = [];
  let seenPipeline = false;
  for (const s of top) {
    if (s === stmt) seenPipeline = true;
    if (s.keyword.name === 'pipeline') continue;
    if (s.span.file === file) diags.push(misplaced(s));
    else (seenPipeline ? after : before).push(s);
  }
  return { stmt, body: [...before, ...(stmt.body ?? []), ...after] };
}

function noPipeline(file: string, at: Span | undefined): Diagnostic {
  return {
    code: 'AUG2007',
    severity: 'error',
    message: `\`${file}\` declares no \`pipeline\``,
    span: at ?? { file, start: 0, end: 0 },
    help: 'a main file holds `pipeline "<name>" { ... }`; a fragment is included from one with `include`',
  };
}

function misplaced(stmt: Statement): Diagnostic {
  return {
    code: 'AUG2008',
    severity: 'error',
    message: `\`${stmt.keyword.name}\` must be inside the \`pipeline\` block`,
    span: stmt.keyword.span,
    help: 'only `include`, `import` and `pipeline` may appear at the top level',
  };
}
