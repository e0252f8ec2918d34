import { describe, expect, it } from 'vitest';
import { childCpuSecondsOf, markUsage, usageSince } from '../../engine/task-usage.js';

// A /proc/<pid>/stat line captured on Linux, with a command name holding a space and a `)`.
const STAT =
  '4242 (node (x) y) S 4100 4242 4100 34816 4242 4194304 9120 3471 0 0 120 31 250 75 20 0 11 0 ' +
  '103953 1126584320 14480 18446744073709551615 1 1 0 0 0 0 0 16781312 134235650 0 0 0 17 1 0 0 0 0 0';

describe('task usage', () => {
  it("reads children's CPU time (cutime + cstime) from a stat line, whatever the command name", () => {
    expect(childCpuSecondsOf(STAT)).toBe(3.25);
    expect(childCpuSecondsOf('garbage')).toBeUndefined();
    expect(childCpuSecondsOf('1 (x) S 1 2')).toBeUndefined();
  });

  it('measures CPU spent since the mark and the peak RSS of this process', () => {
    const mark = markUsage();
    let x = 0;
    for (let i = 0; i < 2_000_000; i++) x += Math.sqrt(i);
    const usage = usageSince(mark);
    expect(x).toBeGreaterThan(0);
    expect(usage.cpu_seconds).toBeGreaterThan(0);
    expect(usage.peak_rss_bytes).toBeGreaterThanOrEqual(process.memoryUsage().rss * 0.5);
  });
});
