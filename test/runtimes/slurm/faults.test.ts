/**
 * Faults on the real Slurm cluster (issue 5 §1), with the pipeline and fault switches of
 * test/cli/faults.test.ts: each run is resumed and must end byte-identical to an uninterrupted
 * local run (Slurm and local outputs are identical, see slurm-run.test.ts). In CI a missing
 * cluster fails these tests (cluster.ts).
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { differencesFrom, faultWorkspace } from '../../cli/fault-workspace.js';
import { augc, filesUnder, spawnAugc, tempFilesUnder } from '../../cli/spawn-augc.js';
import { assertClusterUp, clusterState } from './cluster.js';

const cluster = clusterState();
const FAST = { AUGC_GRID_POLL_MAX_MS: '1000' };
const LONG = 240_000;
const ws = faultWorkspace();
const ref = join(ws.dir, 'ref');

function faults(name: string, files: Record<string, string> = {}): { FAULT_DIR: string } {
  const dir = join(ws.faults, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return { FAULT_DIR: dir };
}

function slurm(out: string, env: Record<string, string> = {}, wait = true) {
  const args = ['run', ws.aug, '--target', 'slurm', '--output', join(ws.dir, out)];
  return augc(wait ? [...args, '--wait'] : args, { ...FAST, ...env });
}

async function until(what: () => boolean, limitMs: number): Promise<boolean> {
  const end = Date.now() + limitMs;
  while (!what() && Date.now() < end) await new Promise((r) => setTimeout(r, 250));
  return what();
}

describe.runIf(cluster.run)('slurm target: faults are survived and resumed', () => {
  beforeAll(async () => {
    assertClusterUp();
    const r = await augc(['run', ws.aug, '--output', ref]);
    expect(r.code, r.stderr).toBe(0);
  }, LONG);

  it(
    'a worker SIGKILLed mid-task fails only its task; the resumed run matches',
    async () => {
      const env = faults('killed', { 'killparent-1': '' });
      const r = await slurm('killed', env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('combo_1_cmd.c00001');
      expect(r.stderr).not.toContain('combo_1_typo.c0000');
      const resumed = await slurm('killed');
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toContain('resuming: 3 task(s) complete, 1 to run');
      expect(differencesFrom(ref, join(ws.dir, 'killed'))).toEqual([]);
    },
    LONG,
  );

  it(
    'the driver SIGKILLed after submitting: jobs finish on their own, a second run refuses meanwhile, and a re-run finds everything complete',
    async () => {
      const env = faults('driver', { sleep: '3000' });
      const out = join(ws.dir, 'driver');
      const driver = spawnAugc(['run', ws.aug, '--target', 'slurm', '--output', out, '--wait'], {
        ...FAST,
        ...env,
      });
      await driver.waitForStderr(/submitted 4 task\(s\)/);
      driver.child.kill('SIGKILL');
      expect((await driver.done).signal).toBe('SIGKILL');
      const second = await slurm('driver', {}, false);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('error[AUG5103]');
      expect(second.stderr).toContain('still has jobs queued or running');
      expect(await until(() => existsSync(join(out, '_augc/grid/result.json')), 180_000)).toBe(
        true,
      );
      const again = await slurm('driver');
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain('all 4 task(s) are complete: nothing to run');
      expect(differencesFrom(ref, out)).toEqual([]);
    },
    LONG,
  );

  it(
    'a crash between a part and its record: the task re-runs on resume',
    async () => {
      const task = 'combo_1_typo.c00001';
      const r = await slurm('crash', { AUGC_TEST_CRASH_AFTER: 'part', AUGC_TEST_FAULT_TASK: task });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(task);
      expect(filesUnder(join(ws.dir, 'crash'))).toContain('combo_1_typo/part-00001.jsonl');
      expect(existsSync(join(ws.dir, 'crash/_augc/tasks', `${task}.json`))).toBe(false);
      const resumed = await slurm('crash');
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toContain('resuming: 3 task(s) complete, 1 to run');
      expect(differencesFrom(ref, join(ws.dir, 'crash'))).toEqual([]);
    },
    LONG,
  );

  it(
    'a task failing transiently twice is retried in new rounds and the run completes',
    async () => {
      const r = await slurm('transient', faults('transient', { 'transient-0': '2' }));
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(join(ws.dir, 'transient/_augc/grid/rounds/0003.json'))).toBe(true);
      expect(differencesFrom(ref, join(ws.dir, 'transient'))).toEqual([]);
    },
    LONG,
  );

  it(
    'a task that always fails: exit 1 with its log tail, the good outputs kept',
    async () => {
      const r = await slurm('always', faults('always', { 'always-1': '' }));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('combo_1_cmd.c00001');
      expect(r.stderr).toContain('always-broken: chunk 1');
      for (const part of [
        'combo_1_typo/part-00000.jsonl',
        'combo_1_typo/part-00001.jsonl',
        'combo_1_cmd/part-00000.jsonl',
      ]) {
        const have = readFileSync(join(ws.dir, 'always', part));
        expect(have.equals(readFileSync(join(ref, part))), part).toBe(true);
      }
      const resumed = await slurm('always');
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(differencesFrom(ref, join(ws.dir, 'always'))).toEqual([]);
    },
    LONG,
  );

  it(
    'ENOSPC while writing a part: nothing partial is recorded; resumes once space is back',
    async () => {
      const task = 'combo_1_typo.c00000';
      const r = await slurm('enospc', { AUGC_TEST_ENOSPC: '1', AUGC_TEST_FAULT_TASK: task });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(task);
      expect(r.stderr).toContain('ENOSPC');
      const out = join(ws.dir, 'enospc');
      expect(filesUnder(out)).not.toContain('combo_1_typo/part-00000.jsonl');
      expect(tempFilesUnder(out)).toEqual([]);
      const resumed = await slurm('enospc');
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(differencesFrom(ref, out)).toEqual([]);
    },
    LONG,
  );

  it(
    'a truncated part is named and exactly its task is resubmitted',
    async () => {
      const out = join(ws.dir, 'corrupt');
      expect((await slurm('corrupt')).code).toBe(0);
      const part = 'combo_1_cmd/part-00000.jsonl';
      truncateSync(join(out, part), statSync(join(out, part)).size - 3);
      const merged = await augc(['merge', out]);
      expect(merged.code).toBe(1);
      expect(merged.stderr).toContain(`combo_1_cmd.c00000: corrupt: part ${part}`);
      const resumed = await slurm('corrupt');
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toContain('resuming: 3 task(s) complete, 1 to run');
      expect(resumed.stderr).toContain('submitted 1 task(s)');
      expect(differencesFrom(ref, out)).toEqual([]);
    },
    LONG,
  );
});

if (!cluster.run) describe.skip(`slurm faults (${cluster.why})`, () => undefined);
