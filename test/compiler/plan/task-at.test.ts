import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { taskSeedOf } from '../../../compiler/plan/seeds.js';
import { taskAt, tasksOf } from '../../../compiler/plan/task-at.js';
import { combos, cpuMethods, loc, pipeline, span } from './ast-builder.js';
import { makePlan } from './plan-helpers.js';

/** n CPU methods spread over up to `classes` distinct cpu counts, in c chunks. */
function sweep(n: number, classes: number, chunks: number, upTo = 1) {
  return pipeline({
    methods: cpuMethods(n, (i) => ({ cpus: 1 + (i % classes) })),
    combos: combos({ up_to: upTo }),
    chunk: { kind: 'count', count: loc(chunks), span },
  });
}

describe('taskAt', () => {
  it('maps every class task to exactly one (group, index), and tasksOf agrees', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 120 }),
        (n, classes, chunks, upTo, limit) => {
          const plan = makePlan(sweep(n, classes, chunks, upTo), { arrayLimit: limit });
          const seen = new Set<string>();
          let count = 0;
          for (const g of plan.groups) {
            expect(g.size).toBeLessThanOrEqual(limit);
            for (let i = 0; i < g.size; i++) {
              const t = taskAt(plan, g.id, i)!;
              expect(t).toMatchObject({ group: g.id, index: i });
              expect(plan.combos[t.comboIndex]).toBe(t.combo);
              seen.add(`${g.resourceClass}|${t.comboIndex}|${t.chunk}`);
              count++;
            }
            expect(taskAt(plan, g.id, g.size)).toBeUndefined();
            expect(taskAt(plan, g.id, -1)).toBeUndefined();
          }
          // Exactly once: as many distinct (class, combo, chunk) as tasks, and all combos x chunks.
          expect(count).toBe(plan.taskCount);
          expect(seen.size).toBe(plan.combos.length * chunks);
          expect([...tasksOf(plan)].map((t) => `${t.group}/${t.index}`)).toHaveLength(count);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('returns undefined for an unknown group', () => {
    expect(taskAt(makePlan(sweep(2, 1, 2)), 'nope', 0)).toBeUndefined();
  });

  it('derives seeds from (plan seed, combo, chunk) only, never from the grouping', () => {
    const ast = sweep(5, 2, 7, 2);
    const seeds = (limit?: number) =>
      new Map(
        [...tasksOf(makePlan(ast, limit === undefined ? {} : { arrayLimit: limit }))].map((t) => [
          t.id,
          t.seed,
        ]),
      );
    const whole = seeds();
    expect(whole.size).toBe(15 * 7);
    expect(seeds(3)).toEqual(whole);
    expect(seeds(10)).toEqual(whole);
    expect(new Set(whole.values()).size).toBe(whole.size);
  });

  it('documents the seed as the first 64 bits of sha256(seed NUL combo NUL chunk)', () => {
    const plan = makePlan({ ...sweep(1, 1, 3), seed: loc(9) });
    const task = taskAt(plan, plan.groups[0]!.id, 2)!;
    const expected = createHash('sha256').update('9\0combo_1_m0\x002').digest('hex').slice(0, 16);
    expect(task).toMatchObject({ id: 'combo_1_m0.c00002', chunk: 2, seed: expected });
    expect(taskSeedOf(9, 'combo_1_m0', 2)).toBe(expected);
    expect(taskSeedOf(10, 'combo_1_m0', 2)).not.toBe(expected);
  });
});
