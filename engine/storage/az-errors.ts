/**
 * Azure SDK errors (RestError) turned into the errors Storage promises: a missing blob rejects
 * with `code: ENOENT`, and every message names the `az://` URI the user knows. Only the service's
 * error code, status and the first line of its message are kept.
 */
import { StorageError } from './storage-error.js';

interface RestErrorShape {
  name?: string;
  code?: string;
  statusCode?: number;
  message?: string;
}

const AZ_HELP =
  'check the endpoint (`AUGC_AZURE_BLOB_ENDPOINT`), the network, the credentials (DefaultAzureCredential) and that the container exists; see docs/storage.md';

export class AzStorageError extends StorageError {
  constructor(message: string, code: string | undefined, status: number | undefined) {
    super(message, code, status, AZ_HELP);
    this.name = 'AzStorageError';
  }
}

function shapeOf(error: unknown): RestErrorShape {
  return typeof error === 'object' && error !== null ? (error as RestErrorShape) : {};
}

export function azStatusOf(error: unknown): number | undefined {
  return shapeOf(error).statusCode;
}

/** A HEAD has no body: a missing blob is then only 404 without BlobNotFound. */
export function isMissingBlob(error: unknown): boolean {
  const { code, statusCode } = shapeOf(error);
  return code === 'BlobNotFound' || (statusCode === 404 && code !== 'ContainerNotFound');
}

/** `If-None-Match: *` on an existing blob: 409 BlobAlreadyExists (412 ConditionNotMet on some). */
export function isAlreadyThere(error: unknown): boolean {
  const { code, statusCode } = shapeOf(error);
  return code === 'BlobAlreadyExists' || code === 'ConditionNotMet' || statusCode === 412;
}

export function azStorageErrorOf(error: unknown, action: string, uri: string): AzStorageError {
  if (error instanceof AzStorageError) return error;
  const { name, code, statusCode, message } = shapeOf(error);
  if (isMissingBlob(error)) return new AzStorageError(`no such blob: \`${uri}\``, 'ENOENT', 404);
  const what = [code ?? name, statusCode !== undefined ? `HTTP ${statusCode}` : undefined];
  const first = (message ?? '').split('\n')[0]?.trim() ?? '';
  const detail = first !== '' && first !== code ? `: ${first}` : '';
  return new AzStorageError(
    `cannot ${action} \`${uri}\` (${what.filter(Boolean).join(', ') || 'error'})${detail}`,
    code ?? name ?? 'error',
    statusCode,
  );
}
