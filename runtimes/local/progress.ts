/**
 * Progress of the local pool. On a terminal: one line per worker (task, percent, rows, ETA) and an
 * overall bar, redrawn in place at most 10 times a second. Otherwise (a log file, CI): a plain
 * line at start (what runs where, then the first progress line), then at most one every few seconds however many tasks end
 * (a 10,000-task run must not write 10,000 lines), and a final line. Rendering is pure so that it
 * can be tested.
 */
import type { RunOutput } from '../runtime.js';

export interface WorkerSlot {
  name: string;
  task?: string;
  attempt?: number;
  startedMs?: number;
  rowsDone: number;
  rowsTotal?: number;
}

export interface PoolProgress {
  total: number;
  completed: number;
  failed: number;
  rowsOut: number;
  /** Durations (ms) of completed tasks, for the overall ETA. */
  durationsMs: number[];
  startedMs: number;
  workers: WorkerSlot[];
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** Remaining time from the mean duration of finished tasks, spread over the workers. */
export function overallEtaMs(p: PoolProgress): number | undefined {
  if (p.durationsMs.length === 0) return undefined;
  const mean = p.durationsMs.reduce((a, b) => a + b, 0) / p.durationsMs.length;
  const left = p.total - p.completed - p.failed;
  return (mean * left) / Math.max(1, p.workers.length);
}

function workerLine(w: WorkerSlot, now: number): string {
  if (w.task === undefined) return `  ${w.name.padEnd(9)} idle`;
  const total = w.rowsTotal;
  const pct = total ? Math.min(100, Math.floor((100 * w.rowsDone) / total)) : undefined;
  const elapsed = now - (w.startedMs ?? now);
  const eta =
    total && w.rowsDone > 0 ? formatDuration((elapsed / w.rowsDone) * (total - w.rowsDone)) : '?';
  const rows = total === undefined ? `${w.rowsDone} rows` : `${w.rowsDone}/${total} rows`;
  const attempt = (w.attempt ?? 1) > 1 ? ` (attempt ${w.attempt})` : '';
  return `  ${w.name.padEnd(9)} ${w.task}${attempt}  ${pct === undefined ? '' : `${pct}%  `}${rows}  eta ${eta}`;
}

function bar(done: number, total: number, width: number): string {
  const filled = total === 0 ? width : Math.round((width * done) / total);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

function summary(p: PoolProgress, now: number): string {
  const eta = overallEtaMs(p);
  const failed = p.failed > 0 ? `, ${p.failed} failed` : '';
  return (
    `${p.completed}/${p.total} tasks${failed}, ${p.rowsOut} rows out, ` +
    `${formatDuration(now - p.startedMs)} elapsed${eta === undefined ? '' : `, eta ${formatDuration(eta)}`}`
  );
}

/** Cuts a line to the width: a line that wraps takes two rows and the redraw leaves one behind. */
export function fitLine(line: string, columns: number | undefined): string {
  // The last column is left empty: writing into it makes some terminals wrap at once.
  const max = columns === undefined ? Infinity : Math.max(1, columns - 1);
  return line.length <= max ? line : `${line.slice(0, Math.max(0, max - 1))}~`;
}

/** The block redrawn on a terminal, each line fitted to `columns` (the bar narrows first). */
export function renderBoard(p: PoolProgress, now: number, columns?: number): string[] {
  const done = p.completed + p.failed;
  const text = summary(p, now);
  const room = columns === undefined ? 30 : columns - 1 - text.length - 3;
  const width = Math.max(10, Math.min(30, room));
  return [...p.workers.map((w) => workerLine(w, now)), `${bar(done, p.total, width)} ${text}`].map(
    (l) => fitLine(l, columns),
  );
}

/** One plain line (not a terminal). */
export function renderPlain(p: PoolProgress, now: number): string {
  const running = p.workers.filter((w) => w.task !== undefined).length;
  return `augc: ${summary(p, now)}, ${running} running\n`;
}

const TTY_INTERVAL_MS = 100;
export const PLAIN_INTERVAL_MS = 5_000;

/** Throttled drawing of a PoolProgress to the run's output. */
export class ProgressDisplay {
  private lastDraw = 0;
  private drawnLines = 0;
  private timer: NodeJS.Timeout | undefined;
  /** What the last plain line said about tasks, so that the final line is not a repeat. */
  private plainState: string | undefined;
  private anyTaskEnded = false;
  private stopResize: (() => void) | undefined;

  constructor(
    private readonly out: RunOutput,
    private readonly progress: PoolProgress,
  ) {}

  /** `header`: what runs where, printed first (a log must show something before a task ends). */
  start(header?: string): void {
    const every = this.out.isTTY ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS;
    this.timer = setInterval(() => this.draw(false), every);
    this.timer.unref();
    if (this.out.isTTY) {
      this.stopResize = this.out.onResize?.(() => this.redrawAfterResize());
      return;
    }
    if (header !== undefined) this.out.write(`${header}\n`);
    this.draw(true);
  }

  /** The old board may have rewrapped to the new width: clear from its top and draw again. */
  private redrawAfterResize(): void {
    if (this.drawnLines > 0) this.out.write(`\x1b[${this.drawnLines}F\x1b[J`);
    this.drawnLines = 0;
    this.draw(true);
  }

  /** A task ended: redraw the board at once; a plain line only if the interval allows it. */
  taskEnded(): void {
    this.draw(this.out.isTTY || !this.anyTaskEnded);
    this.anyTaskEnded = true;
  }

  /** Redraws now if the interval allows it (or `force`). */
  draw(force: boolean): void {
    const now = Date.now();
    const every = this.out.isTTY ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS;
    if (!force && now - this.lastDraw < every) return;
    this.lastDraw = now;
    if (!this.out.isTTY) {
      this.plainState = this.tasksState();
      this.out.write(renderPlain(this.progress, now));
      return;
    }
    const lines = renderBoard(this.progress, now, this.out.columns);
    const up = this.drawnLines > 0 ? `\x1b[${this.drawnLines}F` : '';
    this.out.write(`${up}${lines.map((l) => `\x1b[2K${l}`).join('\n')}\n\x1b[J`);
    this.drawnLines = lines.length;
  }

  /** Prints a message above the board without breaking it. */
  message(text: string): void {
    if (this.out.isTTY && this.drawnLines > 0) {
      this.out.write(`\x1b[${this.drawnLines}F\x1b[J`);
      this.drawnLines = 0;
    }
    this.out.write(text.endsWith('\n') ? text : `${text}\n`);
    if (this.out.isTTY) this.draw(true);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.stopResize?.();
    if (this.out.isTTY || this.plainState !== this.tasksState()) this.draw(true);
  }

  private tasksState(): string {
    const p = this.progress;
    return `${p.completed}/${p.failed}/${p.rowsOut}`;
  }
}
