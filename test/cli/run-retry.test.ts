import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { augc, filesUnder, tempFilesUnder } from './spawn-augc.js';
import { TINY, tinyWorkspace } from './tiny-run.js';

function attempt(out: string, task: string, n: number): Record<string, unknown> {
  return JSON.parse(
    readFileSync(join(out, '_augc', 'attempts', `${task}.${n}.json`), 'utf8'),
  ) as Record<string, unknown>;
}

describe('augc run: retries on the local target', () => {
  it('retries a worker killed by SIGKILL when the rule retries oom, and completes', async () => {
    const retry = 'retry { attempts = 2  backoff = fixed(0s)  on = [oom] }\n  output';
    const dir = tinyWorkspace(TINY.replace('output', retry));
    const out = join(dir, 'out');
    const run = await augc(['run', join(dir, 'tiny.aug'), '--output', out, '--jobs', '1'], {
      AUGC_TEST_KILL_AFTER_ROWS: '1',
      AUGC_TEST_KILL_TASK: 'combo_1_typo.c00001',
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('combo_1_typo.c00001 attempt 1 failed (signal): retrying in 0s');
    expect(attempt(out, 'combo_1_typo.c00001', 1)).toMatchObject({
      error_class: 'signal',
      signal: 'SIGKILL',
    });
    expect(existsSync(join(out, '_augc', 'tasks', 'combo_1_typo.c00001.json'))).toBe(true);
    expect(filesUnder(out)).toContain('manifest_final.csv');
    expect(tempFilesUnder(out)).toEqual([]);
  });

  it('stops a task over its walltime and records a timeout', async () => {
    const slow = 'method slow = command(["node", "-e", "setTimeout(() => {}, 60000)"])';
    const pipeline = TINY.replace(/method typo = .*/, slow).replace(
      'chunk { rows = 3 }',
      'resources { walltime = 2s }',
    );
    const dir = tinyWorkspace(pipeline);
    const out = join(dir, 'out');
    const run = await augc(['run', join(dir, 'tiny.aug'), '--output', out, '--jobs', '1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('failed after 1 attempt(s): timeout');
    expect(attempt(out, 'combo_1_slow.c00000', 1)).toMatchObject({
      state: 'failed',
      error_class: 'timeout',
    });
    expect(tempFilesUnder(out)).toEqual([]);
  });
});
