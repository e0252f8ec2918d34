import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import { parseSource } from '../syntax/parse-source.js';
import type { Statement } from '../syntax/tree.js';
import { IMPORTED_FROM, importYamlMethods } from './yaml-import.js';

export interface IncludeState {
  readFile: (path: string) => string;
  sources: { file: string; text: string }[];
  diags: Diagnostic[];
  /** Display paths of the files being expanded, outermost first (for cycle messages). */
  chain: string[];
}

// Includes are expanded at the top level and inside these blocks only.
const CONTAINERS = new Set(['pipeline', 'profile']);

/** Reads a file and records it in `sources`; reports an unreadable file at `at`. */
export function readSource(
  path: string,
  state: IncludeState,
  at: Span | undefined,
): string | undefined {
  try {
    const text = state.readFile(path);
    if (!state.sources.some((s) => s.file === path)) state.sources.push({ file: path, text });
    return text;
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    state.diags.push({
      code: 'AUG2010',
      severity: 'error',
      message: `cannot read \`${path}\` (${reason})`,
      ...(at ? { span: at } : {}),
    });
    return undefined;
  }
}

/** Splices `include`d fragments and `import`ed YAML methods in place of the statements naming them. */
export function expandIncludes(
  stmts: readonly Statement[],
  file: string,
  state: IncludeState,
): Statement[] {
  const out: Statement[] = [];
  for (const stmt of stmts) {
    const key = stmt.keyword.name;
    if (key === 'include' || key === 'import') {
      const path = pathOf(stmt, file, state.diags);
      if (path)
        out.push(
          ...(key === 'include' ? includeFile(path, stmt, state) : importFile(path, stmt, state)),
        );
    } else if (CONTAINERS.has(key) && stmt.body) {
      out.push({ ...stmt, body: expandIncludes(stmt.body, file, state) });
    } else out.push(stmt);
  }
  return out;
}

function pathOf(stmt: Statement, file: string, diags: Diagnostic[]): string | undefined {
  const label = stmt.labels[0];
  if (stmt.labels.length !== 1 || label?.kind !== 'string' || stmt.value || stmt.body) {
    diags.push({
      code: 'AUG2004',
      severity: 'error',
      message: `\`${stmt.keyword.name}\` is written \`${stmt.keyword.name} "<relative path>"\``,
      span: stmt.span,
    });
    return undefined;
  }
  return isAbsolute(label.value) ? label.value : join(dirname(file), label.value);
}

function includeFile(path: string, stmt: Statement, state: IncludeState): Statement[] {
  const at = stmt.labels[0]?.span ?? stmt.span;
  const key = resolve(path);
  const cycleAt = state.chain.findIndex((p) => resolve(p) === key);
  if (cycleAt >= 0) {
    const cycle = [...state.chain.slice(cycleAt), path].map((p) => `\`${p}\``).join(' -> ');
    state.diags.push({
      code: 'AUG2011',
      severity: 'error',
      message: `include cycle: ${cycle}`,
      span: at,
      help: 'move the shared statements into a fragment that neither file includes back',
    });
    return [];
  }
  const text = readSource(path, state, at);
  if (text === undefined) return [];
  const parsed = parseSource(path, text);
  state.diags.push(...parsed.diagnostics);
  const fragment = parsed.value?.statements ?? [];
  const nested = fragment.find((s) => s.keyword.name === 'pipeline');
  if (nested) {
    state.diags.push({
      code: 'AUG2008',
      severity: 'error',
      message: 'an included file cannot declare a `pipeline`',
      span: nested.keyword.span,
      help: 'an included fragment holds pipeline-body statements (methods, targets, profiles, ...)',
      related: [{ span: at, message: 'included here' }],
    });
  }
  state.chain.push(path);
  const expanded = expandIncludes(
    fragment.filter((s) => s !== nested),
    path,
    state,
  );
  state.chain.pop();
  return expanded;
}

function importFile(path: string, stmt: Statement, state: IncludeState): Statement[] {
  const at = stmt.labels[0]?.span ?? stmt.span;
  if (!/\.ya?ml$/i.test(path)) {
    state.diags.push({
      code: 'AUG2008',
      severity: 'error',
      message: `\`import\` reads a YAML method catalogue, not \`${path}\``,
      span: at,
      help: 'use `include` for another `.aug` file',
    });
    return [];
  }
  const text = readSource(path, state, at);
  if (text === undefined) return [];
  const methods = importYamlMethods(path, text, state.diags);
  for (const m of methods) IMPORTED_FROM.set(m, stmt.span);
  return methods;
}
