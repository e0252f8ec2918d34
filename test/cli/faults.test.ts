/**
 * Faults on the local target (issue 5 §1): each one is injected into a run of the same pipeline,
 * the run is resumed, and the result must be byte-identical to an uninterrupted run's. The worker
 * SIGKILL and Ctrl-C cases live in run.test.ts, retries of a killed worker in run-retry.test.ts.
 */
import { existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  differencesFrom,
  FAULT_TASKS,
  faultEnv,
  faultWorkspace,
  manifestOf,
  waitForNoProcess,
} from './fault-workspace.js';
import { augc, filesUnder, spawnAugc, tempFilesUnder } from './spawn-augc.js';

const LONG = 120_000;
const ws = faultWorkspace();
const ref = join(ws.dir, 'ref');

const faults = (name: string, files: Record<string, string> = {}) => faultEnv(ws, name, files);

function run(out: string, env: Record<string, string> = {}, extra: string[] = []) {
  return augc(['run', ws.aug, '--output', join(ws.dir, out), '--jobs', '1', ...extra], env);
}

function hasRecord(out: string, task: string): boolean {
  return existsSync(join(ws.dir, out, '_augc', 'tasks', `${task}.json`));
}

beforeAll(async () => {
  const r = await augc(['run', ws.aug, '--output', ref]);
  expect(r.code, r.stderr).toBe(0);
  expect(
    manifestOf(ref)
      .split('\n')
      .filter((l) => l !== ''),
  ).toHaveLength(3);
}, LONG);

