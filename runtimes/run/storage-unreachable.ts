/** A store that cannot be reached, as a diagnostic the user can act on (exit 69). */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';

export function storageUnreachable(error: Error): Diagnostic {
  return {
    code: 'AUG5116',
    severity: 'error',
    message: error.message,
    help: 'check the endpoint (`AWS_ENDPOINT_URL_S3`, `AUGC_AZURE_BLOB_ENDPOINT`), the network, the credentials (the standard AWS chain, or DefaultAzureCredential for az://) and that the bucket or container exists; see docs/storage.md',
  };
}
