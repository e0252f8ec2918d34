/**
 * The `azure-batch` target: the batch orchestrator (runtimes/batch/) over Azure Batch. A round is
 * one job on the named pool or an auto pool, its tasks run `augc worker`, and its finalizer is a
 * task of the same job that depends on all of them (see docs/runtimes/azure-batch.md).
 */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import { arrayLimitOf } from '../../compiler/targets/catalog.js';
import type { Plan, PlanParamValue } from '../../compiler/plan/types.js';
import { localPathOf } from '../../engine/storage/open-storage.js';
import type { BatchBackendSpec } from '../batch/backend.js';
import { makeBatchRuntime, type BatchRuntime } from '../batch/batch-runtime.js';
import { AzureBatchBackend } from './backend.js';
import { azureConfigOf, NO_ACCOUNT_URL } from './config.js';
import type { AzureConfig } from './requests.js';
import { chooseVmSize, needsOf } from './vm-size.js';

export const azureBatchSpec: BatchBackendSpec = {
  name: 'azure-batch',
  prepare(setup) {
    const config = azureConfigOf(setup);
    const window = arrayLimitOf({ name: 'azure-batch', options: setup.options }) ?? 100_000;
    return Promise.resolve({ config: { ...config }, window });
  },
  open(ctx) {
    return new AzureBatchBackend(ctx, ctx.config as unknown as AzureConfig);
  },
  describeConfig(config) {
    const c = config as unknown as AzureConfig;
    const pool = c.pool !== undefined ? `pool ${c.pool}` : 'auto pool';
    return `${c.accountUrl}, ${pool}`;
  },
};

const HELP_ACCOUNT =
  "set the Batch account URL: `--set target.azure-batch.account_url=https://ACCOUNT.REGION.batch.azure.com`, `AUGC_AZURE_BATCH_ACCOUNT_URL`, or `account_url` in the pipeline's `target azure-batch` block";

/** Refuses a plan the service would refuse, before anything is written or submitted. */
export function preflightAzure(
  plan: Plan,
  options: Readonly<Record<string, PlanParamValue>>,
): Diagnostic | undefined {
  const url = options['account_url'];
  if (typeof url !== 'string' || url.trim() === '' || url === NO_ACCOUNT_URL) {
    return {
      code: 'AUG4025',
      severity: 'error',
      message: '`azure-batch` has no `account_url`',
      help: HELP_ACCOUNT,
    };
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed?.protocol !== 'https:') {
    return {
      code: 'AUG4027',
      severity: 'error',
      message: `\`account_url\` \`${url}\` is not an https URL (tokens are never sent over plain http)`,
      help: HELP_ACCOUNT,
    };
  }
  if (localPathOf(plan.output.uri) !== undefined) {
    return {
      code: 'AUG4028',
      severity: 'error',
      message: `\`azure-batch\` tasks run on Azure nodes, which cannot write the local folder \`${plan.output.uri}\``,
      help: 'write the run to Blob Storage: `--output az://ACCOUNT/CONTAINER/PREFIX`',
    };
  }
  if (typeof options['pool'] === 'string' || typeof options['vm_size'] === 'string')
    return undefined;
  const needs = needsOf(plan.groups.map((g) => g.resources));
  const chosen =
    typeof needs === 'string' ? { ok: false as const, message: needs } : chooseVmSize(needs);
  if (chosen.ok) return undefined;
  return {
    code: 'AUG4026',
    severity: 'error',
    message: `no VM size for the auto pool: ${chosen.message}`,
    help: 'set `vm_size`, or name an existing `pool`; docs/runtimes/azure-batch.md lists the sizes augc chooses from',
  };
}

const runtime: BatchRuntime = makeBatchRuntime(azureBatchSpec);
runtime.preflight = preflightAzure;

export const azureBatchRuntime: BatchRuntime = runtime;
