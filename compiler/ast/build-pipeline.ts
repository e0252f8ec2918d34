import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import type { Statement } from '../syntax/tree.js';
import { buildChunk } from './build-chunk.js';
import { buildCombos } from './build-combos.js';
import { buildInput } from './build-input.js';
import { buildMethod } from './build-method.js';
import { buildOutput } from './build-output.js';
import { buildQuality } from './build-quality.js';
import { assign, buildResources } from './build-resources.js';
import { buildRetry } from './build-retry.js';
import { buildTarget } from './build-target.js';
import { didYouMean } from './did-you-mean.js';
import { duplicate } from './read-block.js';
import { attributeValue, readInt } from './read-value.js';
import type { Located, PipelineAst } from './types.js';

type Singleton = Exclude<
  keyof PipelineAst,
  'file' | 'name' | 'methods' | 'targets' | 'profiles' | 'sources' | 'span' | 'fragment'
>;

const SINGLETONS: Record<string, Singleton> = {
  seed: 'seed',
  variants: 'variants',
  max_tasks: 'maxTasks',
  input: 'input',
  combos: 'combos',
  quality: 'quality',
  chunk: 'chunk',
  resources: 'resources',
  retry: 'retry',
  output: 'output',
};

/** Every keyword a pipeline body may hold (for did-you-mean). */
export const BODY_KEYWORDS = [
  ...Object.keys(SINGLETONS),
  'method',
  'target',
  'profile',
  'include',
  'import',
];

export interface PipelineParts {
  file: string;
  name: Located<string>;
  body: Statement[];
  profiles: Located<string>[];
  profileSpan?: Span;
  sources: PipelineAst['sources'];
  span: PipelineAst['span'];
  /** A fragment checked on its own: it needs no `input` or `output` of its own. */
  fragment?: boolean;
}

/** Builds the typed AST from a pipeline body whose includes, imports, profile and `--set` are applied. */
export function buildPipeline(parts: PipelineParts, diags: Diagnostic[]): PipelineAst {
  const { body, fragment, ...rest } = parts;
  const ast: PipelineAst = {
    ...rest,
    methods: [],
    targets: [],
    ...(fragment ? { fragment: true as const } : {}),
  };
  const seen = new Map<string, Statement>();
  for (const stmt of body) {
    const key = stmt.keyword.name;
    if (key === 'method') {
      const method = buildMethod(stmt, diags);
      if (method) ast.methods.push(method);
    } else if (key === 'target') {
      const target = buildTarget(stmt, diags);
      if (target) ast.targets.push(target);
    } else if (key in SINGLETONS) {
      const first = seen.get(key);
      if (first) diags.push(duplicate(key, stmt, first, `pipeline ${parts.name.value}`));
      else {
        seen.set(key, stmt);
        buildSingleton(ast, key, stmt, diags);
      }
    } else diags.push(unknownStatement(stmt));
  }
  for (const key of fragment ? [] : ['input', 'output']) {
    if (!seen.has(key)) diags.push(missing(key, parts));
  }
  return ast;
}

function buildSingleton(ast: PipelineAst, key: string, stmt: Statement, diags: Diagnostic[]): void {
  switch (key) {
    case 'input':
      return assign(ast, 'input', buildInput(stmt, diags));
    case 'combos':
      return assign(ast, 'combos', buildCombos(stmt, diags));
    case 'quality':
      return assign(ast, 'quality', buildQuality(stmt, diags));
    case 'chunk':
      return assign(ast, 'chunk', buildChunk(stmt, diags));
    case 'resources':
      return assign(ast, 'resources', buildResources(stmt, diags));
    case 'retry':
      return assign(ast, 'retry', buildRetry(stmt, diags));
    case 'output':
      return assign(ast, 'output', buildOutput(stmt, diags));
    default: {
      const expr = attributeValue(stmt, diags);
      const value = expr && readInt(expr, key, diags);
      assign(ast, SINGLETONS[key] as 'seed' | 'variants' | 'maxTasks', value);
    }
  }
}

export function unknownStatement(stmt: Statement, where = 'a pipeline'): Diagnostic {
  const key = stmt.keyword.name;
  return {
    code: 'AUG2001',
    severity: 'error',
    message: `unknown statement \`${key}\` in ${where}`,
    span: stmt.keyword.span,
    help:
      didYouMean(key, BODY_KEYWORDS) ??
      `a pipeline holds ${BODY_KEYWORDS.map((k) => `\`${k}\``).join(', ')}`,
  };
}

function missing(key: string, parts: PipelineParts): Diagnostic {
  const example =
    key === 'input'
      ? 'input "data.csv" { text = ["text"] }'
      : 'output "out/augmented" { format = parquet }';
  return {
    code: 'AUG2007',
    severity: 'error',
    message: `pipeline \`${parts.name.value}\` has no \`${key}\``,
    span: parts.name.span,
    help: `add e.g. \`${example}\``,
  };
}
