/** `gs://bucket/prefix` split into the bucket and the object-name prefix every storage path goes under. */
export interface GcsLocation {
  bucket: string;
  /** '' or ends with '/'. */
  prefix: string;
}

export type GcsUriResult = { ok: true; location: GcsLocation } | { ok: false; message: string };

// Cloud Storage bucket names: lowercase letters, digits, `-`, `_` and `.`, starting and ending
// with a letter or digit; 3-63 characters, or up to 222 with dots when each part is at most 63.
const BUCKET = /^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/;

function validBucket(name: string): boolean {
  if (!BUCKET.test(name)) return false;
  if (!name.includes('.')) return name.length <= 63;
  return name.split('.').every((part) => part.length >= 1 && part.length <= 63);
}

export function parseGcsUri(uri: string): GcsUriResult {
  const rest = uri.replace(/^gs:\/\//i, '');
  const slash = rest.indexOf('/');
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  if (!validBucket(bucket)) {
    return {
      ok: false,
      message: `\`${uri}\` does not name a valid Cloud Storage bucket (\`${bucket}\`)`,
    };
  }
  const parts = (slash === -1 ? '' : rest.slice(slash + 1)).split('/').filter((p) => p !== '');
  if (parts.some((p) => p === '.' || p === '..')) {
    return { ok: false, message: `\`${uri}\` has a \`.\` or \`..\` segment in its object prefix` };
  }
  return { ok: true, location: { bucket, prefix: parts.map((p) => `${p}/`).join('') } };
}
