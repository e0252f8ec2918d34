import { describe, expect, it } from 'vitest';
import {
  findMethod,
  listAliases,
  listMethods,
  methodNames,
} from '../../../stdlib/catalog/index.js';
import type { ParamDefault, ParamSpec } from '../../../stdlib/catalog/index.js';

function valueFits(spec: ParamSpec, value: ParamDefault): boolean {
  if (value === null) return spec.default === null;
  switch (spec.type) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number') return false;
      if (spec.type === 'integer' && !Number.isInteger(value)) return false;
      if (spec.min !== undefined && (spec.exclusiveMin ? value <= spec.min : value < spec.min))
        return false;
      return spec.max === undefined || value <= spec.max;
    }
    case 'bool':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'enum':
      return typeof value === 'string' && (spec.values ?? []).includes(value);
    case 'string_list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'sampling':
      return typeof value === 'string' || typeof value === 'number' || Array.isArray(value);
  }
}

describe('catalogue', () => {
  it('has unique method names that do not collide with aliases', () => {
    const names = listMethods().map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    const aliases = listAliases().map((a) => a.alias);
    expect(new Set(aliases).size).toBe(aliases.length);
    expect(aliases.filter((a) => names.includes(a))).toEqual([]);
    expect(methodNames()).toHaveLength(names.length + aliases.length);
  });

  it('gives every parameter a default that fits its own schema', () => {
    for (const method of listMethods()) {
      const params = method.params.map((p) => p.name);
      expect(new Set(params).size, method.name).toBe(params.length);
      for (const p of method.params) {
        if (p.default !== undefined)
          expect(valueFits(p, p.default), `${method.name}.${p.name}`).toBe(true);
      }
    }
  });

  it('resolves every alias to a method whose params accept the alias values', () => {
    for (const a of listAliases()) {
      const resolved = findMethod(a.alias);
      expect(resolved, a.alias).toBeDefined();
      expect(resolved?.spec.name).toBe(a.method);
      expect(resolved?.alias).toBe(a.alias);
      for (const [name, value] of Object.entries(a.params)) {
        const spec = resolved?.spec.params.find((p) => p.name === name);
        expect(spec, `${a.alias}.${name}`).toBeDefined();
        expect(valueFits(spec!, value), `${a.alias}.${name}=${JSON.stringify(value)}`).toBe(true);
      }
    }
  });

  it('contains the methods the issue asks for, with antonyms label-unsafe', () => {
    for (const name of [
      'keyboard_typo',
      'ocr',
      'spelling',
      'eda_random_swap',
      'contraction',
      'smote',
      'mixup',
    ]) {
      expect(findMethod(name)?.spec.name).toBe(name);
    }
    expect(findMethod('nlp_antonym')?.spec.labelSafe).toBe(false);
    expect(findMethod('ta_wordswap_qwerty')?.aliasParams['count_rule']).toBe('textattack');
    expect(findMethod('no_such_method')).toBeUndefined();
  });
});
