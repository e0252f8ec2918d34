/**
 * What every object store's errors are turned into: a missing object rejects with `code: ENOENT`
 * like a missing local file; anything else names the URI the user knows, the store's error name
 * and HTTP status, and what to check (`help`) when the store cannot be reached at all. Never the
 * request, its headers or a credential.
 */
export class StorageError extends Error {
  readonly code: string | undefined;
  readonly status: number | undefined;
  /** What to check when the store cannot be reached or refuses access (a diagnostic's help). */
  readonly help: string | undefined;

  constructor(
    message: string,
    code: string | undefined,
    status: number | undefined,
    help?: string,
  ) {
    super(message);
    this.name = 'StorageError';
    this.code = code;
    this.status = status;
    this.help = help;
  }
}

/** A store that cannot be reached or refuses us, as opposed to a missing object (ENOENT). */
export function isStorageUnavailable(error: unknown): error is StorageError {
  return error instanceof StorageError && error.code !== 'ENOENT';
}
