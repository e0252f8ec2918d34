import { describe, expect, it } from 'vitest';
import { lowerToIr } from '../../../compiler/ir/lower-to-ir.js';
import {
  GiB,
  combos,
  command,
  cpuMethods,
  fakeLookup,
  loc,
  lower,
  pipeline,
  stdlib,
  type Sel,
} from '../plan/ast-builder.js';

const four = [
  stdlib('syn', 'wordnet_synonym'),
  stdlib('typo', 'keyboard_typo'),
  stdlib('spell', 'spelling'),
  command('mlm', ['python', 'mlm.py'], { gpus: 1, cpus: 4, memoryBytes: 16 * GiB }),
];

function ids(sel?: Sel, exclude: string[][] = [], order: string[] = []): string[] {
  return lower(pipeline({ methods: four, combos: combos(sel, exclude, order) })).combos.map(
    (c) => c.id,
  );
}

describe('combo expansion', () => {
  it('makes singletons without a combos block', () => {
    const ir = lower(pipeline({ methods: four }));
    expect(ir.combos.map((c) => c.id)).toEqual([
      'combo_1_syn',
      'combo_1_typo',
      'combo_1_spell',
      'combo_1_mlm',
    ]);
    expect(ids(undefined)).toEqual(ir.combos.map((c) => c.id));
  });

  it('expands up_to 2 over 4 methods into 10 combos, by size then declaration position', () => {
    expect(ids({ up_to: 2 })).toEqual([
      'combo_1_syn',
      'combo_1_typo',
      'combo_1_spell',
      'combo_1_mlm',
      'combo_2_syn+typo',
      'combo_2_syn+spell',
      'combo_2_syn+mlm',
      'combo_2_typo+spell',
      'combo_2_typo+mlm',
      'combo_2_spell+mlm',
    ]);
  });

  it('expands size and all', () => {
    expect(ids({ size: 3 })).toEqual([
      'combo_3_syn+typo+spell',
      'combo_3_syn+typo+mlm',
      'combo_3_syn+spell+mlm',
      'combo_3_typo+spell+mlm',
    ]);
    const all = ids({ all: true });
    expect(all).toHaveLength(15);
    expect(all.at(-1)).toBe('combo_4_syn+typo+spell+mlm');
  });

  it('takes an explicit list as sets: application order, duplicates dropped, sorted', () => {
    expect(
      ids({ list: [['mlm', 'syn'], ['typo'], ['syn', 'mlm'], ['spell', 'typo', 'syn']] }),
    ).toEqual(['combo_1_typo', 'combo_2_syn+mlm', 'combo_3_syn+typo+spell']);
  });

  it('drops every combo that contains all methods of an exclusion', () => {
    const kept = ids({ all: true }, [['mlm', 'typo']]);
    expect(kept).toHaveLength(15 - 4);
    expect(kept.filter((id) => id.includes('mlm') && id.includes('typo'))).toEqual([]);
    expect(kept).toContain('combo_1_mlm');
    expect(kept).toContain('combo_2_typo+spell');
  });

  it('applies methods in the given order, the rest in declaration order', () => {
    expect(ids({ up_to: 2 }, [], ['mlm', 'spell']).slice(0, 6)).toEqual([
      'combo_1_mlm',
      'combo_1_spell',
      'combo_1_syn',
      'combo_1_typo',
      'combo_2_mlm+spell',
      'combo_2_mlm+syn',
    ]);
    const ir = lower(pipeline({ methods: four, combos: combos({ size: 2 }, [], ['typo', 'syn']) }));
    expect(ir.combos[0]).toMatchObject({ id: 'combo_2_typo+syn', methods: ['typo', 'syn'], k: 2 });
  });

  it('gives a combo the per-key maximum of its methods and the GPU flag of any', () => {
    const ir = lower(
      pipeline({
        methods: [
          stdlib('a', 'spelling', {}, { cpus: 2, walltimeSeconds: 7200 }),
          command('g', ['x'], { gpus: 1, cpus: 1, memoryBytes: 8 * GiB, queue: 'gpu' }),
        ],
        combos: combos({ size: 2 }),
      }),
    );
    expect(ir.combos[0]).toMatchObject({
      id: 'combo_2_a+g',
      gpu: true,
      resources: { cpus: 2, memoryBytes: 8 * GiB, gpus: 1, walltimeSeconds: 7200, queue: 'gpu' },
    });
  });

  it('stops at the task budget instead of enumerating every subset', () => {
    const r = lowerToIr(
      pipeline({ methods: cpuMethods(40), combos: combos({ all: true }), maxTasks: loc(1000) }),
      { findMethod: fakeLookup },
    );
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['AUG3502']);
    expect(r.diagnostics[0]!.message).toContain('1,000');
  });

  it('reports an unknown method in an exclusion as AUG3002', () => {
    const r = lowerToIr(pipeline({ methods: four, combos: combos({ up_to: 2 }, [['nope']]) }), {
      findMethod: fakeLookup,
    });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['AUG3002']);
  });
});
