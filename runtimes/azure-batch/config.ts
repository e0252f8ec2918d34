/**
 * The target's options (fixed in the plan) and the run's location turned into what every later
 * process of the submission needs (`AzureConfig`, recorded in `_augc/batch/state.json`).
 */
import { randomBytes } from 'node:crypto';
import type { PlanParamValue } from '../../compiler/plan/types.js';
import { BLOB_ENDPOINT_VARIABLE, blobEndpointOf } from '../../engine/storage/az-config.js';
import { parseAzUri } from '../../engine/storage/az-uri.js';
import { schemeOf } from '../../engine/storage/open-storage.js';
import type { BackendSetup } from '../batch/backend.js';
import type { AzureConfig, OsImage } from './requests.js';

type Options = Readonly<Record<string, PlanParamValue>>;

const str = (o: Options, key: string): string | undefined => {
  const v = o[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};
const int = (o: Options, key: string): number | undefined => {
  const v = o[key];
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
};

export const DEFAULT_OS_IMAGE = 'microsoft-dsvm:ubuntu-hpc:2204';
export const DEFAULT_NODE_AGENT_SKU = 'batch.node.ubuntu 22.04';
export const DEFAULT_NODES = 2;
/** Shown in printed requests when the option is missing (a run refuses it: AUG4025). */
export const NO_ACCOUNT_URL = '<account_url>';

/** `publisher:offer:sku`, or undefined when it is not three non-empty parts. */
export function parseOsImage(text: string): OsImage | undefined {
  const [publisher, offer, sku, ...rest] = text.split(':');
  if (!publisher || !offer || !sku || rest.length > 0) return undefined;
  return { publisher, offer, sku };
}

function slug(text: string, max: number): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, max) || 'run'
  );
}

/** Task logs go to the run's own container when the run is on az:// and the pool has an identity. */
function logsOf(setup: BackendSetup, identity: string | undefined): AzureConfig['logs'] {
  if (identity === undefined || schemeOf(setup.runUri) !== 'az') return undefined;
  const parsed = parseAzUri(setup.runUri);
  if (!parsed.ok) return undefined;
  const endpoint = blobEndpointOf(parsed.location.account, setup.env);
  if (!endpoint.ok) return undefined;
  const containerUrl = `${endpoint.url}/${parsed.location.container}`;
  return { containerUrl, prefix: parsed.location.prefix, identity };
}

export function azureConfigOf(setup: BackendSetup): AzureConfig {
  const o = setup.options;
  const pool = str(o, 'pool');
  const image = str(o, 'image');
  const priority = int(o, 'priority');
  const identity = str(o, 'identity');
  const logs = logsOf(setup, identity);
  const blobEndpoint = setup.env[BLOB_ENDPOINT_VARIABLE];
  const { plan } = setup;
  const tag = randomBytes(3).toString('hex');
  return {
    accountUrl: (str(o, 'account_url') ?? NO_ACCOUNT_URL).replace(/\/+$/, ''),
    jobPrefix: `augc-${slug(plan.pipeline, 24)}-${plan.planHash.slice(0, 8)}-${tag}`,
    ...(pool !== undefined ? { pool } : { autoPool: autoPoolOf(o) }),
    ...(image !== undefined ? { image } : {}),
    ...(priority !== undefined ? { priority } : {}),
    ...(logs !== undefined ? { logs } : {}),
    env: {
      ...setup.launch.env,
      // Tasks reach the same blob endpoint as the submitting process (sovereign clouds, Azurite).
      ...(blobEndpoint ? { [BLOB_ENDPOINT_VARIABLE]: blobEndpoint } : {}),
    },
    planUri: setup.planUri,
    runUri: setup.runUri,
  };
}

function autoPoolOf(o: Options): NonNullable<AzureConfig['autoPool']> {
  const vmSize = str(o, 'vm_size');
  const osImage =
    parseOsImage(str(o, 'os_image') ?? DEFAULT_OS_IMAGE) ?? parseOsImage(DEFAULT_OS_IMAGE);
  if (!osImage) throw new Error('azure-batch: the default OS image does not parse');
  return {
    nodes: int(o, 'nodes') ?? DEFAULT_NODES,
    lowPriority: o['low_priority'] === true,
    osImage,
    nodeAgentSku: str(o, 'node_agent_sku') ?? DEFAULT_NODE_AGENT_SKU,
    ...(vmSize !== undefined ? { vmSize } : {}),
  };
}
