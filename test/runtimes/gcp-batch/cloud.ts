/**
 * Everything a gcp-batch end-to-end test needs on loopback: the test GCS server (the run's
 * `gs://` storage) and the Batch fake, whose VMs run the image's `augc` as this worktree's
 * `bin/augc.js` with the storage endpoint in their environment, as a VM's image and metadata
 * would provide. `augc run` itself is spawned with the same storage endpoint.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createGcsStorage } from '../../../engine/storage/gcs-storage.js';
import type { Storage } from '../../../engine/storage/storage.js';
import { startGcsServer, type GcsTestServer } from '../../engine/storage/gcs-server.js';
import { startFakeBatch, type FakeBatch } from './fake-batch.js';
import { fakeGcsfuse } from './fake-gcsfuse.js';

export const IMAGE = 'europe-docker.pkg.dev/augc-test/augc/augc:test';

export interface Cloud {
  gcs: GcsTestServer;
  batch: FakeBatch;
  /** Tasks to preempt: `index` of a job whose id contains `job`, on its run number `retry`. */
  preempt: { job: string; index: number; retry: number }[];
  /** Environment for `augc` run by the test (the driver). */
  env: Record<string, string>;
  /** `--set` lines that configure `target gcp-batch` for the fake. */
  sets(extra?: Record<string, string>): string[];
  /** A fresh `gs://` output, and the Storage to read it back. */
  output(): { uri: string; storage: Storage };
  stop(): Promise<void>;
}

export async function startCloud(): Promise<Cloud> {
  const gcs = await startGcsServer();
  const preempt: Cloud['preempt'] = [];
  const cli = resolve('bin/augc.js');
  const batch = await startFakeBatch({
    entrypoint: (image, entrypoint) => {
      if (image !== IMAGE || entrypoint !== 'augc')
        throw new Error(`no such image/entrypoint: ${image} ${entrypoint}`);
      return [process.execPath, cli];
    },
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...gcs.env },
    slots: 2,
    gcsVolume: fakeGcsfuse(gcs.store),
    preempt: (job, index, retry) =>
      preempt.some((p) => job.includes(p.job) && p.index === index && p.retry === retry),
  });
  return {
    gcs,
    batch,
    preempt,
    env: {
      ...gcs.env,
      AUGC_BATCH_POLL_MAX_MS: '300',
      AUGC_CONFIG: '',
      XDG_CONFIG_HOME: '/nonexistent',
    },
    sets: (extra = {}) =>
      Object.entries({
        project: 'augc-test',
        region: 'europe-west4',
        image: IMAGE,
        endpoint: batch.endpoint,
        ...extra,
      }).map(([k, v]) => `target.gcp-batch.${k}=${JSON.stringify(v)}`),
    output() {
      const prefix = `runs/${randomBytes(4).toString('hex')}`;
      const uri = `gs://${gcs.bucket}/${prefix}`;
      return {
        uri,
        storage: createGcsStorage(
          uri,
          { bucket: gcs.bucket, prefix: `${prefix}/` },
          { env: gcs.env },
        ),
      };
    },
    async stop() {
      await batch.stop();
      await gcs.stop();
    },
  };
}

/** `--set a=1 --set b=2` as argv. */
export function setArgs(sets: readonly string[]): string[] {
  return sets.flatMap((s) => ['--set', s]);
}

/** One command method over 4 rows in 2 chunks; `body` is the shell the method runs. */
export function commandPipeline(body: string, retry: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'augc-gcp-'));
  writeFileSync(
    join(dir, 'data.csv'),
    'id,text\n1,alpha beta\n2,gamma delta\n3,epsilon zeta\n4,eta theta\n',
  );
  writeFileSync(join(dir, 'cmd.sh'), `#!/bin/sh\n${body}\n`);
  writeFileSync(
    join(dir, 'cmd.aug'),
    `pipeline "cmd" {
  input "data.csv" { id = "id"  text = ["text"] }
  method copy = command(["sh", "${join(dir, 'cmd.sh')}"])
  chunk { rows = 2 }
  retry { ${retry} }
  resources { walltime = 5m  memory = 256MiB }
  output "out" { format = jsonl }
}
`,
  );
  return join(dir, 'cmd.aug');
}
