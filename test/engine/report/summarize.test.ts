import { describe, expect, it } from 'vitest';
import type { PlanResources } from '../../../compiler/plan/types.js';
import { summarizeRun } from '../../../engine/report/summarize.js';
import { fixtureRecords, plan, tasks } from './report-fixture.js';

const requested = (_group: string, attempt: number): PlanResources => ({
  cpus: attempt,
  memoryBytes: 2 ** 31,
  gpus: 0,
  walltimeSeconds: 60,
});

function model(records = fixtureRecords()) {
  return summarizeRun({
    plan,
    records,
    facts: { target: 'slurm' },
    requested,
    reportVersion: '9.9.9',
  });
}

describe('summarizeRun', () => {
  it('totals the complete tasks, histograms from the records that have one', () => {
    const { summary } = model();
    expect(summary).toMatchObject({
      pipeline: 'test',
      target: 'slurm',
      augcVersion: '0.1.0',
      reportVersion: '9.9.9',
      tasks: 4,
      states: { complete: 3, failed: 1 },
      start: '2025-01-01T12:00:00.000Z',
      end: '2025-01-01T12:00:20.000Z',
    });
    const bins = new Array<number>(20).fill(0);
    bins[12] = 19;
    bins[15] = 19;
    expect(summary.total).toEqual({
      tasks: 4,
      complete: 3,
      rowsIn: 30,
      generated: 60,
      kept: 54,
      rowsOut: 54,
      dropped: { unchanged: 3, duplicate: 0, below_min: 3, above_max: 0 },
      histogram: bins,
      seconds: 23,
    });
  });

  it('adds up the time every attempt held what it requested', () => {
    // 10 + 5 + 8 (attempt 2: 2 CPUs) s of records, 7 + 2 + 2 (attempt 2: 2 CPUs) s of attempts.
    const { spent } = model().summary;
    expect(spent).toMatchObject({ attempts: 6, seconds: 34, cpuSeconds: 8 + 4, gpuHours: 0 });
    expect(spent.coreHours).toBeCloseTo((10 + 5 + 2 * 8 + 7 + 2 + 2 * 2) / 3600, 12);
  });

  it('counts failed attempts by class, and those a later attempt followed', () => {
    expect(model().summary.failures).toEqual([
      { errorClass: 'exit(3)', attempts: 2, retried: 1 },
      { errorClass: 'oom', attempts: 1, retried: 1 },
    ]);
  });

  it('tallies each combo, and each method over the combos that use it', () => {
    const { combos, methods } = model();
    expect(
      combos.map((c) => [
        c.combo.id,
        c.tally.tasks,
        c.tally.complete,
        c.tally.rowsIn,
        c.tally.seconds,
      ]),
    ).toEqual([
      ['combo_1_typo', 2, 2, 20, 15],
      ['combo_2_typo+swap', 2, 1, 10, 8],
    ]);
    expect(methods.map((m) => [m.id, m.what, m.combos, m.tally.tasks, m.tally.kept])).toEqual([
      ['typo', 'keyboard_typo', 2, 4, 54],
      ['swap', 'random_word', 1, 2, 18],
    ]);
  });

  it('draws attempts by worker when workers ran several tasks, else by group and index', () => {
    const byWorker = model().timeline;
    expect(byWorker.lanesBy).toBe('worker');
    expect(byWorker.bars.map((b) => [b.task, b.attempt, b.lane, b.outcome])).toEqual([
      [tasks[0]!.id, 1, 'worker-1', 'ok'],
      [tasks[3]!.id, 1, 'worker-1', 'failed'],
      [tasks[2]!.id, 1, 'worker-2', 'failed'],
      [tasks[1]!.id, 1, 'worker-2', 'ok'],
      [tasks[2]!.id, 2, 'worker-1', 'ok'],
      [tasks[3]!.id, 2, 'worker-2', 'failed'],
    ]);
    const records = fixtureRecords();
    records.tasks.forEach((e, i) => e.record && (e.record.worker = `job-${i}`));
    records.attempts.forEach((a, i) => (a.worker = `job-a${i}`));
    const byTask = model(records).timeline;
    expect(byTask.lanesBy).toBe('task');
    expect(new Set(byTask.bars.map((b) => b.lane))).toEqual(
      new Set(tasks.map((t) => `${t.group}[${t.index}]`)),
    );
  });

  it('sets what each complete task used against what its attempt requested', () => {
    expect(
      model().usage.map((u) => [
        u.task,
        u.attempt,
        u.wallSeconds,
        u.cpuSeconds,
        u.peakRssBytes,
        u.requested.cpus,
      ]),
    ).toEqual([
      [tasks[0]!.id, 1, 10, 8, 2 ** 28, 1],
      [tasks[1]!.id, 1, 5, undefined, undefined, 1],
      [tasks[2]!.id, 2, 8, 4, 2 ** 30, 2],
    ]);
  });

  it('lists the tasks that did not complete first, with the log tail the records kept', () => {
    const failures = model().failures;
    expect(
      failures.map((f) => [f.task, f.final, f.attempts.length, f.logTail, f.logLocation]),
    ).toEqual([
      [tasks[3]!.id, true, 2, 'Traceback: boom', '_augc/logs/g/3.log'],
      [tasks[2]!.id, false, 1, 'MemoryError', undefined],
    ]);
  });
});
