/** Loads the SDK-backed client on first use: commands that never talk to Azure Batch never load it. */
import type { AzureBatchClient } from './client.js';

export async function openBatchClient(accountUrl: string): Promise<AzureBatchClient> {
  const sdk = await import('./sdk-client.js');
  return sdk.createSdkClient(accountUrl);
}
