import { describe, expect, it } from 'vitest';
import { speedsFromHistory } from '../../../engine/estimate/history-speeds.js';
import type { HistoryTask } from '../../../engine/estimate/read-history.js';
import type { MethodRecord } from '../../../engine/task-record.js';
import { TABLE } from './speed-fixture.js';

const m = (method: string): MethodRecord => ({ id: method, kind: 'stdlib', method, params: {} });
const task = (
  methods: string[],
  rowsIn: number,
  variants: number,
  seconds: number,
  where = { run: 'r', worker: 'w' },
): HistoryTask => ({
  ...where,
  methods: methods.map(m),
  rowsIn,
  variants,
  quality: 'chrf',
  seconds,
});

/** The fixture table without method loads, for the arithmetic of speeds alone. */
const NO_LOADS = {
  ...TABLE,
  methods: Object.fromEntries(
    Object.entries(TABLE.methods).map(([k, v]) => [k, { ...v, load_seconds: 0 }]),
  ),
};

describe('speedsFromHistory', () => {
  it('measures single methods, then shares out what combos leave to the unmeasured ones', () => {
    // The table's fixed 0.5 s and chrf's 0.001 s per variant-row are taken out first.
    const speeds = speedsFromHistory(
      [
        task(['keyboard_typo'], 10, 2, 0.5 + 20 * 0.021), // 0.02
        task(['keyboard_typo'], 20, 2, 0.5 + 40 * 0.021), // 0.02
        task(['keyboard_typo', 'random_word'], 10, 2, 0.5 + 20 * 0.026), // 0.025 - 0.02 for swap
        task(['smote'], 10, 1, 0.5 + 10 * 0.03), // tabular: no quality filter
        task(['random_char'], 0, 2, 3), // no rows: measures nothing
      ],
      NO_LOADS,
    );
    const rounded = [...speeds].map(([k, v]) => [
      k,
      Number(v.secondsPerVariant.toFixed(9)),
      v.tasks,
    ]);
    expect(rounded).toEqual([
      ['stdlib:keyboard_typo', 0.02, 2],
      ['stdlib:smote', 0.03, 1],
      ['stdlib:random_word', 0.005, 1],
    ]);
  });

  it("takes out each method's load: once per worker of a pool, once per task of an array", () => {
    // keyboard_typo loads in 1 s. Run `pool`: one worker ran both tasks, so each paid 0.5 s;
    // run `array`: a worker per task, so each paid 1 s. Both at 0.02 s per variant-row.
    const pool = { run: 'pool', worker: 'worker-1' };
    const speeds = speedsFromHistory(
      [
        task(['keyboard_typo'], 10, 2, 0.5 + 0.5 + 20 * 0.021, pool),
        task(['keyboard_typo'], 10, 2, 0.5 + 0.5 + 20 * 0.021, pool),
        task(['keyboard_typo'], 10, 2, 0.5 + 1 + 20 * 0.021, { run: 'array', worker: '7_0' }),
        task(['keyboard_typo'], 10, 2, 0.5 + 1 + 20 * 0.021, { run: 'array', worker: '7_1' }),
      ],
      TABLE,
    );
    expect(speeds.get('stdlib:keyboard_typo')?.secondsPerVariant).toBeCloseTo(0.02, 12);
    expect(speeds.get('stdlib:keyboard_typo')?.tasks).toBe(4);
  });

  it('never gives a negative cost', () => {
    const speeds = speedsFromHistory([task(['keyboard_typo'], 10, 2, 0.1)], TABLE);
    expect(speeds.get('stdlib:keyboard_typo')?.secondsPerVariant).toBe(0);
  });
});
