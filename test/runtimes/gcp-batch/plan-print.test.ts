/**
 * `augc plan --target gcp-batch` prints the exact CreateJob requests `augc run` would send
 * (golden files): the text example, and a pipeline whose GPU method (`gpus = 1
 * gpu_type = "a100"`) becomes Google accelerators on the machine type that carries them.
 */
import { describe, expect, it } from 'vitest';
import { augc } from '../../cli/spawn-augc.js';

const QUIET = { AUGC_CONFIG: '', XDG_CONFIG_HOME: '/nonexistent' };

function requestsOf(stdout: string): string {
  return stdout.slice(stdout.indexOf('\n# gcp-batch:') + 1);
}

describe('augc plan --target gcp-batch', () => {
  it('prints the requests for the text example (golden)', async () => {
    const r = await augc(
      [
        'plan',
        'examples/clinical-sentences.aug',
        '--target',
        'gcp-batch',
        '--set',
        'target.gcp-batch.project=my-project',
        '--set',
        'target.gcp-batch.region=europe-west4',
        '--set',
        'target.gcp-batch.image="europe-docker.pkg.dev/my-project/augc/augc:0.1.0"',
        '--set',
        'output="gs://my-bucket/runs/clinical"',
      ],
      QUIET,
    );
    expect(r.code, r.stderr).toBe(0);
    await expect(requestsOf(r.stdout)).toMatchFileSnapshot('golden/plan-clinical.txt');
  });

  it('shows one A100 as an accelerator with its drivers and machine type (golden)', async () => {
    const r = await augc(
      ['plan', 'test/runtimes/gcp-batch/fixtures/gpu.aug', '--target', 'gcp-batch'],
      QUIET,
    );
    expect(r.code, r.stderr).toBe(0);
    const text = requestsOf(r.stdout);
    expect(text).toContain('"machineType": "a2-highgpu-1g"');
    expect(text).toContain('"type": "nvidia-tesla-a100"');
    expect(text).toContain('"installGpuDrivers": true');
    await expect(text).toMatchFileSnapshot('golden/plan-gpu.txt');
  });

  it('refuses to plan without the options the target needs', async () => {
    const r = await augc(
      ['plan', 'examples/clinical-sentences.aug', '--target', 'gcp-batch'],
      QUIET,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[AUG4020]: target `gcp-batch` needs option `project`');
    expect(r.stdout).not.toContain('CreateJob');
  });
});
