import { describe, expect, it } from 'vitest';
import { tasksOf } from '../../compiler/plan/task-at.js';
import { canonicalJson, sha256Hex } from '../../compiler/plan/canonical-json.js';
import { cacheKeyOf, explainKeyChange } from '../../engine/cache-key.js';
import { combo, makePlan, stdlibMethod } from './task-fixture.js';

const plan = makePlan({
  methods: [stdlibMethod('typo', 'keyboard_typo')],
  combos: [combo('typo')],
  chunks: 2,
  rows: 10,
});
const [task] = [...tasksOf(plan)];
const base = cacheKeyOf({ plan, task: task!, chunkSha256: 'a'.repeat(64) });

describe('cacheKeyOf', () => {
  it('is a pure function of the task, chunk, params and version', () => {
    expect(
      cacheKeyOf({
        plan: makePlan({
          methods: [stdlibMethod('typo', 'keyboard_typo')],
          combos: [combo('typo')],
          chunks: 2,
          rows: 10,
        }),
        task: task!,
        chunkSha256: 'a'.repeat(64),
      }),
    ).toEqual(base);
    expect(base.key).toMatch(/^[0-9a-f]{64}$/);
    expect(base.components.task).toBe(sha256Hex(canonicalJson(base.detail.task)));
    expect(base.components.params).toBe(sha256Hex(canonicalJson(base.detail.params)));
    expect(base.key).toBe(sha256Hex(canonicalJson(base.components)));
    expect(explainKeyChange(base, base)).toEqual([]);
  });

  it('leaves quality.minKept out: it judges merged totals, so changing it re-runs nothing', () => {
    const withMinKept = { ...plan, quality: { ...plan.quality, minKept: 0.5 } };
    const key = cacheKeyOf({ plan: withMinKept, task: task!, chunkSha256: 'a'.repeat(64) });
    expect(key).toEqual(base);
    const filter = { ...plan, quality: { ...plan.quality, max: 0.9 } };
    expect(cacheKeyOf({ plan: filter, task: task!, chunkSha256: 'a'.repeat(64) }).key).not.toBe(
      base.key,
    );
  });

  it('names the component that changed', () => {
    const params = makePlan({
      methods: [stdlibMethod('typo', 'keyboard_typo', { aug_char_p: 0.5 })],
      combos: [combo('typo')],
      chunks: 2,
      rows: 10,
    });
    const changed = cacheKeyOf({ plan: params, task: task!, chunkSha256: 'a'.repeat(64) });
    expect(changed.key).not.toBe(base.key);
    expect(changed.components.task).toBe(base.components.task);
    expect(explainKeyChange(base, changed)).toEqual([
      'method params changed: typo.aug_char_p 0.3 -> 0.5',
    ]);

    const input = cacheKeyOf({ plan, task: task!, chunkSha256: 'b'.repeat(64) });
    expect(explainKeyChange(base, input)).toEqual([
      'input chunk changed: sha256 aaaaaaaaaaaa -> bbbbbbbbbbbb',
    ]);

    const version = cacheKeyOf({
      plan: { ...plan, compilerVersion: '0.2.0' },
      task: task!,
      chunkSha256: 'a'.repeat(64),
    });
    expect(explainKeyChange(base, version)).toEqual(['augc version changed: 0.1.0 -> 0.2.0']);

    const variants = cacheKeyOf({
      plan: { ...plan, variants: 5, seed: 7 },
      task: task!,
      chunkSha256: 'a'.repeat(64),
    });
    expect(explainKeyChange(base, variants)).toEqual(['task definition changed: seed, variants']);

    const withFeatures = (features: string[]) =>
      cacheKeyOf({
        plan: { ...plan, input: { ...plan.input, features } },
        task: task!,
        chunkSha256: 'a'.repeat(64),
      });
    expect(withFeatures(['x']).key).not.toBe(withFeatures(['x', 'y']).key);
    expect(explainKeyChange(withFeatures(['x']), withFeatures(['x', 'y']))).toEqual([
      'task definition changed: input',
    ]);
  });
});
