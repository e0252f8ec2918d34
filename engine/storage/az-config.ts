/**
 * The blob client settings augc derives from the environment, kept apart from the SDK so that they
 * can be tested without loading it. Credentials are deliberately absent: @azure/identity's
 * DefaultAzureCredential finds them (environment, workload identity, managed identity, Azure CLI),
 * and augc never reads, stores or forwards a secret.
 */
export type Env = Readonly<Record<string, string | undefined>>;

/** The variable naming a non-default blob endpoint: a sovereign cloud, Azure Stack, or Azurite. */
export const BLOB_ENDPOINT_VARIABLE = 'AUGC_AZURE_BLOB_ENDPOINT';

/** The public cloud's blob endpoint; `{account}` is the URI's storage account. */
export const DEFAULT_BLOB_ENDPOINT = 'https://{account}.blob.core.windows.net';

/** Tries per request, the first included: enough to ride out a burst of 503 ServerBusy. */
export const DEFAULT_MAX_TRIES = 8;

export type BlobEndpoint = { ok: true; url: string } | { ok: false; message: string };

/**
 * The blob service URL of `account`. The setting is a URL template: `{account}` is replaced, so
 * `https://{account}.blob.core.chinacloudapi.cn` (Azure China) and `https://127.0.0.1:10000/{account}`
 * (Azurite's path-style URLs) both work. Only https: tokens must never travel in the clear.
 */
export function blobEndpointOf(account: string, env: Env): BlobEndpoint {
  const template = env[BLOB_ENDPOINT_VARIABLE]?.trim() || DEFAULT_BLOB_ENDPOINT;
  const filled = template.includes('{account}')
    ? template.replaceAll('{account}', account)
    : template;
  let url: URL;
  try {
    url = new URL(filled);
  } catch {
    return { ok: false, message: `${BLOB_ENDPOINT_VARIABLE}=\`${template}\` is not a URL` };
  }
  if (url.protocol !== 'https:') {
    return {
      ok: false,
      message: `${BLOB_ENDPOINT_VARIABLE}=\`${template}\` must be an https URL (bearer tokens are never sent over plain http)`,
    };
  }
  return { ok: true, url: filled.replace(/\/+$/, '') };
}

export function maxTriesOf(env: Env): number {
  const n = Number(env['AUGC_AZURE_MAX_TRIES']?.trim());
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_MAX_TRIES;
}
