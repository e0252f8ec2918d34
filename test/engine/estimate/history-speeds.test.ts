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
): HistoryTask => ({
  methods: methods.map(m),
  rowsIn,
  variants,
  quality: 'chrf',
  seconds,
});

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
      TABLE,
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

  it('never gives a negative cost', () => {
    const speeds = speedsFromHistory([task(['keyboard_typo'], 10, 2, 0.1)], TABLE);
    expect(speeds.get('stdlib:keyboard_typo')?.secondsPerVariant).toBe(0);
  });
});
