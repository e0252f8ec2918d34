/** A store that cannot be reached, as a diagnostic the user can act on (exit 69). */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { StorageError } from '../../engine/storage/storage-error.js';

export function storageUnreachable(error: StorageError): Diagnostic {
  return {
    code: 'AUG5116',
    severity: 'error',
    message: error.message,
    help:
      error.help ??
      'check the endpoint, the network, the credentials and that the bucket exists; see docs/storage.md',
  };
}
