/**
 * `az://account/container/prefix` split into the storage account, the blob container and the name
 * prefix every storage path goes under. The account's blob endpoint is not in the URI: it is
 * `https://<account>.blob.core.windows.net` unless AUGC_AZURE_BLOB_ENDPOINT says otherwise
 * (az-config.ts).
 */
export interface AzLocation {
  account: string;
  container: string;
  /** '' or ends with '/'. */
  prefix: string;
}

export type AzUriResult = { ok: true; location: AzLocation } | { ok: false; message: string };

// Azure's naming rules: accounts 3-24 lowercase letters and digits; containers 3-63 lowercase
// letters, digits and single hyphens, starting and ending with a letter or digit.
const ACCOUNT = /^[a-z0-9]{3,24}$/;
const CONTAINER = /^(?=.{3,63}$)[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$/;

export function parseAzUri(uri: string): AzUriResult {
  const rest = uri.replace(/^az:\/\//i, '');
  const [account = '', container = '', ...tail] = rest.split('/');
  if (!ACCOUNT.test(account)) {
    return {
      ok: false,
      message: `\`${uri}\` does not name a valid Azure storage account (\`${account}\`: 3-24 lowercase letters and digits)`,
    };
  }
  if (!CONTAINER.test(container)) {
    return {
      ok: false,
      message: `\`${uri}\` does not name a valid blob container (\`${container}\`); write az://account/container/prefix`,
    };
  }
  const parts = tail.filter((p) => p !== '');
  if (parts.some((p) => p === '.' || p === '..')) {
    return { ok: false, message: `\`${uri}\` has a \`.\` or \`..\` segment in its blob prefix` };
  }
  return { ok: true, location: { account, container, prefix: parts.map((p) => `${p}/`).join('') } };
}
