/** `s3://bucket/prefix` split into the bucket and the key prefix every storage path goes under. */
export interface S3Location {
  bucket: string;
  /** '' or ends with '/'. */
  prefix: string;
}

export type S3UriResult = { ok: true; location: S3Location } | { ok: false; message: string };

// The S3 rules for new buckets: 3–63 characters, lowercase letters, digits, dots and hyphens.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function parseS3Uri(uri: string): S3UriResult {
  const rest = uri.replace(/^s3:\/\//i, '');
  const slash = rest.indexOf('/');
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  if (!BUCKET.test(bucket)) {
    return { ok: false, message: `\`${uri}\` does not name a valid S3 bucket (\`${bucket}\`)` };
  }
  const parts = (slash === -1 ? '' : rest.slice(slash + 1)).split('/').filter((p) => p !== '');
  if (parts.some((p) => p === '.' || p === '..')) {
    return { ok: false, message: `\`${uri}\` has a \`.\` or \`..\` segment in its key prefix` };
  }
  return { ok: true, location: { bucket, prefix: parts.map((p) => `${p}/`).join('') } };
}
