/**
 * The error every object store's Storage rejects with: a missing object has `code: ENOENT`, like a
 * missing local file; any other code means the store refused or could not be reached. Messages
 * name the URI the user knows, and keep only the service's error name, status and message, never
 * the request, its headers or a credential.
 */
export class StorageError extends Error {
  readonly code: string | undefined;
  readonly status: number | undefined;

  constructor(message: string, code: string | undefined, status: number | undefined) {
    super(message);
    this.name = 'StorageError';
    this.code = code;
    this.status = status;
  }
}

/** A store that cannot be reached or refuses us, as opposed to a missing object (ENOENT). */
export function isStorageUnavailable(error: unknown): error is StorageError {
  return error instanceof StorageError && error.code !== 'ENOENT';
}
