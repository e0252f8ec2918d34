import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { inputEncodingOf, isReadableEncoding } from './ast/input-format.js';
import type { ConfiguredDefault } from './ast/apply-defaults.js';
import { loadPipeline } from './ast/load-pipeline.js';
import { resolveCommandPaths, type PathExists } from './ast/resolve-command-paths.js';
import type { InputFormat, PipelineAst } from './ast/types.js';
import { checkPipeline, chosenTargetDiagnostics } from './check/index.js';
import { containerDiagnostics } from './check/rules/container-image.js';
import { targetChecks } from './check/target-checks.js';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { lowerToIr } from './ir/lower-to-ir.js';
import { buildPlan } from './plan/build-plan.js';
import type { Plan } from './plan/types.js';
import { arrayLimitFor, findTarget } from './targets/catalog.js';
import { COMPILER_VERSION } from './version.js';

export { COMPILER_VERSION };

/** What the caller learnt by reading the input (the CLI uses engine/probe-input.ts). */
export interface InputInfo {
  columns: string[];
  rows?: number;
  sha256?: string;
}

export interface CompileOptions {
  profile?: string;
  sets?: string[];
  /**
   * `key=value` defaults in `--set` syntax with where each was read (the user's configuration,
   * lowest precedence first), applied under the pipeline; the plan records each target option's
   * origin. The compiler never reads a home directory or the environment
   * itself: the CLI passes these in.
   */
  defaults?: readonly ConfiguredDefault[];
  target?: string;
  /**
   * The target the plan will run on when `target` is not given (`augc run` uses `local`): it too
   * must be able to run every method (AUG4006). Unlike `target`, it does not go into the plan.
   */
  runTarget?: string;
  /** Reads the input's header (and row count) at compile time; undefined when it cannot. */
  probeInput?: (uri: string, format: InputFormat) => Promise<InputInfo | undefined>;
  /** Directory relative paths in the plan are expressed against; default process.cwd(). */
  cwd?: string;
  /** Reads source files (tests pass an in-memory one); default: the file system. */
  readFile?: (path: string) => string;
  /**
   * `augc check` only: a file without a `pipeline` is checked as an included fragment on its own
   * (a note says so) instead of failing; `plan` and `run` still need a whole pipeline.
   */
  fragments?: boolean;
  /** Whether a path a command names exists (see resolve-command-paths.ts); default: the file system. */
  pathExists?: PathExists;
}

export interface CompileResult {
  ast?: PipelineAst;
  plan?: Plan;
  diagnostics: Diagnostic[];
  sources: { file: string; text: string }[];
  input?: InputInfo;
}

const URI_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The input path as the plan stores it: relative to the working directory, not the .aug file. */
function withResolvedInput(ast: PipelineAst, cwd: string): PipelineAst {
  const input = ast.input;
  if (!input || URI_SCHEME.test(input.uri.value) || isAbsolute(input.uri.value)) return ast;
  const fromFile = resolve(dirname(resolve(cwd, input.uri.span.file)), input.uri.value);
  const uri = { ...input.uri, value: relative(cwd, fromFile) || '.' };
  return { ...ast, input: { ...input, uri } };
}

/** The format to probe the input as; undefined when the check will refuse how it is written. */
function formatOf(ast: PipelineAst): InputFormat | undefined {
  const input = ast.input;
  if (!input) return undefined;
  const encoding = inputEncodingOf(input.uri.value, input.format?.value);
  return isReadableEncoding(encoding) ? encoding.format : undefined;
}

/** A data error from the probe: the engine's DataError carries where in the file it is. */
interface ProbeFailure {
  code?: string;
  detail?: { file: string; row: number; line?: number; message: string };
  message?: string;
}

/** The path as the user wrote it (the AST holds it resolved against the working directory). */
function writtenPath(ast: PipelineAst, span: Diagnostic['span']): string | undefined {
  const source = span && ast.sources.find((s) => s.file === span.file);
  if (!source || !span) return undefined;
  try {
    return JSON.parse(source.text.slice(span.start, span.end)) as string;
  } catch {
    return undefined;
  }
}

/** Reads the input's header and row count; a missing or malformed input becomes a diagnostic. */
async function probe(
  ast: PipelineAst,
  format: InputFormat,
  probeInput: NonNullable<CompileOptions['probeInput']>,
  cwd: string,
  diagnostics: Diagnostic[],
): Promise<InputInfo | undefined> {
  const uri = ast.input?.uri;
  if (!uri) return undefined;
  try {
    return await probeInput(resolve(cwd, uri.value), format);
  } catch (err) {
    const failure = err as ProbeFailure;
    if (failure.code === 'ENOENT') {
      diagnostics.push({
        code: 'AUG2202',
        severity: 'warning',
        message: `input \`${writtenPath(ast, uri.span) ?? uri.value}\` does not exist, so its columns were not checked`,
        span: uri.span,
        help: 'the path is relative to the file that names it',
      });
      return undefined;
    }
    const where = failure.detail
      ? `${failure.detail.file}:${failure.detail.line ?? failure.detail.row}: row ${failure.detail.row}: ${failure.detail.message}`
      : (failure.message ?? String(err));
    diagnostics.push({
      code: 'AUG2201',
      severity: 'error',
      message: `cannot read input \`${uri.value}\``,
      span: uri.span,
      notes: [where],
    });
    return undefined;
  }
}

/**
 * Diagnostics in reading order: by file (as the sources were read), syntax errors first (later
 * errors may only follow from them), then by position.
 */
