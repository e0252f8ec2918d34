/**
 * Faults on the real Slurm cluster (issue 5 §1), with the pipeline and fault switches of
 * test/cli/faults.test.ts: each run is resumed and must end byte-identical to an uninterrupted
 * local run (Slurm and local outputs are identical, see slurm-run.test.ts). The cases every grid
 * target shares are in ../grid-faults.ts; those below reach into Slurm jobs. In CI a missing
 * cluster fails these tests (cluster.ts).
 */
import { existsSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { differencesFrom, faultEnv, faultWorkspace } from '../../cli/fault-workspace.js';
import { augc, filesUnder, tempFilesUnder } from '../../cli/spawn-augc.js';
import { gridFaultCases, gridRun, LONG } from '../grid-faults.js';
import { assertClusterUp, clusterState } from './cluster.js';

const cluster = clusterState();
const ws = faultWorkspace();
const ref = join(ws.dir, 'ref');

const faults = (name: string, files: Record<string, string> = {}) => faultEnv(ws, name, files);

const setup = { ws, ref, targetArgs: ['--target', 'slurm'] };
const slurm = (out: string, env: Record<string, string> = {}) => gridRun(setup, out, env);

describe.runIf(cluster.run)('slurm target: faults are survived and resumed', () => {
  beforeAll(async () => {
    assertClusterUp();
    const r = await augc(['run', ws.aug, '--output', ref]);
    expect(r.code, r.stderr).toBe(0);
  }, LONG);

  gridFaultCases(setup);

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
