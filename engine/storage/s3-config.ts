/**
 * The S3 client settings augc derives from the environment, kept apart from the SDK so that they
 * can be tested without loading it. Credentials are deliberately absent: the SDK's default
 * provider chain finds them (environment, shared config and SSO profiles, web identity, container
 * and instance roles), and augc never reads, stores or forwards a secret.
 */

export interface S3ClientSettings {
  region: string;
  /** A custom endpoint (MinIO, Ceph RGW, a local test server), when one is set. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** Total tries per request, first one included. */
  maxAttempts: number;
  retryMode: 'standard' | 'adaptive';
}

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Enough tries to ride out a burst of `SlowDown`/503 or a reset connection: the standard strategy
 * backs off exponentially with jitter (100 ms base, 20 s cap), so eight tries span several seconds.
 */
export const DEFAULT_MAX_ATTEMPTS = 8;

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function pathStyle(env: Env, endpoint: string | undefined): boolean {
  const forced = nonEmpty(env['AUGC_S3_FORCE_PATH_STYLE']);
  if (forced === '1') return true;
  if (forced === '0') return false;
  // Custom servers rarely have wildcard DNS for `bucket.host`, so path style is the safe default.
  return endpoint !== undefined;
}

function attempts(env: Env): number {
  const n = Number(nonEmpty(env['AWS_MAX_ATTEMPTS']));
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_MAX_ATTEMPTS;
}

export function s3ClientSettings(env: Env): S3ClientSettings {
  const endpoint = nonEmpty(env['AWS_ENDPOINT_URL_S3']) ?? nonEmpty(env['AWS_ENDPOINT_URL']);
  return {
    region: nonEmpty(env['AWS_REGION']) ?? nonEmpty(env['AWS_DEFAULT_REGION']) ?? 'us-east-1',
    ...(endpoint !== undefined ? { endpoint } : {}),
    forcePathStyle: pathStyle(env, endpoint),
    maxAttempts: attempts(env),
    retryMode: nonEmpty(env['AWS_RETRY_MODE']) === 'adaptive' ? 'adaptive' : 'standard',
  };
}
