/**
 * A real S3-compatible server for tests: fauxqs 1.9.2, in-process, on 127.0.0.1 with a random
 * port. The SDK talks to it unmodified; only the endpoint is set (path style follows from that).
 * fauxqs ignores `If-None-Match`; put `s3-fault-proxy.ts` in front to get conditional creates.
 */
import { startFauxqs } from 'fauxqs';

export interface S3TestServer {
  endpoint: string;
  bucket: string;
  /** What a process (this one via `vi.stubEnv`, or a child) needs to reach the server. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Dummy credentials: fauxqs does not check signatures, and nothing here is a real secret. */
export const TEST_ACCESS_KEY = 'AKIDAUGCTEST';
export const TEST_SECRET_KEY = 'augc-test-secret-not-real';

export function s3Env(endpoint: string, secret = TEST_SECRET_KEY): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_S3: endpoint,
    AWS_ACCESS_KEY_ID: TEST_ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: secret,
    AWS_REGION: 'us-east-1',
  };
}

export async function startS3Server(bucket = 'augc-test'): Promise<S3TestServer> {
  const server = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false });
  server.createBucket(bucket);
  return {
    endpoint: server.address,
    bucket,
    env: s3Env(server.address),
    stop: () => server.stop(),
  };
}
