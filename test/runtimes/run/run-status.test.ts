/**
 * `augc status` joins two views: storage records (finished tasks) and the runtime's (running
 * tasks), which can lag (the local pool rewrites its state once a second). The running count and
 * the running lines must agree, and a task storage calls complete is never shown as running.
 */
import { describe, expect, it } from 'vitest';
import type { RunningTask } from '../../../runtimes/runtime.js';
import { readRunStatus } from '../../../runtimes/run/run-status.js';
import {
  allTasks,
  combo,
  makePlan,
  runTasks,
  sentenceCsv,
  stdlibMethod,
  workspace,
} from '../../engine/task-fixture.js';

const plan = makePlan({
  methods: [stdlibMethod('typo', 'keyboard_typo')],
  combos: [combo('typo')],
  chunks: 3,
  rows: 6,
});

function running(task: { id: string; group: string; index: number }): RunningTask {
  const start = '2026-01-01T00:00:00.000Z';
  return {
    task: task.id,
    group: task.group,
    index: task.index,
    attempt: 1,
    worker: 'w',
    start,
    rowsDone: 0,
  };
}

describe('readRunStatus', () => {
  it('counts the running tasks it lists, leaving out those storage says are complete', async () => {
    const ws = await workspace(plan, sentenceCsv(6));
    const [done, busy] = allTasks(plan);
    await runTasks(plan, ws, [done!]);
    // The runtime still lists `done` (its view is a second old) beside `busy`.
    const report = await readRunStatus(
      plan,
      ws.storage,
      { run: 'out', target: 'local' },
      { active: true, running: [running(done!), running(busy!)], notes: [] },
    );
    expect(report).toMatchObject({ tasks: 3, completed: 1, running: 1, pending: 1, failed: 0 });
    expect(report.runningTasks.map((t) => t.task)).toEqual([busy!.id]);
    expect(report.running).toBe(report.runningTasks.length);
  });
});
