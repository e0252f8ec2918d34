/**
 * An SDK error as augc reports it: the service's own words (`ClientException: ...`), and whether
 * the service cannot be reached at all (no credentials, no route), which `augc run` reports as an
 * unavailable target (exit 69) rather than a failed run.
 */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);

export function describeError(
  op: string,
  error: unknown,
): { message: string; unavailable?: boolean } {
  const e = error as { name?: string; message?: string; code?: string; cause?: { code?: string } };
  const name = e.name ?? 'Error';
  const text = e.message ?? String(error);
  const code = e.code ?? e.cause?.code;
  const unreachable =
    name === 'CredentialsProviderError' || (code !== undefined && UNREACHABLE.has(code));
  const message = `AWS Batch ${op} failed: ${name}: ${text}`;
  return unreachable ? { message, unavailable: true } : { message };
}
