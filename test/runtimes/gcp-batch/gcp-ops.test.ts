/**
 * `augc run --target gcp-batch` beyond a run to its end: Ctrl-C during a retry backoff, status and
 * cancel, a GCS volume, `--dry-run`, and outputs the target refuses. The real clients against the
 * Batch fake and the test GCS server, as in gcp-run.test.ts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { augc, spawnAugc } from '../../cli/spawn-augc.js';
import { commandPipeline, setArgs, startCloud, type Cloud } from './cloud.js';

let cloud: Cloud;

beforeAll(async () => {
  cloud = await startCloud();
});

afterAll(async () => {
  await cloud.stop();
});

describe('gcp-batch operations', () => {
  it(
    'on Ctrl-C during the retry backoff submits no further round',
    { timeout: 300_000 },
    async () => {
      const body = 'if [ "$AUGC_CHUNK" = 1 ]; then exit 3; fi\ncat "$AUGC_INPUT" > "$AUGC_OUTPUT"';
      const aug = commandPipeline(
        body,
        'attempts = 2  backoff = fixed(10m)  on = [exit(3)]  escalate { memory = 2x }',
      );
      const { uri } = cloud.output();
      const tag = uri.split('/').at(-1)!;
      const run = spawnAugc(
        ['run', aug, '--target', 'gcp-batch', '--output', uri, ...setArgs(cloud.sets())],
        cloud.env,
      );
      try {
        // The driver lists the failed task of round 1, then waits out the 10-minute backoff.
        await vi.waitFor(
          () => {
            const job = [...cloud.batch.jobs.values()].find((j) =>
              JSON.stringify(j.job).includes(tag),
            );
            expect(cloud.batch.calls).toContain(`ListTasks ${job?.name ?? '?'}/taskGroups/group0`);
          },
          { timeout: 120_000, interval: 100 },
        );
        run.child.kill('SIGINT');
        const done = await run.done;
        expect(done.code).toBe(1);
        expect(done.stderr).toContain(
          'stopped during the retry backoff: round 2 was not submitted',
        );
        const jobs = [...cloud.batch.jobs.values()].filter((j) =>
          JSON.stringify(j.job).includes(tag),
        );
        expect(jobs).toHaveLength(1);
      } finally {
        run.child.kill('SIGKILL');
      }
    },
  );

  it(
    'shows status while jobs are queued, and cancels them by deleting the jobs',
    { timeout: 300_000 },
    async () => {
      const aug = commandPipeline('cat "$AUGC_INPUT" > "$AUGC_OUTPUT"', 'attempts = 1');
      const { uri, storage } = cloud.output();
      cloud.batch.hold = true;
      const run = spawnAugc(
        ['run', aug, '--target', 'gcp-batch', '--output', uri, ...setArgs(cloud.sets())],
        cloud.env,
      );
      try {
        await run.waitForStderr(/round 1 \(attempt 1\): 2 queued, 0 running/);
        const status = await augc(['status', uri], cloud.env);
        expect(status.stdout).toContain('(target gcp-batch, running)');
        expect(status.stdout).toContain(
          'gcp-batch (project augc-test, region europe-west4) round 1, attempt 1: arrays projects/augc-test/locations/europe-west4/jobs/augc-cmd-r1-',
        );
        const cancel = await augc(['cancel', uri], cloud.env);
        expect(cancel.code, cancel.stderr).toBe(0);
        expect(
          cloud.batch.calls.some((c) => c.startsWith('DeleteJob') && c.includes('augc-cmd-r1')),
        ).toBe(true);
        const done = await run.done;
        expect(done.code).toBe(130);
        expect(await storage.exists('_augc/batch/cancelled.json')).toBe(true);
        expect(await storage.exists('manifest_final.csv')).toBe(false);
      } finally {
        run.child.kill('SIGKILL');
        cloud.batch.release();
      }
    },
  );

  it(
    'mounts the run into tasks as a GCS volume when asked: the worker sees a path',
    { timeout: 300_000 },
    async () => {
      const aug = commandPipeline('cat "$AUGC_INPUT" > "$AUGC_OUTPUT"', 'attempts = 1');
      const { uri, storage } = cloud.output();
      const mount = join(mkdtempSync(join(tmpdir(), 'augc-gcsfuse-')), 'mnt', 'augc');
      const run = await augc(
        [
          'run',
          aug,
          '--target',
          'gcp-batch',
          '--output',
          uri,
          ...setArgs(cloud.sets({ gcs_mount: mount })),
        ],
        cloud.env,
      );
      expect(run.code, run.stderr).toBe(0);
      const tag = uri.split('/').at(-1)!;
      const job = [...cloud.batch.jobs.values()].find((j) => JSON.stringify(j.job).includes(tag))!;
      const spec = JSON.stringify(job.job['taskGroups']);
      expect(spec).toContain(`"--plan","${mount}/_augc/plan.json"`);
      expect(spec).toContain(`"gcs":{"remotePath":"${uri.slice('gs://'.length)}"}`);
      // The workers wrote through the mount; the driver merged through the API.
      expect(await storage.list('combo_1_copy')).toEqual([
        'combo_1_copy/meta.json',
        'combo_1_copy/part-00000.jsonl',
        'combo_1_copy/part-00001.jsonl',
      ]);
      expect(await storage.readText('manifest_final.csv')).toContain('\ncombo_1_copy,copy,1,');
    },
  );

  it('--dry-run prints the exact requests and submits nothing', { timeout: 300_000 }, async () => {
    const aug = commandPipeline('cat "$AUGC_INPUT" > "$AUGC_OUTPUT"', 'attempts = 1');
    const { uri } = cloud.output();
    const before = cloud.batch.calls.length;
    const r = await augc(
      ['run', aug, '--dry-run', '--target', 'gcp-batch', '--output', uri, ...setArgs(cloud.sets())],
      cloud.env,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('"parent": "projects/augc-test/locations/europe-west4"');
    expect(r.stdout).toContain('"entrypoint": "augc"');
    expect(cloud.batch.calls.slice(before)).toEqual([]);
  });

  it('refuses an output that is not gs:// before writing anything', async () => {
    const aug = commandPipeline('cat "$AUGC_INPUT" > "$AUGC_OUTPUT"', 'attempts = 1');
    const out = join(mkdtempSync(join(tmpdir(), 'augc-gcp-out-')), 'run');
    const r = await augc(
      ['run', aug, '--target', 'gcp-batch', '--output', out, ...setArgs(cloud.sets())],
      cloud.env,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[AUG5125]');
    expect(r.stderr).toContain('is not in Cloud Storage');
  });
});
