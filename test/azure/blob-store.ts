/**
 * A blob store for tests as augc meets one in production: Azurite over https, tokens from a
 * managed-identity endpoint on loopback, and the endpoint named by AUGC_AZURE_BLOB_ENDPOINT.
 * `env` is what this process (vi.stubEnv) or a child needs to reach it.
 */
import { DefaultAzureCredential } from '@azure/identity';
import { BlobServiceClient } from '@azure/storage-blob';
import { AZURITE_ACCOUNT, startAzurite, type AzuriteServer } from './azurite.js';
import { startTokenServer, type TokenServer } from './token-server.js';

export interface TestBlobStore {
  account: string;
  env: Record<string, string>;
  tokens: TokenServer;
  azurite: AzuriteServer;
  /** Creates a container (through the same token chain) and returns its name. */
  createContainer(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** Variables that would send DefaultAzureCredential elsewhere than the test's token server. */
export const CLEARED_AZURE_VARIABLES = {
  AZURE_TENANT_ID: '',
  AZURE_CLIENT_ID: '',
  AZURE_CLIENT_SECRET: '',
  AZURE_FEDERATED_TOKEN_FILE: '',
  MSI_ENDPOINT: '',
  IMDS_ENDPOINT: '',
};

export async function startBlobStore(): Promise<TestBlobStore> {
  const [tokens, azurite] = await Promise.all([startTokenServer(), startAzurite()]);
  const env = {
    ...CLEARED_AZURE_VARIABLES,
    ...tokens.env,
    AUGC_AZURE_BLOB_ENDPOINT: azurite.endpoint,
  };
  return {
    account: AZURITE_ACCOUNT,
    env,
    tokens,
    azurite,
    async createContainer(name) {
      const url = azurite.endpoint.replace('{account}', AZURITE_ACCOUNT);
      const saved = { ...process.env };
      Object.assign(process.env, env);
      try {
        const client = new BlobServiceClient(url, new DefaultAzureCredential());
        await client.getContainerClient(name).createIfNotExists();
      } finally {
        for (const k of Object.keys(env)) {
          if (saved[k] === undefined) Reflect.deleteProperty(process.env, k);
          else process.env[k] = saved[k];
        }
      }
      return name;
    },
    async stop() {
      await Promise.all([tokens.stop(), azurite.stop()]);
    },
  };
}
