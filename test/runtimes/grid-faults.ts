/**
 * The fault cases every grid target must survive on the real cluster, registered with `it` inside
 * a target's `describe` (slurm/faults.test.ts, pbs/faults.test.ts). Each run must end
 * byte-identical to an uninterrupted local run (`ref`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { differencesFrom, faultEnv, type FaultWorkspace, until } from '../cli/fault-workspace.js';
import { augc, spawnAugc } from '../cli/spawn-augc.js';

export const LONG = 240_000;
const FAST = { AUGC_GRID_POLL_MAX_MS: '1000' };

export interface GridFaultSetup {
  ws: FaultWorkspace;
  /** Output folder of the uninterrupted local run. */
  ref: string;
  /** What selects the target, e.g. `['--target', 'slurm']`. */
  targetArgs: string[];
  /** Checks a retry round's record (`_augc/batch/rounds/NNNN.json`), e.g. its submit command. */
  checkRetryRound?: (round: string) => void;
}

/** `augc run` of the fault pipeline on the target into `ws.dir/out`. */
export function gridRun(
  s: GridFaultSetup,
  out: string,
  env: Record<string, string> = {},
  wait = true,
) {
  const args = ['run', s.ws.aug, ...s.targetArgs, '--output', join(s.ws.dir, out)];
  return augc(wait ? [...args, '--wait'] : args, { ...FAST, ...env });
}

export function gridFaultCases(s: GridFaultSetup): void {
  const run = (out: string, env: Record<string, string> = {}, wait = true) =>
    gridRun(s, out, env, wait);
  const faults = (name: string, files: Record<string, string> = {}) => faultEnv(s.ws, name, files);

  it(
    'the driver SIGKILLed after submitting: jobs finish on their own, a second run refuses meanwhile, and a re-run finds everything complete',
    async () => {
      const env = faults('driver', { sleep: '3000' });
      const out = join(s.ws.dir, 'driver');
      const driver = spawnAugc(['run', s.ws.aug, ...s.targetArgs, '--output', out, '--wait'], {
        ...FAST,
        ...env,
      });
      await driver.waitForStderr(/submitted 4 task\(s\)/);
      driver.child.kill('SIGKILL');
      expect((await driver.done).signal).toBe('SIGKILL');
      const second = await run('driver', {}, false);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('error[AUG5103]');
      expect(second.stderr).toContain('still has jobs queued or running');
      expect(await until(() => existsSync(join(out, '_augc/batch/result.json')), 180_000)).toBe(
        true,
      );
      const again = await run('driver');
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain('all 4 task(s) are complete: nothing to run');
      expect(differencesFrom(s.ref, out)).toEqual([]);
    },
    LONG,
  );

  it(
    'a task failing transiently twice is retried in new rounds and the run completes',
    async () => {
      const r = await run('transient', faults('transient', { 'transient-0': '2' }));
      expect(r.code, r.stderr).toBe(0);
      const third = join(s.ws.dir, 'transient/_augc/batch/rounds/0003.json');
      expect(existsSync(third)).toBe(true);
      s.checkRetryRound?.(readFileSync(third, 'utf8'));
      expect(differencesFrom(s.ref, join(s.ws.dir, 'transient'))).toEqual([]);
    },
    LONG,
  );

  it(
    'a task that always fails: exit 1 with its log tail, the good outputs kept; the resumed run matches',
    async () => {
      const r = await run('always', faults('always', { 'always-1': '' }));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('combo_1_cmd.c00001');
      expect(r.stderr).toContain('always-broken: chunk 1');
      for (const part of [
        'combo_1_typo/part-00000.jsonl',
        'combo_1_typo/part-00001.jsonl',
        'combo_1_cmd/part-00000.jsonl',
      ]) {
        const have = readFileSync(join(s.ws.dir, 'always', part));
        expect(have.equals(readFileSync(join(s.ref, part))), part).toBe(true);
      }
      const resumed = await run('always');
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toContain('resuming: 3 task(s) complete, 1 to run');
      expect(differencesFrom(s.ref, join(s.ws.dir, 'always'))).toEqual([]);
    },
    LONG,
  );
}
