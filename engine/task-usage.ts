/**
 * What a task cost the machine, for its record and the run report: CPU seconds (this process's,
 * plus those of the `command` programs it ran and waited for) and the worker process's peak
 * resident memory. A pool worker runs many tasks, so its peak is the highest seen up to the end
 * of this task, not this task's alone.
 */
import { readFileSync } from 'node:fs';

export interface UsageMark {
  cpu: NodeJS.CpuUsage;
  /** CPU seconds of waited-for children so far (Linux), else undefined. */
  children: number | undefined;
}

/** The task record's usage fields. */
export interface TaskUsage {
  cpu_seconds: number;
  peak_rss_bytes: number;
}

/** USER_HZ: /proc counts times in these ticks; it is 100 on every Linux ABI Node supports. */
const TICKS_PER_SECOND = 100;

/**
 * `cutime + cstime` of a `/proc/<pid>/stat` line, in seconds: CPU time of waited-for children.
 * The command name (field 2) may hold spaces and parentheses, so fields are counted after its
 * last `)`; field 3 comes first there, so cutime (16) and cstime (17) are at 13 and 14.
 */
export function childCpuSecondsOf(statLine: string): number | undefined {
  const close = statLine.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = statLine.slice(close + 2).split(' ');
  const cutime = Number(fields[13]);
  const cstime = Number(fields[14]);
  if (!Number.isFinite(cutime) || !Number.isFinite(cstime)) return undefined;
  return (cutime + cstime) / TICKS_PER_SECOND;
}

function childCpuSeconds(): number | undefined {
  try {
    return childCpuSecondsOf(readFileSync('/proc/self/stat', 'utf8'));
  } catch {
    return undefined;
  }
}

export function markUsage(): UsageMark {
  return { cpu: process.cpuUsage(), children: childCpuSeconds() };
}

/** CPU seconds since `mark` (milliseconds kept) and the process's peak RSS so far. */
export function usageSince(mark: UsageMark): TaskUsage {
  const own = process.cpuUsage(mark.cpu);
  const now = childCpuSeconds();
  const children = mark.children !== undefined && now !== undefined ? now - mark.children : 0;
  const cpu = (own.user + own.system) / 1e6 + Math.max(0, children);
  return {
    cpu_seconds: Math.round(cpu * 1000) / 1000,
    // resourceUsage() gives kilobytes.
    peak_rss_bytes: process.resourceUsage().maxRSS * 1024,
  };
}
