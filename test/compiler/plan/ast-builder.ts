// Builds typed ASTs directly (no parser) and a small fake catalogue, for IR and plan tests.
import type {
  ComboSelection,
  CombosDecl,
  CommandMethodDecl,
  Located,
  LocatedParam,
  ParamValue,
  PipelineAst,
  ResourcesDecl,
  StdlibMethodDecl,
} from '../../../compiler/ast/types.js';
import type { Span } from '../../../compiler/diagnostics/diagnostic.js';
import { lowerToIr, type Ir } from '../../../compiler/ir/lower-to-ir.js';
import type { MethodSpec, ParamSpec, ResolvedMethod } from '../../../stdlib/catalog/index.js';

export const GiB = 1024 ** 3;
export const span: Span = { file: 'main.aug', start: 0, end: 1 };

export function loc<T>(value: T): Located<T> {
  return { value, span };
}

type Plain = string | number | boolean | string[];

export function param(value: Plain): LocatedParam {
  const v: ParamValue =
    typeof value === 'string'
      ? { type: 'string', value }
      : typeof value === 'number'
        ? { type: 'number', value }
        : typeof value === 'boolean'
          ? { type: 'bool', value }
          : {
              type: 'list',
              items: value.map((s) => ({ value: { type: 'string', value: s }, span })),
            };
  return { value: v, span };
}

export interface Res {
  cpus?: number;
  memoryBytes?: number;
  gpus?: number;
  gpuType?: string;
  walltimeSeconds?: number;
  queue?: string;
  account?: string;
}

export function resources(r: Res): ResourcesDecl {
  const out: ResourcesDecl = { span };
  for (const [k, v] of Object.entries(r) as [keyof Res, string | number][]) {
    (out as unknown as Record<string, Located<unknown>>)[k] = loc(v);
  }
  return out;
}

export function stdlib(
  name: string,
  method: string,
  params: Record<string, Plain> = {},
  res?: Res,
): StdlibMethodDecl {
  return {
    kind: 'stdlib',
    name: loc(name),
    method: loc(method),
    params: Object.entries(params).map(([n, v]) => ({ name: loc(n), value: param(v) })),
    ...(res ? { resources: resources(res) } : {}),
    span,
  };
}

export function command(
  name: string,
  argv: string[],
  res?: Res,
  image?: string,
): CommandMethodDecl {
  return {
    kind: 'command',
    name: loc(name),
    argv: loc(argv),
    ...(image !== undefined ? { image: loc(image) } : {}),
    env: [{ name: loc('HF_HOME'), value: loc('/models') }],
    passEnv: [loc('HF_TOKEN')],
    ...(res ? { resources: resources(res) } : {}),
    span,
  };
}

const ref = (names: string[]) => ({ methods: names.map(loc), span });

export type Sel = { up_to: number } | { size: number } | { all: true } | { list: string[][] };

export function combos(sel?: Sel, exclude: string[][] = [], order: string[] = []): CombosDecl {
  let selection: ComboSelection | undefined;
  if (sel && 'up_to' in sel) selection = { kind: 'up_to', k: loc(sel.up_to) };
  else if (sel && 'size' in sel) selection = { kind: 'size', k: loc(sel.size) };
  else if (sel && 'all' in sel) selection = { kind: 'all', span };
  else if (sel) selection = { kind: 'list', combos: sel.list.map(ref), span };
  return {
    ...(selection ? { selection } : {}),
    exclude: exclude.map(ref),
    order: order.map(loc),
    span,
  };
}

export function pipeline(over: Partial<PipelineAst> = {}): PipelineAst {
  return {
    file: 'main.aug',
    name: loc('test-pipeline'),
    input: {
      uri: loc('data/in.csv'),
      text: [loc('text')],
      keep: [],
      protect: [],
      protectKeywords: [],
      span,
    },
    output: { uri: loc('out/aug'), span },
    methods: [],
    targets: [],
    profiles: [],
    sources: [{ file: 'main.aug', text: 'pipeline "test-pipeline" {}' }],
    span,
    ...over,
  };
}

const num = (name: string, d: number): ParamSpec => ({ name, type: 'number', default: d, doc: '' });

const SPECS: MethodSpec[] = [
  {
    name: 'wordnet_synonym',
    params: [
      num('aug_p', 0.3),
      num('aug_min', 1),
      { name: 'aug_max', type: 'integer', default: 10, doc: '' },
    ],
    labelSafe: true,
    gpu: false,
  },
  { name: 'keyboard_typo', params: [num('aug_char_p', 0.3)], labelSafe: true, gpu: false },
  { name: 'spelling', params: [num('aug_p', 0.3)], labelSafe: true, gpu: false },
  { name: 'antonym', params: [num('aug_p', 0.3)], labelSafe: false, gpu: false },
  { name: 'back_translation', params: [], labelSafe: true, gpu: true },
  {
    name: 'replace_words',
    params: [{ name: 'words', type: 'string_list', required: true, doc: '' }],
    labelSafe: true,
    gpu: false,
  },
].map((s) => ({ ...s, domain: 'text', summary: '', doc: '', countRule: 'nlpaug' }) as MethodSpec);

const ALIASES: Record<string, { method: string; params: ResolvedMethod['aliasParams'] }> = {
  nlp_wordnet_syn: { method: 'wordnet_synonym', params: { aug_p: 0.1, aug_max: null } },
};

/** A fake catalogue lookup so that tests do not depend on the real tables. */
export function fakeLookup(name: string): ResolvedMethod | undefined {
  const spec = SPECS.find((s) => s.name === name);
  if (spec) return { spec, aliasParams: {} };
  const alias = ALIASES[name];
  const target = alias && SPECS.find((s) => s.name === alias.method);
  return alias && target ? { spec: target, aliasParams: alias.params, alias: name } : undefined;
}

/** Lowers with the fake catalogue and fails loudly if lowering reported anything. */
export function lower(ast: PipelineAst): Ir {
  const { value, diagnostics } = lowerToIr(ast, { findMethod: fakeLookup });
  if (!value) throw new Error(`lowering failed: ${JSON.stringify(diagnostics)}`);
  return value;
}

/** n CPU methods named m0..m{n-1}, all `spelling`. */
export function cpuMethods(n: number, res?: (i: number) => Res): StdlibMethodDecl[] {
  return Array.from({ length: n }, (_, i) => stdlib(`m${i}`, 'spelling', {}, res?.(i)));
}