function inSourceOrder(
  diagnostics: Diagnostic[],
  sources: readonly { file: string }[],
): Diagnostic[] {
  const rank = new Map(sources.map((s, i) => [s.file, i]));
  const key = (d: Diagnostic): [number, number, number] => {
    if (!d.span) return [-1, 0, 0];
    return [
      rank.get(d.span.file) ?? sources.length,
      d.code.startsWith('AUG1') ? 0 : 1,
      d.span.start,
    ];
  };
  return diagnostics
    .map((d, i) => ({ d, i, k: key(d) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.i - b.i)
    .map((e) => e.d);
}

/** A fragment's own statements are checked; its input, if it names one, is not read. */
function checkedFragment(ast: PipelineAst, diagnostics: Diagnostic[]): CompileResult {
  diagnostics.push(...checkPipeline(ast), {
    code: 'AUG2019',
    severity: 'note',
    message: `\`${ast.file}\` declares no \`pipeline\`: checked as an included fragment on its own`,
    span: ast.span,
    help: 'its combos and input columns are checked in the pipelines that include it',
  });
  return { ast, diagnostics: inSourceOrder(diagnostics, ast.sources), sources: ast.sources };
}

/** Parses, resolves and checks a pipeline: everything `augc check` reports. */
export async function checkFile(path: string, opts: CompileOptions = {}): Promise<CompileResult> {
  const cwd = opts.cwd ?? process.cwd();
  const loaded = loadPipeline(path, {
    ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
    ...(opts.sets ? { sets: opts.sets } : {}),
    ...(opts.defaults ? { defaults: opts.defaults } : {}),
    ...(opts.readFile ? { readFile: opts.readFile } : {}),
    ...(opts.fragments ? { fragments: true } : {}),
  });
  const diagnostics = [...loaded.diagnostics];
  if (!loaded.value) return { diagnostics, sources: [] };
  if (loaded.value.fragment) return checkedFragment(loaded.value, diagnostics);
  const ast = resolveCommandPaths(
    withResolvedInput(loaded.value, cwd),
    cwd,
    opts.pathExists ?? existsSync,
  );
  const format = formatOf(ast);
  const input =
    format && opts.probeInput
      ? await probe(ast, format, opts.probeInput, cwd, diagnostics)
      : undefined;
  diagnostics.push(...checkPipeline(ast, input ? { inputProbe: input } : {}));
  return {
    ast,
    diagnostics: inSourceOrder(diagnostics, ast.sources),
    sources: ast.sources,
    ...(input ? { input } : {}),
  };
}

/**
 * Files under cwd-relative names, as the plan's source hash covers them: `x.aug`, `./x.aug` and
 * an absolute spelling of it make the same plan.
 */
export function planSources(
  sources: readonly { file: string; text: string }[],
  cwd: string = process.cwd(),
): { file: string; text: string }[] {
  // `<--set>`, `<config ...>` and `<env ...>` are command-line and configuration values, not files: the plan's
  // content holds their effect, and a plan file's staleness check can only re-read real files.
  return sources
    .filter((s) => !/^<.*>$/.test(s.file))
    .map((s) => ({ file: relative(cwd, resolve(cwd, s.file)), text: s.text }));
}

/** Everything `checkFile` does, then lowering and the plan: what `augc plan` and `augc run` use. */
export async function compileFile(path: string, opts: CompileOptions = {}): Promise<CompileResult> {
  const checked = await checkFile(path, opts);
  const { ast, diagnostics, sources, input } = checked;
  if (!ast || hasErrors(diagnostics)) return checked;
  const chosen = opts.target ?? opts.runTarget;
  // What the chosen target (undeclared in the file, so its rule did not run) does with images;
  // for a plan made for no target, what `local` does with them (see buildPlan).
  const imagesFor = chosen ?? 'local';
  if (!ast.targets.some((t) => t.name.value === imagesFor) && findTarget(imagesFor))
    diagnostics.push(
      ...containerDiagnostics(ast, {
        name: { value: imagesFor, span: ast.name.span },
        options: [],
        span: ast.name.span,
      }),
    );
  if (chosen !== undefined && findTarget(chosen)) {
    diagnostics.push(...chosenTargetDiagnostics(ast, chosen), ...targetChecks(ast, chosen));
    if (hasErrors(diagnostics)) return checked;
  }
  const lowered = lowerToIr(ast);
  diagnostics.push(...lowered.diagnostics);
  if (!lowered.value || hasErrors(diagnostics)) return checked;
  const cwd = opts.cwd ?? process.cwd();
  const arrayLimit = opts.target ? arrayLimitFor(ast, opts.target) : undefined;
  const planned = buildPlan(lowered.value, {
    sources: planSources(sources, cwd),
    sourceFile: relative(cwd, resolve(cwd, path)),
    compilerVersion: COMPILER_VERSION,
    ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
    ...(opts.target !== undefined ? { target: opts.target } : {}),
    ...(chosen !== undefined ? { runsOn: chosen } : {}),
    ...(arrayLimit !== undefined ? { arrayLimit } : {}),
    ...(input
      ? {
          input: {
            ...(input.rows !== undefined ? { rows: input.rows } : {}),
            ...(input.sha256 ? { sha256: input.sha256 } : {}),
          },
        }
      : {}),
  });
  diagnostics.push(...planned.diagnostics);
  return { ...checked, ...(planned.value ? { plan: planned.value } : {}) };
}
