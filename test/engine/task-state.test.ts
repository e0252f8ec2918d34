import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTask } from '../../engine/run-task.js';
import { readTaskState } from '../../engine/task-state.js';
import {
  allTasks,
  combo,
  commandMethod,
  makePlan,
  runTasks,
  sentenceCsv,
  stdlibMethod,
  taskOptions,
  workspace,
} from './task-fixture.js';

describe('readTaskState', () => {
  it('tells complete, stale, corrupt, failed and missing tasks apart', async () => {
    const fail = commandMethod('fail', [process.execPath, '-e', 'process.exit(2)']);
    const spec = {
      methods: [stdlibMethod('typo', 'keyboard_typo'), fail],
      combos: [combo('typo'), combo('fail')],
      chunks: 2,
      rows: 6,
    };
    const plan = makePlan(spec);
    const ws = await workspace(plan, sentenceCsv(6));
    const [done, unrun, failing] = [allTasks(plan)[0]!, allTasks(plan)[1]!, allTasks(plan)[2]!];
    await runTasks(plan, ws, [done]);
    await runTask(taskOptions(plan, ws, failing)).catch(() => undefined);

    expect(await readTaskState(ws.storage, plan, done)).toMatchObject({ state: 'complete' });
    expect(await readTaskState(ws.storage, plan, unrun)).toMatchObject({ state: 'missing' });
    const failed = await readTaskState(ws.storage, plan, failing);
    expect(failed.state).toBe('failed');
    expect(failed.reason).toMatch(/exit\(2\)/);

    const edited = makePlan({
      ...spec,
      methods: [stdlibMethod('typo', 'keyboard_typo', { aug_char_max: 3 }), fail],
    });
    const stale = await readTaskState(ws.storage, edited, done);
    expect(stale).toMatchObject({
      state: 'stale',
      reason: 'method params changed: typo.aug_char_max 10 -> 3',
    });
    const newChunk = await readTaskState(ws.storage, plan, done, { chunkSha256: '0'.repeat(64) });
    expect(newChunk.state).toBe('stale');
    expect(newChunk.reason).toMatch(/^input chunk changed/);

    await rm(join(ws.dir, 'out', `${done.combo.id}/part-00000.csv`));
    const corrupt = await readTaskState(ws.storage, plan, done);
    expect(corrupt).toMatchObject({ state: 'corrupt' });
    expect(corrupt.reason).toMatch(/is missing/);
    await ws.storage.writeAtomic(`_augc/tasks/${done.id}.json`, '{"task":');
    expect((await readTaskState(ws.storage, plan, done)).state).toBe('corrupt');
  });
});
