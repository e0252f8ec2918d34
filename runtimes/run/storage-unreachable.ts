/** A store that cannot be reached, as a diagnostic the user can act on (exit 69). */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';

export function storageUnreachable(error: Error): Diagnostic {
  return {
    code: 'AUG5116',
    severity: 'error',
    message: error.message,
    help: 'check the endpoint (`AWS_ENDPOINT_URL_S3`), the network, the credentials (the standard AWS chain) and that the bucket exists; see docs/storage.md',
  };
}
