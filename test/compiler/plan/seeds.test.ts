import { describe, expect, it } from 'vitest';
import {
  commandSeedOf,
  tabularStreamKey,
  taskSeedOf,
  textStreamKey,
} from '../../../compiler/plan/seeds.js';
import { createRng } from '../../../stdlib/random/rng.js';

// Every value below was computed by the code before seed derivation moved into seeds.ts
// (compiler/plan/task-at.ts, engine/command-stage.ts, engine/text-stage.ts and
// engine/tabular-stage.ts). A change here changes every output: update them only on purpose.

describe('task and command seeds', () => {
  it.each([
    [42, 'combo_1_syn', 0, '0ef635eab13c5590', '251016682'],
    [42, 'combo_2_syn+typo', 3, 'ca9dc771adec8fa8', '3399337841'],
    [0, 'combo_1_noise', 0, '08720a609c64b3b9', '141691488'],
    [7, 'combo_2_noise+smote', 12, 'd58646ac527e7965', '3582346924'],
    [1_000_000, 'combo_3_a+b+c', 99_999, 'd0f96dbaa13bb483', '3506007482'],
    [9_007_199_254_740_991, 'combo_1_é', 1, '4bc25667558aa5cd', '1271027303'],
  ])('seed %d, combo %s, chunk %d', (planSeed, comboId, chunk, task, command) => {
    expect(taskSeedOf(planSeed, comboId, chunk)).toBe(task);
    expect(commandSeedOf(task)).toBe(command);
  });
});

/** The first two raw 32-bit draws of the stream a key names (`int(2^32)` never rejects). */
function firstDraws(key: readonly (string | number)[]): [number, number] {
  const rng = createRng(...key);
  return [rng.int(2 ** 32), rng.int(2 ** 32)];
}

describe('stream keys', () => {
  it.each([
    [42, 'combo_1_syn', 0, 's1', 0, 'syn', 'sentence_text', 1672000069, 488902406],
    [42, 'combo_2_syn+typo', 17, 'row-17', 1, 'typo', 'text', 602050371, 4065971686],
    [7, 'combo_1_x', 5, '', 3, 'm', 'é', 3599559087, 2326596288],
  ])(
    'text: seed %d, combo %s, row %d',
    (planSeed, comboId, ordinal, rowId, variant, methodId, column, a, b) => {
      const key = textStreamKey({ planSeed, comboId, ordinal, rowId, variant, methodId, column });
      expect(firstDraws(key)).toEqual([a, b]);
    },
  );

  it.each([
    [7, 'combo_1_noise', 0, 'noise', 341066455, 1530279447],
    [7, 'combo_2_noise+smote', 2, 'smote', 2876840771, 150352981],
    [42, 'combo_1_mask', 11, 'mask', 2484896207, 108014547],
  ])('tabular: seed %d, combo %s, chunk %d', (planSeed, comboId, chunk, methodId, a, b) => {
    expect(firstDraws(tabularStreamKey(planSeed, comboId, chunk, methodId))).toEqual([a, b]);
  });

  it('keeps a row id apart from the same ordinal and a number apart from its text', () => {
    const site = {
      planSeed: 1,
      comboId: 'c',
      ordinal: 3,
      rowId: '3',
      variant: 0,
      methodId: 'm',
      column: 't',
    };
    const swapped = textStreamKey({ ...site, rowId: '4' });
    expect(firstDraws(textStreamKey(site))).not.toEqual(firstDraws(swapped));
    expect(textStreamKey(site)).toEqual([1, 'c', 3, '3', 0, 'm', 't']);
  });
});
