import { ALIAS_SPECS } from './aliases.js';
import { TABULAR_METHOD_SPECS } from './tabular.js';
import { TEXT_METHOD_SPECS } from './text.js';
import type { AliasSpec, MethodSpec, ParamDefault } from './types.js';

export { parseClassCount, SAMPLING_NAMES } from './sampling.js';
export { foreignMethodHint, foreignParamHint } from './foreign-names.js';
export type { AliasSpec, MethodSpec, ParamSpec, ParamDefault, ParamType } from './types.js';

// The method and alias tables live in stdlib/catalog/text.ts, tabular.ts and aliases.ts.
const METHODS: readonly MethodSpec[] = [...TEXT_METHOD_SPECS, ...TABULAR_METHOD_SPECS];
const ALIASES: readonly AliasSpec[] = ALIAS_SPECS;

const byName = new Map(METHODS.map((m) => [m.name, m]));
const byAlias = new Map(ALIASES.map((a) => [a.alias, a]));

export interface ResolvedMethod {
  spec: MethodSpec;
  /** Parameter defaults an alias imposes over the method's own (reference-library defaults). */
  aliasParams: Record<string, ParamDefault>;
  alias?: string;
}

/** Finds a method by its augc name or a seed-style alias such as `nlp_wordnet_syn`. */
export function findMethod(name: string): ResolvedMethod | undefined {
  const spec = byName.get(name);
  if (spec) return { spec, aliasParams: {} };
  const alias = byAlias.get(name);
  const target = alias && byName.get(alias.method);
  return alias && target
    ? { spec: target, aliasParams: alias.params, alias: alias.alias }
    : undefined;
}

/** Every callable name (methods and aliases), for did-you-mean suggestions. */
export function methodNames(): string[] {
  return [...byName.keys(), ...byAlias.keys()].sort();
}

export function listMethods(): readonly MethodSpec[] {
  return METHODS;
}

export function listAliases(): readonly AliasSpec[] {
  return ALIASES;
}
