import { readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, planHashOf } from '../../compiler/plan/canonical-json.js';
import type { Plan } from '../../compiler/plan/types.js';
import { augc, filesUnder } from './spawn-augc.js';
import { TINY, tinyWorkspace } from './tiny-run.js';

/** `augc plan` run inside `dir` (relative paths in the plan are against the cwd). */
async function planIn(dir: string): Promise<string> {
  const file = join(dir, 'plan.json');
  const made = await augc(['plan', join(dir, 'tiny.aug'), '-o', file]);
  expect(made.code, made.stderr).toBe(0);
  return file;
}

describe('augc run plan.json', () => {
  it('runs a plan written by `augc plan -o`', async () => {
    const dir = tinyWorkspace();
    const run = await augc(['run', await planIn(dir), '--output', join(dir, 'out')]);
    expect(run.code, run.stderr).toBe(0);
    expect(filesUnder(join(dir, 'out'))).toContain('manifest_final.csv');
  });

  it('refuses, on local, a plan whose groups need GPUs the target does not have', async () => {
    const gpuMethod =
      'method mlm = command("python mlm.py") { resources { gpus = 1 } }\n  target slurm {}';
    const dir = tinyWorkspace(TINY.replace('  chunk', `  ${gpuMethod}\n  chunk`));
    // Planned for slurm, which can run it; then run on local, which has no GPUs.
    const file = join(dir, 'plan.json');
    const made = await augc(['plan', join(dir, 'tiny.aug'), '--target', 'slurm', '-o', file]);
    expect(made.code, made.stderr).toBe(0);
    const run = await augc(['run', file, '--target', 'local', '--output', join(dir, 'out')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'error[AUG5114]: the plan needs GPUs the `local` target does not have (it has 0)',
    );
    expect(run.stderr).toMatch(/group `gpu1-\S+` needs 1 GPU\(s\) per task: combo_1_mlm/);
    expect(filesUnder(dir)).not.toContain('out/_augc/plan.json');
  });

  it('refuses a plan made by another augc version', async () => {
    const dir = tinyWorkspace();
    const file = await planIn(dir);
    const plan = JSON.parse(readFileSync(file, 'utf8')) as Plan;
    const old = { ...plan, compilerVersion: '0.0.1' };
    writeFileSync(file, canonicalJson({ ...old, planHash: planHashOf(old) }));
    const run = await augc(['run', file, '--output', join(dir, 'out')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[AUG5101]');
    expect(run.stderr).toContain('augc 0.0.1');
  });

  it('refuses a plan whose sources changed since it was made', async () => {
    const dir = tinyWorkspace();
    const file = await planIn(dir);
    appendFileSync(join(dir, 'tiny.aug'), '// edited\n');
    const run = await augc(['run', file, '--output', join(dir, 'out')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[AUG5102]');
    expect(filesUnder(dir)).not.toContain('out/_augc/plan.json');
  });

  it('refuses --set with a plan file (it runs as it was made)', async () => {
    const dir = tinyWorkspace();
    const run = await augc(['run', await planIn(dir), '--set', 'variants=2']);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('a plan file runs as it was made');
  });

  it("uses the target options the plan recorded, not the caller's AUGC_*, and says so", async () => {
    const dir = tinyWorkspace();
    const file = join(dir, 'plan.json');
    const noConfig = { AUGC_CONFIG: '', XDG_CONFIG_HOME: join(dir, 'none') };
    const made = await augc(['plan', join(dir, 'tiny.aug'), '--target', 'slurm', '-o', file], {
      ...noConfig,
      AUGC_SLURM_PARTITION: 'a',
    });
    expect(made.code, made.stderr).toBe(0);
    const runWith = (env: Record<string, string>) =>
      augc(['run', file, '--target', 'slurm', '--output', join(dir, 'out'), '--dry-run'], {
        ...noConfig,
        ...env,
      });
    const run = await runWith({ AUGC_SLURM_PARTITION: 'b' });
    expect(run.code, run.stderr).toBe(0);
    const sbatch = run.stdout.split('\n').filter((l) => l.startsWith('$ sbatch'));
    expect(sbatch.length).toBeGreaterThan(0);
    for (const line of sbatch) {
      expect(line).toContain(' --partition=a ');
      expect(line).not.toContain('--partition=b');
    }
    expect(run.stderr).toContain(`note[AUG5115]: the plan \`${file}\` fixes the run`);
    expect(run.stderr).toContain(
      '`AUGC_SLURM_PARTITION` would set `slurm.partition` to "b"; the plan has "a" (env AUGC_SLURM_PARTITION)',
    );
    expect(run.stderr).toMatch(/make the plan again: `augc plan \S*tiny.aug --target slurm -o /);
    // The same variable with the plan's value, or none at all, changes nothing: no note.
    for (const env of [{ AUGC_SLURM_PARTITION: 'a' }, {}]) {
      const same = await runWith(env);
      expect(same.code, same.stderr).toBe(0);
      expect(same.stderr).not.toContain('AUG5115');
    }
  });
});
