import { describe, expect, it } from 'vitest';
import { speedsFromHistory } from '../../../engine/estimate/history-speeds.js';
import type { HistoryTask } from '../../../engine/estimate/read-history.js';
import type { MethodRecord } from '../../../engine/task-record.js';
import { TABLE } from './speed-fixture.js';

const m = (method: string): MethodRecord => ({ id: method, kind: 'stdlib', method, params: {} });
let next = 0;
/** A history task; by default alone on its worker, as in an array job. */
const task = (
  methods: string[],
  rowsIn: number,
  variants: number,
  seconds: number,
  where: { run?: string; worker?: string; start?: number } = {},
): HistoryTask => ({
  run: where.run ?? 'r',
  worker: where.worker ?? `job-${next++}`,
  start: where.start ?? next,
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

const rounded = (speeds: ReturnType<typeof speedsFromHistory>) =>
  [...speeds].map(([k, v]) => [k, Number(v.secondsPerVariant.toFixed(9)), v.tasks, v.loadSeconds]);

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
    expect(rounded(speeds)).toEqual([
      ['stdlib:keyboard_typo', 0.02, 2, undefined],
      ['stdlib:smote', 0.03, 1, undefined],
      ['stdlib:random_word', 0.005, 1, undefined],
    ]);
  });

  it("takes the table's load out of tasks that each started their process (an array job)", () => {
    // keyboard_typo loads in 1 s by the table.
    const speeds = speedsFromHistory(
      [task(['keyboard_typo'], 10, 2, 0.5 + 1 + 20 * 0.021), task(['keyboard_typo'], 10, 2, 1.92)],
      TABLE,
    );
    expect(rounded(speeds)).toEqual([['stdlib:keyboard_typo', 0.02, 2, undefined]]);
  });

  it("measures a pool's speed on its warm tasks, and the load on the one that paid it", () => {
    const on = (start: number) => ({ run: 'pool', worker: 'worker-1', start });
    const speeds = speedsFromHistory(
      [
        task(['keyboard_typo'], 20, 2, 0.5 + 40 * 0.021, on(20)), // warm: 0.02
        task(['keyboard_typo'], 10, 2, 0.5 + 3 + 20 * 0.021, on(0)), // first: loads in 3 s
        task(['keyboard_typo'], 10, 2, 0.5 + 20 * 0.021, on(10)), // warm: 0.02
      ],
      TABLE,
    );
    const typo = speeds.get('stdlib:keyboard_typo');
    expect(typo?.secondsPerVariant).toBeCloseTo(0.02, 12);
    expect(typo?.tasks).toBe(2);
    expect(typo?.loadSeconds).toBeCloseTo(3, 12);
  });

  it('never gives a negative cost', () => {
    const speeds = speedsFromHistory([task(['keyboard_typo'], 10, 2, 0.1)], TABLE);
    expect(speeds.get('stdlib:keyboard_typo')?.secondsPerVariant).toBe(0);
  });
});
