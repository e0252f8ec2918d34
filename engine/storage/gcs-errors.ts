/**
 * Cloud Storage client errors turned into the errors Storage promises: a missing object rejects
 * with `code: ENOENT`, a failed precondition is recognised for the run lock, and every other
 * message names the `gs://` URI with the HTTP status and the service's reason. Only those are
 * kept, never the request, its headers or a credential.
 */
import { StorageError } from './storage-error.js';

const GCS_HELP =
  'check the bucket name, the network, the credentials (Application Default Credentials: `gcloud auth application-default login`, `GOOGLE_APPLICATION_CREDENTIALS` or a VM service account) and, for a local server, `STORAGE_EMULATOR_HOST`; see docs/storage.md';

interface ClientErrorShape {
  code?: number | string;
  message?: string;
  errors?: { reason?: string; message?: string }[];
  response?: { status?: number };
}

export class GcsStorageError extends StorageError {
  constructor(message: string, code: string | undefined, status: number | undefined) {
    super(message, code, status, GCS_HELP);
    this.name = 'GcsStorageError';
  }
}

function shapeOf(error: unknown): ClientErrorShape {
  return typeof error === 'object' && error !== null ? (error as ClientErrorShape) : {};
}

/** The HTTP status, wherever the client put it (ApiError `code`, gaxios `response.status`). */
export function gcsStatusOf(error: unknown): number | undefined {
  const { code, response } = shapeOf(error);
  if (typeof code === 'number') return code;
  return response?.status;
}

/** A 404 for the object; a missing bucket is a 404 too, but not a missing file. */
export function isMissingObject(error: unknown): boolean {
  if (gcsStatusOf(error) !== 404) return false;
  return !/bucket/i.test(shapeOf(error).message ?? '');
}

export function isPreconditionFailed(error: unknown): boolean {
  return gcsStatusOf(error) === 412;
}

function reasonOf(error: unknown): string | undefined {
  const { code, errors } = shapeOf(error);
  return errors?.[0]?.reason ?? (typeof code === 'string' ? code : undefined);
}

export function gcsErrorOf(error: unknown, action: string, uri: string): GcsStorageError {
  if (error instanceof GcsStorageError) return error;
  const status = gcsStatusOf(error);
  if (isMissingObject(error))
    return new GcsStorageError(`no such object: \`${uri}\``, 'ENOENT', status);
  const reason = reasonOf(error);
  const what = [reason, status !== undefined ? `HTTP ${status}` : undefined].filter(Boolean);
  const message = shapeOf(error).message?.split('\n')[0];
  const detail =
    message !== undefined && message !== '' && message !== reason ? `: ${message}` : '';
  return new GcsStorageError(
    `cannot ${action} \`${uri}\` (${what.join(', ') || 'error'})${detail}`,
    reason,
    status,
  );
}
