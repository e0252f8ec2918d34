/**
 * `augc plan --target azure-batch` prints the exact requests `augc run` would send (golden files):
 * the text example on a named pool with task logs uploaded through the pool's identity, and one
 * GPU declaration (`gpus = 1  gpu_type = "a100"`) as an auto pool of the NC A100 v4 size.
 */
import { describe, expect, it } from 'vitest';
import { augc } from '../../cli/spawn-augc.js';

const NO_CONFIG = { AUGC_CONFIG: '', XDG_CONFIG_HOME: '/nonexistent' };
const ACCOUNT = 'https://augcdemo.westeurope.batch.azure.com';

/** The requests section, with this machine's paths and the submission's random tag replaced. */
function requestsOf(stdout: string): string {
  const at = stdout.indexOf('\n# azure-batch: ');
  return stdout
    .slice(at + 1)
    .replaceAll(process.cwd(), '<cwd>')
    .replace(/(augc-[a-z0-9-]+-[0-9a-f]{8})-[0-9a-f]{6}(-r\d+)/g, '$1-<tag>$2');
}

describe('augc plan --target azure-batch', () => {
  it('prints the job, task collections and job patch for a named pool (golden)', async () => {
    const output = 'output="az://augcdemo/runs/clinical-sentences"';
    const args = ['plan', 'examples/clinical-sentences.aug', '--target', 'azure-batch'];
    const r = await augc([...args, '--set', output], {
      ...NO_CONFIG,
      AUGC_AZURE_BATCH_ACCOUNT_URL: ACCOUNT,
      AUGC_AZURE_BATCH_POOL: 'augc-pool',
      AUGC_AZURE_BATCH_IMAGE: 'augcdemo.azurecr.io/augc:0.1.0',
    });
    expect(r.code, r.stderr).toBe(0);
    const text = requestsOf(r.stdout);
    expect(text).toContain(`POST ${ACCOUNT}/jobs?api-version=2022-10-01.16.0`);
    await expect(text).toMatchFileSnapshot('golden/plan-pool.txt');
  });

  it('compiles `gpus = 1  gpu_type = "a100"` to an auto pool of Standard_NC24ads_A100_v4 (golden)', async () => {
    const r = await augc(
      ['plan', 'test/runtimes/azure-batch/fixtures/gpu.aug', '--target', 'azure-batch'],
      {
        ...NO_CONFIG,
        AUGC_AZURE_BATCH_ACCOUNT_URL: ACCOUNT,
        AUGC_AZURE_BATCH_LOW_PRIORITY: 'true',
        AUGC_AZURE_BATCH_IMAGE: 'augcdemo.azurecr.io/augc-gpu:0.1.0',
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const text = requestsOf(r.stdout);
    expect(text).toContain('"vmSize": "Standard_NC24ads_A100_v4"');
    expect(text).toContain('"targetLowPriorityNodes": 2');
    await expect(text).toMatchFileSnapshot('golden/plan-gpu.txt');
  });
});
