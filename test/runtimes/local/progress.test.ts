import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  overallEtaMs,
  renderBoard,
  renderPlain,
  type PoolProgress,
} from '../../../runtimes/local/progress.js';

function progress(): PoolProgress {
  return {
    total: 10,
    completed: 4,
    failed: 1,
    rowsOut: 400,
    durationsMs: [2000, 4000],
    startedMs: 0,
    workers: [
      {
        name: 'worker-1',
        task: 'combo_1_syn.c00003',
        attempt: 1,
        startedMs: 10_000,
        rowsDone: 25,
        rowsTotal: 100,
      },
      { name: 'worker-2', rowsDone: 0 },
    ],
  };
}

describe('progress rendering', () => {
  it('draws one line per worker and an overall bar', () => {
    const lines = renderBoard(progress(), 20_000);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('combo_1_syn.c00003');
    expect(lines[0]).toContain('25%');
    expect(lines[0]).toContain('25/100 rows');
    expect(lines[0]).toContain('eta 30s');
    expect(lines[1]).toContain('idle');
    expect(lines[2]).toMatch(/^\[#{15}\.{15}\] 4\/10 tasks, 1 failed, 400 rows out/);
  });

  it('estimates the rest from finished tasks spread over the workers', () => {
    expect(overallEtaMs(progress())).toBe((3000 * 5) / 2);
    expect(overallEtaMs({ ...progress(), durationsMs: [] })).toBeUndefined();
  });

  it('prints a plain line without control characters when not a terminal', () => {
    const line = renderPlain(progress(), 20_000);
    expect(line).toBe('augc: 4/10 tasks, 1 failed, 400 rows out, 20s elapsed, eta 8s, 1 running\n');
  });

  it('formats durations', () => {
    expect([59_000, 61_000, 3_720_000].map(formatDuration)).toEqual(['59s', '1m01s', '1h02m']);
  });
});
