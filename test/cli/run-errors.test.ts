import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { augc, filesUnder } from './spawn-augc.js';
import { TINY, tinyWorkspace } from './tiny-run.js';

describe('augc run: errors a user can make', () => {
  it('refuses a target that cannot run pipelines (exit 69)', async () => {
    const dir = tinyWorkspace();
    const run = await augc([
      'run',
      join(dir, 'tiny.aug'),
      '--output',
      join(dir, 'out'),
      '--target',
      'nosuch',
    ]);
    expect(run.code).toBe(69);
    expect(run.stderr).toContain('error[AUG5106]');
    expect(run.stderr).toMatch(/available: [a-z, -]*\blocal\b/);
  });

  it('exits 69 with AUG5106 when the scheduler submit command is not on PATH', async () => {
    const dir = tinyWorkspace();
    const noBin = join(dir, 'empty-bin');
    mkdirSync(noBin);
    const out = join(dir, 'out');
    const run = await augc(['run', join(dir, 'tiny.aug'), '--output', out, '--target', 'slurm'], {
      PATH: noBin,
    });
    expect(run.code, run.stderr).toBe(69);
    expect(run.stderr).toContain('error[AUG5106]');
    expect(run.stderr).toContain('`sbatch` was not found on PATH');
    expect(run.stderr).not.toContain('AUG5107');
  });

  it('refuses an output whose scheme no storage speaks, naming the ones it does', async () => {
    const dir = tinyWorkspace();
    const run = await augc(['run', join(dir, 'tiny.aug'), '--output', 'ftp://host/run']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[AUG5105]');
    expect(run.stderr).toContain('s3://');
  });

  it('names the file and row of an input that cannot be split', async () => {
    const dir = tinyWorkspace(
      TINY.replace('text = ["text"]', 'text = ["text"]  on_bad_row = fail'),
    );
    writeFileSync(join(dir, 'data.csv'), 'id,text\n1,fine\n2,"unbalanced\n');
    const run = await augc(['run', join(dir, 'tiny.aug'), '--output', join(dir, 'out')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[AUG5111]');
    expect(run.stderr).toContain('data.csv');
    expect(run.stderr).not.toContain('    at ');
    expect(filesUnder(join(dir, 'out'))).not.toContain('manifest_final.csv');
  });

  it('runs a plan whose sources are gone, with a warning', async () => {
    const dir = tinyWorkspace();
    const plan = join(dir, 'plan.json');
    expect((await augc(['plan', join(dir, 'tiny.aug'), '-o', plan])).code).toBe(0);
    rmSync(join(dir, 'tiny.aug'));
    const run = await augc(['run', plan, '--output', join(dir, 'out')]);
    expect(run.stderr).toContain('warning[AUG5113]');
    expect(run.code, run.stderr).toBe(0);
  });

  it('rejects a bad --jobs as a usage error', async () => {
    const dir = tinyWorkspace();
    const run = await augc(['run', join(dir, 'tiny.aug'), '--jobs', '0']);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('expected a whole number >= 1');
  });
});
