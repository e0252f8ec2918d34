import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  formatDuration,
  overallEtaMs,
  PLAIN_INTERVAL_MS,
  ProgressDisplay,
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

describe('ProgressDisplay when not a terminal', () => {
  afterEach(() => vi.useRealTimers());

  /** A display over a fresh progress; `end()` completes one task and reports it. */
  function plainDisplay() {
    const lines: string[] = [];
    const p: PoolProgress = { ...progress(), total: 10_000, completed: 0, failed: 0, rowsOut: 0 };
    const display = new ProgressDisplay({ write: (t: string) => lines.push(t), isTTY: false }, p);
    const end = (): void => {
      p.completed++;
      p.rowsOut += 10;
      display.taskEnded();
    };
    return { lines, display, end };
  }

  it('prints what runs and a first line at start, the first task end, then one line per interval', () => {
    vi.useFakeTimers();
    const { lines, display, end } = plainDisplay();
    display.start('augc: pipeline "p": 10000 task(s) on local, 2 worker(s)');
    expect(lines).toEqual([
      'augc: pipeline "p": 10000 task(s) on local, 2 worker(s)\n',
      expect.stringContaining('0/10000 tasks'),
    ]);
    for (let i = 0; i < 5_000; i++) end();
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('1/10000 tasks');
    vi.advanceTimersByTime(PLAIN_INTERVAL_MS);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain('5000/10000 tasks');
    for (let i = 0; i < 5_000; i++) end();
    expect(lines).toHaveLength(4);
    display.stop();
    expect(lines).toHaveLength(5);
    expect(lines[4]).toContain('10000/10000 tasks, 100000 rows out');
    expect(lines.join('')).not.toContain('\x1b');
  });

  it('fits every board line to the terminal width and redraws from its top on a resize', () => {
    const out: string[] = [];
    let columns = 160;
    let resize: (() => void) | undefined;
    const display = new ProgressDisplay(
      {
        write: (t: string) => out.push(t),
        isTTY: true,
        get columns() {
          return columns;
        },
        onResize: (cb) => ((resize = cb), () => (resize = undefined)),
      },
      progress(),
    );
    display.start();
    display.draw(true);
    for (const width of [60, 40, 20]) {
      columns = width;
      out.length = 0;
      resize?.();
      expect(out[0]).toMatch(/^\x1b\[3F\x1b\[J/);
      const lines = out
        .join('')
        .replace(/\x1b\[[0-9]*[A-Za-z]/g, '')
        .split('\n');
      for (const l of lines) expect(l.length).toBeLessThan(width);
    }
    display.stop();
    expect(resize).toBeUndefined();
  });

  it('lets a task end print once the interval has passed, and does not repeat the final line', () => {
    vi.useFakeTimers();
    const { lines, display, end } = plainDisplay();
    end();
    vi.advanceTimersByTime(PLAIN_INTERVAL_MS - 1);
    end();
    expect(lines).toHaveLength(1);
    vi.advanceTimersByTime(1);
    end();
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('3/10000 tasks');
    display.stop();
    expect(lines).toHaveLength(2);
  });
});
