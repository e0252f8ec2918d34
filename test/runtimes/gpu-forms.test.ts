/**
 * One GPU declaration in a pipeline (`gpus = 1  gpu_type = "a100"`, with 4 CPUs and 16 GiB) and
 * the form every target compiles it to, in one golden file: Slurm's `--gres`, PBS's `ngpus`, LSF's
 * `-gpu`, AWS Batch's resourceRequirements, Google Cloud Batch's accelerators on the machine type
 * that carries them, Azure Batch's VM size, and the local machine's GPU capacity check. Each form
 * is cut out of what `augc plan --target T` prints (the requests `augc run` would send).
 */
import { describe, expect, it } from 'vitest';
import { augc } from '../cli/spawn-augc.js';

const FILE = 'test/runtimes/fixtures/gpu-everywhere.aug';
const QUIET = { AUGC_CONFIG: '', XDG_CONFIG_HOME: '/nonexistent' };

const OUTPUTS: Readonly<Record<string, string>> = {
  'aws-batch': 's3://augc-examples/runs/gpu',
  'gcp-batch': 'gs://augc-examples/runs/gpu',
  'azure-batch': 'az://augcexamples/runs/gpu',
};

async function planFor(target: string): Promise<string> {
  const output = OUTPUTS[target];
  const sets = output !== undefined ? ['--set', `output="${output}"`] : [];
  const r = await augc(['plan', FILE, '--target', target, ...sets], QUIET);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

/** The blocks of a cloud target's plan whose heading starts with `head`, each a JSON body. */
function jsonBlocks(stdout: string, head: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const re = new RegExp(`^${head}[^\\n]*\\n(\\{[\\s\\S]*?\\n\\})`, 'gm');
  for (const m of stdout.matchAll(re))
    out.push(JSON.parse(m[1] ?? '{}') as Record<string, unknown>);
  return out;
}

function argvTokens(stdout: string, command: string, pattern: RegExp): string {
  const line = stdout.split('\n').find((l) => l.startsWith(`$ ${command} `) && l.includes('gpu1'));
  expect(line, `no ${command} line for the GPU group`).toBeDefined();
  return (line ?? '')
    .split(' ')
    .filter((t) => pattern.test(t))
    .join(' ');
}

const at = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], value);

const FORMS: Readonly<Record<string, (stdout: string) => unknown>> = {
  slurm: (s) => argvTokens(s, 'sbatch', /^--(gres|cpus-per-task|mem)=/),
  pbs: (s) => argvTokens(s, 'qsub', /^select=/),
  lsf: (s) => argvTokens(s, 'bsub', /^(num=|rusage)/),
  'aws-batch': (s) =>
    at(jsonBlocks(s, '# SubmitJob')[0], 'containerOverrides', 'resourceRequirements'),
  'gcp-batch': (s) => {
    const job = jsonBlocks(s, '# CreateJob')[0];
    return {
      computeResource: at(job, 'job', 'taskGroups', 0, 'taskSpec', 'computeResource'),
      instances: at(job, 'job', 'allocationPolicy', 'instances'),
    };
  },
  'azure-batch': (s) => {
    const job = jsonBlocks(s, 'POST \\S+/jobs\\?')[0];
    return { vmSize: at(job, 'poolInfo', 'autoPoolSpecification', 'pool', 'vmSize') };
  },
};

describe('one GPU declaration on every target', () => {
  it('compiles `gpus = 1  gpu_type = "a100"` to each target\'s own form (golden)', async () => {
    const sections: string[] = [];
    for (const [target, form] of Object.entries(FORMS)) {
      const value = form(await planFor(target));
      const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
      expect(text, target).not.toBe('');
      sections.push(`## ${target}\n${text}\n`);
    }
    // The local machine has no scheduler: the declaration is checked against `target local`'s
    // `gpus` when a plan is made for it.
    const ok = await augc(['run', FILE, '--target', 'local', '--dry-run'], QUIET);
    const short = await augc(
      ['run', FILE, '--target', 'local', '--dry-run', '--set', 'target.local.gpus=0'],
      QUIET,
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(short.code).toBe(1);
    const refusal = /error\[AUG\d+\][^\n]*\n\s*--> [^\n]*/.exec(short.stderr)?.[0] ?? '';
    sections.push(`## local\nwith gpus = 1: runs\nwith gpus = 0: ${refusal}\n`);
    await expect(sections.join('\n')).toMatchFileSnapshot('golden/gpu-forms.txt');
  });
});
