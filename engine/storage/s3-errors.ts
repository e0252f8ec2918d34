/**
 * SDK errors turned into the errors Storage promises: a missing object rejects with `code: ENOENT`
 * like a missing local file, and every message names the `s3://` URI the user knows. Only the
 * error's name, status and message are kept, never the request, its headers or the credentials.
 */
import { StorageError } from './storage-error.js';

export { isStorageUnavailable } from './storage-error.js';

interface SdkErrorShape {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

const S3_HELP =
  'check the endpoint (`AWS_ENDPOINT_URL_S3`), the network, the credentials (the standard AWS chain) and that the bucket exists; see docs/storage.md';

export class S3StorageError extends StorageError {
  constructor(message: string, code: string | undefined, status: number | undefined) {
    super(message, code, status, S3_HELP);
    this.name = 'S3StorageError';
  }
}

function shapeOf(error: unknown): SdkErrorShape {
  return typeof error === 'object' && error !== null ? (error as SdkErrorShape) : {};
}

export function statusOf(error: unknown): number | undefined {
  return shapeOf(error).$metadata?.httpStatusCode;
}

/** NoSuchKey from GetObject; HeadObject has no body, so it says only NotFound/404. */
export function isMissingObject(error: unknown): boolean {
  const { name } = shapeOf(error);
  return name === 'NoSuchKey' || name === 'NotFound';
}

export function isPreconditionFailed(error: unknown): boolean {
  const { name } = shapeOf(error);
  // 409 ConditionalRequestConflict: another conditional write of the same key is in flight.
  return name === 'PreconditionFailed' || statusOf(error) === 412 || statusOf(error) === 409;
}

export function storageErrorOf(error: unknown, action: string, uri: string): S3StorageError {
  if (error instanceof S3StorageError) return error;
  const { name, message } = shapeOf(error);
  const status = statusOf(error);
  if (isMissingObject(error)) {
    return new S3StorageError(`no such object: \`${uri}\``, 'ENOENT', status);
  }
  const what = [name, status !== undefined ? `HTTP ${status}` : undefined].filter(Boolean);
  const detail = message !== undefined && message !== name ? `: ${message}` : '';
  return new S3StorageError(
    `cannot ${action} \`${uri}\` (${what.join(', ') || 'error'})${detail}`,
    name,
    status,
  );
}
