/**
 * Defaults from `~/.config/augc/config.yaml` (here `$AUGC_CONFIG`) and `AUGC_*` for resources and
 * grid target options: config < env < pipeline < --set, as the compiled plan and the sbatch line
 * show.
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
  targets: { name: string; options: Record<string, unknown> }[];
}

function workspace(): { dir: string; env: Record<string, string> } {
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
      { name: 'slurm', options: { partition: 'pipepart', qos: 'setqos', account: 'envacct' } },
      { name: 'pbs', options: { queue: 'cfgqueue' } },
    ]);
  });

  it('apply nothing without a config file or AUGC_* variables', async () => {
    const { dir } = workspace();
    const r = await augc(['plan', join(dir, 'tiny.aug'), '--json'], {
      AUGC_CONFIG: join(dir, 'missing.yaml'),
    });
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

  it('point errors in a configured value at <config>', async () => {
    const { dir, env } = workspace();
    const r = await augc(['check', join(dir, 'tiny.aug')], { ...env, AUGC_MEMORY: '4' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('<config>');
    expect(r.stderr).toContain('resources.memory=4');
  });
});
