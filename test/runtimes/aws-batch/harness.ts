/**
 * What the AWS Batch end-to-end tests share: fauxqs as S3 and the fake Batch on loopback, the
 * environment a user's shell would have (credentials, the SDK's endpoint variables), the text
 * example run into a local folder as the reference, and readers for what landed in S3.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { openStorage } from '../../../engine/storage/open-storage.js';
import type { Storage } from '../../../engine/storage/storage.js';
import { augc, filesUnder } from '../../cli/spawn-augc.js';
import { s3Env, startS3Server, type S3TestServer } from '../../engine/storage/s3-server.js';
import { FakeBatch, type FakeBatchOptions } from './fake/fake-batch.js';

export const PLANTED = 'planted-secret-aws-7c1d0b9e-do-not-leak';
export const QUEUE = 'augc-test';
export const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/augc-worker:test';

export interface Harness {
  s3: S3TestServer;
  batch: FakeBatch;
  /** The user's environment for `augc` (credentials, endpoints). */
  env: Record<string, string>;
  dir: string;
  aug: string;
  local: Map<string, Buffer>;
  stop(): Promise<void>;
}

export function storageAt(uri: string): Storage {
  const opened = openStorage(uri);
  if (!opened.ok) throw new Error(opened.message);
  return opened.storage;
}

export async function bytesOf(storage: Storage, path: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const c of storage.openSource(path).stream()) chunks.push(c);
  return Buffer.concat(chunks);
}

/** Every object of a run except augc's own records. */
export async function dataFilesOf(storage: Storage): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const path of await storage.list(''))
    if (!path.startsWith('_augc/')) out.set(path, await bytesOf(storage, path));
  return out;
}

export async function everyObjectText(storage: Storage): Promise<string> {
  const texts: string[] = [];
  for (const path of await storage.list(''))
    texts.push((await bytesOf(storage, path)).toString('latin1'));
  return texts.join('\n');
}

/** `--set` lines that point the example's aws-batch target at the fake's queue and image. */
export function targetSets(extra: Record<string, string> = {}): string[] {
  const values = { queue: `"${QUEUE}"`, image: `"${IMAGE}"`, region: '"us-east-1"', ...extra };
  return Object.entries(values).flatMap(([k, v]) => ['--set', `target.aws-batch.${k}=${v}`]);
}

/** The text example run into a local folder: what every aws-batch run must reproduce. */
async function referenceRun(aug: string, root: string): Promise<Map<string, Buffer>> {
  const r = await augc(['run', aug, '--output', root]);
  if (r.code !== 0) throw new Error(r.stderr);
  return new Map(filesUnder(root, ['_augc']).map((f) => [f, readFileSync(join(root, f))]));
}

export async function startHarness(
  options: FakeBatchOptions = {},
  reference = true,
): Promise<Harness> {
  const s3 = await startS3Server('augc-runs');
  const credentials = { ...s3Env(s3.endpoint, PLANTED), AWS_EC2_METADATA_DISABLED: 'true' };
  // What a container gets from its host and task role: PATH, a home, the S3 and Batch endpoints.
  const containerEnv = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: tmpdir(),
    NO_COLOR: '1',
    ...credentials,
  };
  // This process reads the results in S3 with the same credentials.
  for (const [k, v] of Object.entries(credentials)) vi.stubEnv(k, v);
  const batch = await new FakeBatch({ ...options, env: containerEnv }).start();
  containerEnv['AWS_ENDPOINT_URL_BATCH' as keyof typeof containerEnv] = batch.url;
  const env = { ...credentials, AWS_ENDPOINT_URL_BATCH: batch.url, AUGC_BATCH_POLL_MAX_MS: '400' };
  const dir = mkdtempSync(join(tmpdir(), 'augc-aws-'));
  cpSync('examples', join(dir, 'examples'), { recursive: true });
  const aug = join(dir, 'examples/clinical-sentences.aug');
  const local = reference ? await referenceRun(aug, join(dir, 'local')) : new Map<string, Buffer>();
  return {
    s3,
    batch,
    env,
    dir,
    aug,
    local,
    async stop() {
      await batch.stop();
      await s3.stop();
      vi.unstubAllEnvs();
    },
  };
}
