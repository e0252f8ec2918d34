/**
 * Defaults from `~/.config/augc/config.yaml` (here `$AUGC_CONFIG`) and `AUGC_*` for resources and
 * target options: config < env < pipeline < --set, as the compiled plan (with each option's
 * origin) and the sbatch line show; and what is wrong with them, reported where it was written.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { augc } from './spawn-augc.js';
import { tinyWorkspace } from './tiny-run.js';

const PIPELINE = `pipeline "cfg" {
  input "data.csv" { id = "id"  text = ["text"] }
  method typo = keyboard_typo(aug_char_p = 0.1)
  chunk { rows = 3 }
  resources { cpus = 2 }
  output "out" { format = jsonl }
  target slurm { partition = "pipepart"  qos = "pipeqos" }
}
`;

const CONFIG = `resources:
  walltime: 1h
  cpus: 3
  memory: 3GiB
  gpus: 1
slurm:
  partition: cfgpart
  account: cfgacct
  qos: cfgqos
pbs:
  queue: cfgqueue
`;

interface PlanJson {
  groups: { resources: Record<string, unknown> }[];
  targets: { name: string; options: Record<string, unknown>; origins?: Record<string, string> }[];
}

function workspace(): { dir: string; env: Record<string, string> & { AUGC_CONFIG: string } } {
  const dir = tinyWorkspace(PIPELINE);
  writeFileSync(join(dir, 'config.yaml'), CONFIG);
  const env = {
    AUGC_CONFIG: join(dir, 'config.yaml'),
    AUGC_WALLTIME: '2h',
    AUGC_SLURM_ACCOUNT: 'envacct',
    AUGC_SLURM_PARTITION: 'envpart',
  };
  return { dir, env };
}

const SETS = ['--set', 'resources.memory=5GiB', '--set', 'target.slurm.qos=setqos'];

describe('configured defaults', () => {
  it('layer config < env < pipeline < --set in the plan', async () => {
    const { dir, env } = workspace();
    const r = await augc(['plan', join(dir, 'tiny.aug'), '--json', ...SETS], env);
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout) as PlanJson;
    expect(plan.groups.map((g) => g.resources)).toEqual([
      { cpus: 2, memoryBytes: 5 * 1024 ** 3, gpus: 1, walltimeSeconds: 7200 },
    ]);
    expect(plan.targets).toEqual([
      {
        name: 'slurm',
        options: { partition: 'pipepart', qos: 'setqos', account: 'envacct' },
        origins: { partition: 'pipeline', qos: '--set', account: 'env AUGC_SLURM_ACCOUNT' },
      },
      {
        name: 'pbs',
        options: { queue: 'cfgqueue' },
        origins: { queue: `config ${env.AUGC_CONFIG}` },
      },
    ]);
  });

  it('apply nothing without a config file or AUGC_* variables', async () => {
    const { dir } = workspace();
    // No $AUGC_CONFIG: the default file under $XDG_CONFIG_HOME, which does not exist, is fine.
    const r = await augc(['plan', join(dir, 'tiny.aug'), '--json'], {
      AUGC_CONFIG: '',
      XDG_CONFIG_HOME: join(dir, 'no-config-here'),
    });
    expect(r.stderr).toBe('');
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout) as PlanJson;
    expect(plan.targets.map((t) => t.name)).toEqual(['slurm']);
    expect(plan.groups[0]!.resources['cpus']).toBe(2);
  });

  it('reach the sbatch command line', async () => {
    const { dir, env } = workspace();
    const out = join(dir, 'run');
    const r = await augc(
      ['run', join(dir, 'tiny.aug'), '--target', 'slurm', '--output', out, '--dry-run', ...SETS],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    const sbatch = r.stdout
      .split('\n')
      .find((l) => l.startsWith('$ sbatch') && l.includes('--array'));
    for (const flag of [
      '--cpus-per-task=2',
      '--mem=5120M',
      '--time=02:00:00',
      '--gres=gpu:1',
      '--partition=pipepart',
      '--account=envacct',
      '--qos=setqos',
    ])
      expect(sbatch, flag).toContain(` ${flag} `);
  });

  it('default lsf options too: `project` reaches bsub -P', async () => {
    const { dir, env } = workspace();
    writeFileSync(join(dir, 'config.yaml'), `${CONFIG}lsf:\n  queue: cfglsfq\n`);
    const r = await augc(
      ['run', join(dir, 'tiny.aug'), '--target', 'lsf', '--output', join(dir, 'run'), '--dry-run'],
      { ...env, AUGC_LSF_PROJECT: 'envproj' },
    );
    expect(r.code, r.stderr).toBe(0);
    const bsub = r.stdout.split('\n').find((l) => l.startsWith('$ bsub') && l.includes('%'));
    for (const flag of ['-n 2', '-gpu num=1', '-q cfglsfq', '-P envproj'])
      expect(bsub, flag).toContain(` ${flag} `);
  });

  it('leave a plan file made with them runnable (its sources are unchanged)', async () => {
    const { dir, env } = workspace();
    const planFile = join(dir, 'plan.json');
    const made = await augc(['plan', join(dir, 'tiny.aug'), '-o', planFile, ...SETS], env);
    expect(made.code, made.stderr).toBe(0);
    // On slurm: the configured defaults ask for a GPU, which `local` does not have (AUG5114).
    const r = await augc(
      ['run', planFile, '--output', join(dir, 'out'), '--target', 'slurm', '--dry-run'],
      { AUGC_CONFIG: join(dir, 'missing.yaml') },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('AUG5102');
  });

  it('record bytes and durations in the plan in bytes and seconds', async () => {
    const { dir, env } = workspace();
    const r = await augc(['plan', join(dir, 'tiny.aug'), '--json'], {
      ...env,
      AUGC_SLURM_MAX_MEMORY: '64GiB',
      AUGC_SLURM_MAX_WALLTIME: '48h',
    });
    expect(r.code, r.stderr).toBe(0);
    const slurm = (JSON.parse(r.stdout) as PlanJson).targets[0]!;
    expect(slurm.options).toMatchObject({ max_memory: 64 * 1024 ** 3, max_walltime: 48 * 3600 });
    expect(slurm.origins).toMatchObject({ max_memory: 'env AUGC_SLURM_MAX_MEMORY' });
  });

  it('take prices as decimal numbers, and refuse one that is not a number', async () => {
    const { dir, env } = workspace();
    const r = await augc(['plan', join(dir, 'tiny.aug'), '--json'], {
      ...env,
      AUGC_SLURM_PRICE_VCPU_HOUR: '0.045',
    });
    expect(r.code, r.stderr).toBe(0);
    const slurm = (JSON.parse(r.stdout) as PlanJson).targets[0]!;
    expect(slurm.options).toMatchObject({ price_vcpu_hour: 0.045 });
    const bad = await augc(['check', join(dir, 'tiny.aug')], {
      ...env,
      AUGC_SLURM_PRICE_GPU_HOUR: 'cheap',
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'error[AUG4009]: `AUGC_SLURM_PRICE_GPU_HOUR=cheap`: expected a number',
    );
  });

  it('refuse a missing $AUGC_CONFIG, naming the variable and the path', async () => {
    const { dir } = workspace();
    const missing = join(dir, 'nope.yaml');
    const r = await augc(['plan', join(dir, 'tiny.aug')], { AUGC_CONFIG: missing });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `error[AUG4007]: \`AUGC_CONFIG=${missing}\`: the config file does not exist`,
    );
  });

  it('warn at file:line:col about an unknown section or key, with a suggestion', async () => {
    const { dir, env } = workspace();
    writeFileSync(env.AUGC_CONFIG, 'slurm:\n  partiton: x\nslrum:\n  account: y\n');
    const r = await augc(['check', join(dir, 'tiny.aug')], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'warning[AUG4008]: unknown key `partiton` in section `slurm` of the config file',
    );
    expect(r.stderr).toContain(`--> ${env.AUGC_CONFIG}:2:3`);
    expect(r.stderr).toContain('did you mean `partition`?');
    expect(r.stderr).toContain('warning[AUG4008]: unknown section `slrum` in the config file');
    expect(r.stderr).toContain(`--> ${env.AUGC_CONFIG}:3:1`);
    expect(r.stderr).toContain('did you mean `slurm`?');
  });

  it('report a bad value in the config file at its line, and one in AUGC_* by its name', async () => {
    const { dir, env } = workspace();
    writeFileSync(env.AUGC_CONFIG, 'resources:\n  cpus: 2\n  walltime: 2 hours\n');
    const r = await augc(['check', join(dir, 'tiny.aug')], { ...env, AUGC_MEMORY: '3G' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'error[AUG4009]: `resources.walltime` in the config file: expected a duration such as `2h`',
    );
    expect(r.stderr).toContain(`--> ${env.AUGC_CONFIG}:3:13`);
    expect(r.stderr).toContain('error[AUG4009]: `AUGC_MEMORY=3G`: expected a memory size');
    expect(r.stderr).toContain('memory units: B, KB, MB, GB, TB, KiB, MiB, GiB, TiB');
    expect(r.stderr).not.toContain('<config');
  });

  it('refuse a config file that is not YAML', async () => {
    const { dir, env } = workspace();
    writeFileSync(env.AUGC_CONFIG, 'slurm: [unclosed\n');
    const r = await augc(['check', join(dir, 'tiny.aug')], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `error[AUG4010]: the config file \`${env.AUGC_CONFIG}\` is not valid YAML`,
    );
  });

  it('warn about an AUGC_<TARGET>_ variable that names no option of the target', async () => {
    const { dir, env } = workspace();
    const r = await augc(['check', join(dir, 'tiny.aug')], { ...env, AUGC_SLURM_QUEUE: 'q' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'warning[AUG4011]: `AUGC_SLURM_QUEUE` is not an option of target `slurm`; it is ignored',
    );
  });

  it('point a value the compiler refuses at its origin', async () => {
    const { dir, env } = workspace();
    const r = await augc(['check', join(dir, 'tiny.aug')], { ...env, AUGC_SLURM_ARRAY_LIMIT: '0' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('<env AUGC_SLURM_ARRAY_LIMIT>');
    expect(r.stderr).toContain('target.slurm.array_limit=0');
  });
});
