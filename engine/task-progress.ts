/**
 * A task's progress as rows of its chunk done. Rows count when written; while `command` programs
 * run, the rows their output already covers count too, so a long-running program shows its
 * progress instead of 0 until it ends. What is reported never goes down.
 */
export class TaskProgress {
  private written = 0;
  private shown = 0;
  /** Output lines of each `command` stage so far. */
  private readonly lines: number[] = [];

  constructor(
    private readonly report: ((rowsDone: number, rowsTotal: number) => void) | undefined,
    private readonly rowsTotal: number,
    private readonly variants: number,
  ) {}

  /** One more row written. */
  row(): void {
    this.written++;
    this.show(this.written);
  }

  /** `rows` rows done at once (a tabular chunk is synthesized in one go). */
  rows(rows: number): void {
    this.written = rows;
    this.show(rows);
  }

  /**
   * A new `command` stage of a combo with `stages` of them; the returned callback takes its
   * program's output lines. A row is `variants` lines, and each stage runs over every row in
   * turn, so the rows done are the lines averaged over the stages.
   */
  commandStage(stages: number): (lines: number) => void {
    const index = this.lines.push(0) - 1;
    return (lines) => {
      this.lines[index] = lines;
      const total = this.lines.reduce((a, b) => a + b, 0);
      this.show(Math.floor(total / this.variants / stages));
    };
  }

  private show(rows: number): void {
    if (rows <= this.shown) return;
    this.shown = rows;
    this.report?.(rows, this.rowsTotal);
  }
}
