import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted (by UTF-16 code unit) and no whitespace, so that equal values give
 * equal text and equal hashes. `undefined` object members are left out, as JSON.stringify does.
 * Non-finite numbers and non-plain values are broken invariants and throw.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`canonicalJson: non-finite number ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((v: unknown) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  }
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(obj).sort()) {
      const v = obj[key];
      if (v !== undefined) members.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
    }
    return `{${members.join(',')}}`;
  }
  throw new Error(`canonicalJson: cannot encode a ${typeof value}`);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * sha256 over the sources in order; each contributes `<bytes>:<path><bytes>:<text>` (UTF-8 byte
 * lengths) so that moving text between files or renaming a file changes the hash.
 */
export function sourceHashOf(sources: readonly { file: string; text: string }[]): string {
  const hash = createHash('sha256');
  for (const { file, text } of sources) {
    hash.update(`${Buffer.byteLength(file)}:${file}`, 'utf8');
    hash.update(`${Buffer.byteLength(text)}:${text}`, 'utf8');
  }
  return hash.digest('hex');
}

/** The plan hash: sha256 of the canonical JSON of the plan without its `planHash` member. */
export function planHashOf(plan: object): string {
  const rest: Record<string, unknown> = { ...plan };
  delete rest['planHash'];
  return sha256Hex(canonicalJson(rest));
}