describe('local target: faults are survived and resumed to identical outputs', () => {
  it(
    'driver SIGKILLed mid-run: the stale lock is taken over and the resumed run matches',
    async () => {
      const env = faults('driver', { sleep: '700' });
      const out = join(ws.dir, 'driver');
      const victim = spawnAugc(['run', ws.aug, '--output', out, '--jobs', '1'], env);
      await victim.waitForStderr(/augc: [1-9]\/4 tasks/);
      victim.child.kill('SIGKILL');
      expect((await victim.done).signal).toBe('SIGKILL');
      // Its pool children notice the lost parent and stop; nothing of the run keeps going.
      expect(await waitForNoProcess(env.FAULT_DIR)).toEqual([]);
      expect(filesUnder(out)).toContain('_augc/lock');
      expect(filesUnder(out)).not.toContain('manifest_final.csv');
      const resumed = await run('driver');
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toContain('warning[AUG5104]: took over the lock');
      expect(resumed.stderr).toMatch(/resuming: [1-3] task\(s\) complete/);
      expect(differencesFrom(ref, out)).toEqual([]);
      expect(tempFilesUnder(out)).toEqual([]);
    },
    LONG,
  );

  it(
    'crash between renaming a part and recording it: the part is not trusted, the task re-runs',
    async () => {
      const task = 'combo_1_typo.c00001';
      const crashed = await run('crash', {
        AUGC_TEST_CRASH_AFTER: 'part',
        AUGC_TEST_FAULT_TASK: task,
      });
      expect(crashed.code).toBe(1);
      expect(crashed.stderr).toContain(`${task} (`);
      expect(crashed.stderr).toContain('killed by SIGKILL');
      // The part reached its final name, but without its record the task is not complete.
      expect(filesUnder(join(ws.dir, 'crash'))).toContain('combo_1_typo/part-00001.jsonl');
      expect(hasRecord('crash', task)).toBe(false);
      const merged = await augc(['merge', join(ws.dir, 'crash')]);
      expect(merged.code).toBe(1);
      expect(merged.stderr).toContain(`${task}: failed`);
      const resumed = await run('crash');
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toContain('resuming: 3 task(s) complete, 1 to run');
      expect(differencesFrom(ref, join(ws.dir, 'crash'))).toEqual([]);
    },
    LONG,
  );

  it(
    'a task failing transiently twice is retried and the run completes',
    async () => {
      const r = await run('transient', faults('transient', { 'transient-1': '2' }));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('combo_1_cmd.c00001 attempt 1 failed (exit(3)): retrying');
      expect(r.stderr).toContain('combo_1_cmd.c00001 attempt 2 failed (exit(3)): retrying');
      const attempts = filesUnder(join(ws.dir, 'transient', '_augc', 'attempts'));
      expect(attempts).toEqual(['combo_1_cmd.c00001.1.json', 'combo_1_cmd.c00001.2.json']);
      expect(differencesFrom(ref, join(ws.dir, 'transient'))).toEqual([]);
    },
    LONG,
  );

  it(
    'a task that always fails: exit 1, named with its log tail; every good output is kept',
    async () => {
      const env = faults('always', { 'always-0': '' });
      const r = await run('always', env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('error[AUG5107]: 1 task(s) failed');
      expect(r.stderr).toMatch(/combo_1_cmd\.c00000 \(.*\) failed after 1 attempt\(s\): exit\(5\)/);
      expect(r.stderr).toContain('always-broken: chunk 0');
      expect(r.stderr).toMatch(/log: .*_augc\/logs\/worker-1\.log/);
      expect(r.stderr).not.toContain('    at ');
      const out = join(ws.dir, 'always');
      for (const task of FAULT_TASKS.filter((t) => t !== 'combo_1_cmd.c00000')) {
        expect(hasRecord('always', task), task).toBe(true);
      }
      for (const part of ['combo_1_typo/part-00000.jsonl', 'combo_1_cmd/part-00001.jsonl']) {
        expect(readFileSync(join(out, part)).equals(readFileSync(join(ref, part))), part).toBe(
          true,
        );
      }
      expect(filesUnder(out)).not.toContain('manifest_final.csv');
      // Fixed, the same command resumes and completes.
      const fixed = await run('always');
      expect(fixed.code, fixed.stderr).toBe(0);
      expect(fixed.stderr).toContain('resuming: 3 task(s) complete, 1 to run');
      expect(differencesFrom(ref, out)).toEqual([]);
    },
    LONG,
  );

  it(
    'ENOSPC while writing a part: nothing partial is recorded, and it resumes once space is back',
    async () => {
      const task = 'combo_1_typo.c00000';
      const full = await run('enospc', { AUGC_TEST_ENOSPC: '1', AUGC_TEST_FAULT_TASK: task });
      expect(full.code).toBe(1);
      expect(full.stderr).toContain(`${task} (`);
      expect(full.stderr).toContain('ENOSPC: no space left on device');
      const out = join(ws.dir, 'enospc');
      expect(hasRecord('enospc', task)).toBe(false);
      expect(filesUnder(out)).not.toContain('combo_1_typo/part-00000.jsonl');
      expect(tempFilesUnder(out)).toEqual([]);
      const resumed = await run('enospc');
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toContain('resuming: 3 task(s) complete, 1 to run');
      expect(differencesFrom(ref, out)).toEqual([]);
    },
    LONG,
  );

  it(
    'a truncated and a bit-flipped part are named by merge; resume re-runs exactly those tasks',
    async () => {
      const out = join(ws.dir, 'corrupt');
      expect((await run('corrupt')).code).toBe(0);
      const truncated = 'combo_1_cmd/part-00001.jsonl';
      const flipped = 'combo_1_typo/part-00000.jsonl';
      truncateSync(join(out, truncated), statSync(join(out, truncated)).size - 5);
      const bytes = readFileSync(join(out, flipped));
      bytes[3] = bytes[3]! ^ 0x01;
      writeFileSync(join(out, flipped), bytes);
      const merged = await augc(['merge', out]);
      expect(merged.code).toBe(1);
      expect(merged.stderr).toContain('2 of 4 task(s) are not complete');
      expect(merged.stderr).toContain(`combo_1_cmd.c00001: corrupt: part ${truncated}`);
      expect(merged.stderr).toContain(
        `combo_1_typo.c00000: corrupt: part ${flipped} does not match its recorded sha256`,
      );
      const untouched = ['combo_1_typo.c00001', 'combo_1_cmd.c00000'].map((t) =>
        join(out, '_augc', 'tasks', `${t}.json`),
      );
      const before = untouched.map((f) => statSync(f).mtimeMs);
      const resumed = await augc(['run', ws.aug, '--output', out, '--explain']);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toContain('resuming: 2 task(s) complete, 2 to run');
      expect(resumed.stdout).toContain('combo_1_typo.c00000: corrupt:');
      expect(resumed.stdout).toContain('combo_1_cmd.c00001: corrupt:');
      expect(untouched.map((f) => statSync(f).mtimeMs)).toEqual(before);
      expect(differencesFrom(ref, out)).toEqual([]);
    },
    LONG,
  );

  it(
    'a second augc run on the same output refuses, naming the owner and age of the lock',
    async () => {
      const env = faults('concurrent', { sleep: '1500' });
      const out = join(ws.dir, 'concurrent');
      const first = spawnAugc(['run', ws.aug, '--output', out, '--jobs', '1'], env);
      await first.waitForStderr(/augc: \d+\/4 tasks/);
      const second = await augc(['run', ws.aug, '--output', out]);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('error[AUG5103]: another augc run is using this output');
      expect(second.stderr).toContain(`pid ${first.child.pid}`);
      expect(second.stderr).toMatch(/started \S+ \(\d+s ago\)/);
      const ended = await first.done;
      expect(ended.code, ended.stderr).toBe(0);
      expect(differencesFrom(ref, out)).toEqual([]);
    },
    LONG,
  );
});
