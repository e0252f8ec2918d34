/**
 * Faults under the pbs target (Torque dialect) on the real cluster: qsub, qstat and qdel here are
 * Slurm's PBS wrappers (slurm-wlm-torque), so these runs go through augc's PBS submission, its
 * qstat-based view of running jobs and its array re-submission, as Torque sites use them. The
 * pipeline and fault switches are test/cli/faults.test.ts's; each run must end byte-identical to
 * an uninterrupted local run. In CI a missing cluster fails these tests (../slurm/cluster.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { differencesFrom, faultWorkspace } from '../../cli/fault-workspace.js';
import { augc, spawnAugc } from '../../cli/spawn-augc.js';
import { assertClusterUp, clusterState } from '../slurm/cluster.js';

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

const TORQUE = ['--target', 'pbs', '--set', 'target.pbs.dialect=torque'];

function pbs(out: string, env: Record<string, string> = {}, wait = true) {
  const args = ['run', ws.aug, ...TORQUE, '--output', join(ws.dir, out)];
  return augc(wait ? [...args, '--wait'] : args, { ...FAST, ...env });
}

async function until(what: () => boolean, limitMs: number): Promise<boolean> {
  const end = Date.now() + limitMs;
  while (!what() && Date.now() < end) await new Promise((r) => setTimeout(r, 250));
  return what();
}

describe.runIf(cluster.run)('pbs target (Torque): faults are survived and resumed', () => {
  beforeAll(async () => {
    assertClusterUp();
    const r = await augc(['run', ws.aug, '--output', ref]);
    expect(r.code, r.stderr).toBe(0);
  }, LONG);

  it(
    'a task failing transiently twice is re-submitted with qsub -t in new rounds and completes',
    async () => {
      const r = await pbs('transient', faults('transient', { 'transient-0': '2' }));
      expect(r.code, r.stderr).toBe(0);
      const rounds = join(ws.dir, 'transient/_augc/grid/rounds');
      expect(existsSync(join(rounds, '0003.json'))).toBe(true);
      // The retry rounds submit just the failed task, as a one-element Torque array.
      const third = readFileSync(join(rounds, '0003.json'), 'utf8');
      expect(third).toContain('"qsub"');
      expect(third).toContain('"-t"');
      expect(differencesFrom(ref, join(ws.dir, 'transient'))).toEqual([]);
    },
    LONG,
  );

  it(
    'a task that always fails: exit 1 naming it with its log tail; the resumed run matches',
    async () => {
      const r = await pbs('always', faults('always', { 'always-1': '' }));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('combo_1_cmd.c00001');
      expect(r.stderr).toContain('always-broken: chunk 1');
      const resumed = await pbs('always');
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toContain('resuming: 3 task(s) complete, 1 to run');
      expect(differencesFrom(ref, join(ws.dir, 'always'))).toEqual([]);
    },
    LONG,
  );

  it(
    'the driver SIGKILLed after qsub: qstat shows the jobs, a second run refuses, a re-run finds all complete',
    async () => {
      const env = faults('driver', { sleep: '3000' });
      const out = join(ws.dir, 'driver');
      const driver = spawnAugc(['run', ws.aug, ...TORQUE, '--output', out, '--wait'], {
        ...FAST,
        ...env,
      });
      await driver.waitForStderr(/submitted 4 task\(s\)/);
      driver.child.kill('SIGKILL');
      expect((await driver.done).signal).toBe('SIGKILL');
      const second = await pbs('driver', {}, false);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('error[AUG5103]');
      expect(second.stderr).toContain('still has jobs queued or running');
      expect(await until(() => existsSync(join(out, '_augc/grid/result.json')), 180_000)).toBe(
        true,
      );
      const again = await pbs('driver');
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain('all 4 task(s) are complete: nothing to run');
      expect(differencesFrom(ref, out)).toEqual([]);
    },
    LONG,
  );
});

if (!cluster.run) describe.skip(`pbs faults (${cluster.why})`, () => undefined);
