import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../cli/exit-codes.js';
import { BROKEN, DATA, runCli, VALID, workspace } from './run-cli.js';

/** A workspace holding `name`: the valid pipeline with `extra` statements before its output. */
function withStatements(name: string, extra: string): (path: string) => string {
  return workspace({ [name]: VALID.replace('output', `${extra}\n  output`), 'data.csv': DATA });
}

describe('augc plan', () => {
  const file = workspace({ 'ok.aug': VALID, 'data.csv': DATA, 'broken.aug': BROKEN });

  it('prints a readable summary on stdout', async () => {
    const run = await runCli(['plan', file('ok.aug')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toMatch(/^pipeline +\S+/);
    expect(() => JSON.parse(run.stdout) as unknown).toThrow();
  });

  it('prints the canonical plan JSON with --json, and -o writes the same bytes', async () => {
    const json = await runCli(['plan', file('ok.aug'), '--json']);
    expect(json.code).toBe(EXIT.ok);
    const plan = JSON.parse(json.stdout) as { formatVersion: number; taskCount: number };
    expect(plan.formatVersion).toBe(1);
    expect(plan.taskCount).toBeGreaterThan(0);
    const out = file('nested/dir/plan.json');
    const written = await runCli(['plan', file('ok.aug'), '-o', out, '--json']);
    expect(written.code).toBe(EXIT.ok);
    expect(written.stderr).toBe(`wrote plan to ${out}\n`);
    expect(readFileSync(out, 'utf8')).toBe(json.stdout);
  });

  it('passes --set through to the compiler', async () => {
    const run = await runCli([
      'plan',
      file('ok.aug'),
      '--json',
      '--set',
      'seed=7',
      '--set',
      'variants=3',
    ]);
    expect(run.code).toBe(EXIT.ok);
    const plan = JSON.parse(run.stdout) as { seed: number; variants: number };
    expect([plan.seed, plan.variants]).toEqual([7, 3]);
  });

  it('applies --profile', async () => {
    const profiled = withStatements('p.aug', 'profile big { variants = 5 }');
    const run = await runCli(['plan', profiled('p.aug'), '--json', '--profile', 'big']);
    expect(run.code).toBe(EXIT.ok);
    expect((JSON.parse(run.stdout) as { variants: number }).variants).toBe(5);
  });

  it('with --target, warns about array splits and shows what the target would submit', async () => {
    const split = withStatements(
      'split.aug',
      'method syn = wordnet_synonym()\n  chunk { count = 3 }\n  target slurm { max_array_size = 4 }',
    );
    const run = await runCli(['plan', split('split.aug'), '--target', 'slurm']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toContain('target slurm)');
    expect(run.stdout).toContain('total      6 tasks');
    expect(run.stdout).toContain('is split into 2 array groups of at most 4 tasks');
    expect(run.stdout).toContain('# slurm: scripts and commands `augc run` would submit');
    expect(run.stdout.match(/^\$ sbatch .*--array=\d+-\d+/gm)).toHaveLength(2);
    expect(run.stdout).toContain('--array=0-3');
    expect(run.stdout).toContain('--array=0-1');
  });

  it('checks the chosen target: no plan, and no run, for a GPU method on a GPU-less local', async () => {
    const gpu = withStatements(
      'gpu.aug',
      'method mlm = command("python mlm.py") { resources { gpus = 1 } }\n  target slurm {}',
    );
    // The file is valid (slurm can run the method) and plans for slurm...
    expect((await runCli(['check', gpu('gpu.aug')])).code).toBe(EXIT.ok);
    expect((await runCli(['plan', gpu('gpu.aug'), '--target', 'slurm'])).code).toBe(EXIT.ok);
    // ...but not for local, which the file does not give GPUs; `augc run` defaults to local.
    for (const args of [
      ['plan', gpu('gpu.aug'), '--target', 'local', '--json'],
      ['run', gpu('gpu.aug'), '--output', gpu('out')],
    ]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(EXIT.failure);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('error[AUG4006]: target `local` cannot run method `mlm`');
      expect(run.stderr).toMatch(/--> .*gpu\.aug:4:62/);
    }
    expect(existsSync(gpu('out'))).toBe(false);
  });

  it('shows the container call of the sweep example for slurm, and warns for a plan without target', async () => {
    const slurm = await runCli(['plan', 'examples/redsm5-sweep.aug', '--target', 'slurm']);
    expect(slurm.code, slurm.stderr).toBe(EXIT.ok);
    expect(slurm.stdout).toContain(
      'mlm    command python tools/mlm_sub.py --model roberta-base  via apptainer exec --nv ghcr.io/lab/aug-gpu:1.4',
    );
    expect(slurm.stderr).not.toContain('AUG4012');
    // Without --target the plan is local's, which runs `mlm` without its image: a warning.
    const bare = await runCli(['plan', 'examples/redsm5-sweep.aug']);
    expect(bare.code).toBe(EXIT.ok);
    expect(bare.stderr).toContain(
      'warning[AUG4012]: target `local` runs method `mlm` without its image `ghcr.io/lab/aug-gpu:1.4`',
    );
    expect(bare.stdout).toContain('image ghcr.io/lab/aug-gpu:1.4 (not run in a container)');
    // Each target's verdict on the image comes once, whether or not the file declares the target.
    for (const args of [[], ['--target', 'local']]) {
      const run = await runCli(['plan', 'examples/redsm5-sweep.aug', ...args]);
      const verdicts = run.stderr.match(/^(warning|error)\[AUG401[23]\]/gm) ?? [];
      expect(verdicts, args.join(' ')).toHaveLength(1);
    }
  });

  it('exits 64 for an unknown --target, with a suggestion', async () => {
    const run = await runCli(['plan', file('ok.aug'), '--target', 'slrum']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('error[AUG5001]: unknown target `slrum`');
    expect(run.stderr).toContain('= help: did you mean `slurm`?');
  });

  it('exits 1 with diagnostics and no plan for a broken file', async () => {
    const run = await runCli(['plan', file('broken.aug'), '--json']);
    expect(run.code).toBe(EXIT.failure);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error\[AUG1\d{3}\]/);
  });

  it('exits 66 for a missing file and 1 when the plan cannot be written', async () => {
    const missing = await runCli(['plan', 'missing.aug']);
    expect(missing.code).toBe(EXIT.noInput);
    expect(missing.stderr).toContain('file not found: `missing.aug`');
    const blocked = await runCli(['plan', file('ok.aug'), '-o', `${file('data.csv')}/plan.json`]);
    expect(blocked.code).toBe(EXIT.failure);
    expect(blocked.stderr).toContain('error[AUG5004]: cannot write the plan to');
  });

  it('shows each target option with where it came from', async () => {
    const env = { AUGC_SLURM_PARTITION: 'a', AUGC_CONFIG: '', XDG_CONFIG_HOME: file('none') };
    const run = await runCli(
      ['plan', file('ok.aug'), '--target', 'slurm', '--set', 'target.slurm.qos=fast'],
      { env },
    );
    expect(run.code, run.stderr).toBe(EXIT.ok);
    expect(run.stdout).toContain('  slurm  (chosen with --target)');
    expect(run.stdout).toContain('    partition = "a" (env AUGC_SLURM_PARTITION)');
    expect(run.stdout).toContain('    qos = "fast" (--set)');
  });
});
