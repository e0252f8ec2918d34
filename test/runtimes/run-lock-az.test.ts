/**
 * The run lock on az:// against Azurite: Put Blob with `If-None-Match: *` is honoured, so the lock
 * is exclusive (no lease needed), refuses a second run naming the owner, and lets exactly one of
 * two racing runs in.
 */
import { afterAll, beforeAll, describe, vi } from 'vitest';
import { startBlobStore, type TestBlobStore } from '../azure/blob-store.js';
import { runLockCases } from './run-lock-cases.js';

let blobs: TestBlobStore;
const CONTAINER = 'augc-locks';

beforeAll(async () => {
  blobs = await startBlobStore();
  await blobs.createContainer(CONTAINER);
  for (const [name, value] of Object.entries(blobs.env)) vi.stubEnv(name, value);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await blobs.stop();
});

describe('run lock on az://', () => {
  runLockCases({ runs: () => `az://${blobs.account}/${CONTAINER}/runs`, conditional: true });
});
