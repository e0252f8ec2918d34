import { describe, expect, it } from 'vitest';
import { TABULAR_METHODS } from '../../../stdlib/tabular/index.js';
import { listMethods } from '../../../stdlib/catalog/index.js';
import { byId, ctx, frozen, makeRows } from './fixtures.js';

const rows = frozen(makeRows({ a: 30, b: 12, c: 6 }));
const PARAMS = {}; // catalogue defaults

describe.each(TABULAR_METHODS.map((m) => [m.name, m] as const))('%s', (_name, method) => {
  it('returns exactly `count` rows', () => {
    expect(method.synthesize(rows, 37, PARAMS, ctx())).toHaveLength(37);
    expect(method.synthesize(rows, 0, PARAMS, ctx())).toEqual([]);
  });

  it('returns no rows from no input', () => {
    expect(method.synthesize([], 5, PARAMS, ctx())).toEqual([]);
  });

  it('is deterministic for the same stream and differs across streams', () => {
    const a = method.synthesize(rows, 40, PARAMS, ctx('s'));
    expect(method.synthesize(rows, 40, PARAMS, ctx('s'))).toEqual(a);
    expect(method.synthesize(rows, 40, PARAMS, ctx('t'))).not.toEqual(a);
  });

  it('copies label, protected and non-feature columns from a base row', () => {
    const index = byId(rows);
    for (const out of method.synthesize(rows, 60, PARAMS, ctx())) {
      const base = index.get(String(out.id));
      expect(base).toBeDefined();
      for (const column of ['label', 'date', 'note', 'z']) expect(out[column]).toBe(base![column]);
      expect(Object.keys(out).sort()).toEqual(Object.keys(base!).sort());
    }
  });

  it('has a catalogue entry whose parameters it reads', () => {
    const spec = listMethods().find((m) => m.name === method.name);
    expect(spec?.domain).toBe('tabular');
    // Passing every catalogue default explicitly gives the same result as passing none.
    const defaults = Object.fromEntries(spec!.params.map((p) => [p.name, p.default ?? null]));
    expect(method.synthesize(rows, 20, defaults, ctx('d'))).toEqual(
      method.synthesize(rows, 20, PARAMS, ctx('d')),
    );
  });
});
