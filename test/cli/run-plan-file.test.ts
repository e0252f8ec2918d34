import { readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, planHashOf } from '../../compiler/plan/canonical-json.js';
import type { Plan } from '../../compiler/plan/types.js';
import { augc, filesUnder } from './spawn-augc.js';
import { tinyWorkspace } from './tiny-run.js';

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
});
