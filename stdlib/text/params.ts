import { findMethod } from '../catalog/index.js';
import type { MethodParams } from '../method.js';

type Value = MethodParams[string];

/**
 * Typed access to a method's parameters, falling back to the catalogue defaults. The compiler has
 * already validated user values, so a wrong type here is a broken invariant and throws.
 */
export interface ParamReader {
  num(name: string): number;
  bool(name: string): boolean;
  str(name: string): string;
  list(name: string): string[];
  /** A number, or null when the parameter is null (e.g. "no upper clamp"). */
  optNum(name: string): number | null;
}

/**
 * Readers already made, per params object and method: a method reads its parameters for every
 * row, and a task passes the same (never changed) params object each time.
 */
const READERS = new WeakMap<MethodParams, Map<string, ParamReader>>();

export function readParams(method: string, params: MethodParams): ParamReader {
  let byMethod = READERS.get(params);
  if (!byMethod) READERS.set(params, (byMethod = new Map()));
  let reader = byMethod.get(method);
  if (!reader) byMethod.set(method, (reader = makeReader(method, params)));
  return reader;
}

function makeReader(method: string, params: MethodParams): ParamReader {
  const spec = findMethod(method)?.spec;
  const get = (name: string): Value => {
    if (Object.hasOwn(params, name)) return params[name] ?? null;
    const dflt = spec?.params.find((p) => p.name === name)?.default;
    if (dflt === undefined)
      throw new Error(`${method}: parameter \`${name}\` has no value and no default`);
    return dflt;
  };
  const typed = <T>(name: string, ok: (v: Value) => v is T & Value): T => {
    const v = get(name);
    if (!ok(v))
      throw new Error(`${method}: parameter \`${name}\` has the wrong type (${JSON.stringify(v)})`);
    return v;
  };
  return {
    num: (name) => typed(name, (v): v is number => typeof v === 'number'),
    bool: (name) => typed(name, (v): v is boolean => typeof v === 'boolean'),
    str: (name) => typed(name, (v): v is string => typeof v === 'string'),
    list: (name) => typed(name, (v): v is string[] => Array.isArray(v)),
    optNum: (name) => {
      const v = get(name);
      return typeof v === 'number' ? v : null;
    },
  };
}
