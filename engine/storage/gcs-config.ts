/**
 * The Cloud Storage client settings augc derives from the environment, kept apart from the SDK so
 * that they can be tested without loading it. Credentials are deliberately absent: the client's
 * Application Default Credentials find them (`GOOGLE_APPLICATION_CREDENTIALS`, gcloud's user
 * credentials, the metadata server of a VM), and augc never reads, stores or forwards a secret.
 */
import type { Env } from './s3-config.js';

export interface GcsClientSettings {
  /**
   * `STORAGE_EMULATOR_HOST`, the client's documented switch for an emulator or a local test
   * server: requests go there, in plain HTTP when it says so, and without credentials.
   */
  emulatorHost?: string;
  /** Retries after the first try (the client's default is 3). */
  maxRetries: number;
}

/**
 * Seven retries (eight tries, as for S3): the client backs off exponentially (1 s, doubling,
 * 64 s cap) on 408, 429, 5xx and dropped connections.
 */
export const DEFAULT_MAX_RETRIES = 7;

export function gcsClientSettings(env: Env): GcsClientSettings {
  const host = env['STORAGE_EMULATOR_HOST']?.trim();
  return {
    ...(host !== undefined && host !== '' ? { emulatorHost: host } : {}),
    maxRetries: DEFAULT_MAX_RETRIES,
  };
}
