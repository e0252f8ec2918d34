/**
 * `augc run --target gcp-batch` end to end, offline: the real @google-cloud/batch client against
 * the Batch fake (gRPC from the package's own protos), the real @google-cloud/storage client
 * against the test GCS server, and every task a real `augc worker` process.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../../engine/storage/storage.js';
import { augc, filesUnder } from '../../cli/spawn-augc.js';
import { commandPipeline, setArgs, startCloud, type Cloud } from './cloud.js';

let cloud: Cloud;

beforeAll(async () => {
  cloud = await startCloud();
});

afterAll(async () => {
  await cloud.stop();
});

const EXAMPLE = 'examples/clinical-sentences.aug';

async function readAll(storage: Storage, skip: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const path of await storage.list('')) {
    if (path.startsWith(`${skip}/`)) continue;
    const source = storage.openSource(path);
    out.set(path, Buffer.from(await source.readRange(0, await source.size())));
  }
  return out;
}

describe('gcp-batch on the fakes', () => {
  it(
    'runs the text example to datasets and a manifest byte-identical to a local run',
    { timeout: 900_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'augc-gcp-local-'));
      const local = await augc(['run', EXAMPLE, '--output', join(dir, 'local')]);
      expect(local.code, local.stderr).toBe(0);
      const { uri, storage } = cloud.output();
      const run = await augc(
        ['run', EXAMPLE, '--target', 'gcp-batch', '--output', uri, ...setArgs(cloud.sets())],
        cloud.env,
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain('no finalizer job (this process finalizes)');
      const remote = await readAll(storage, '_augc');
      const files = filesUnder(join(dir, 'local'), ['_augc']);
      expect([...remote.keys()].sort()).toEqual(files);
      for (const f of files)
        expect(remote.get(f)!.equals(readFileSync(join(dir, 'local', f))), f).toBe(true);
      expect(files).toContain('manifest_final.csv');
      // The driver printed the merge as `augc run` on local does.
      expect(run.stdout.replaceAll(uri, 'OUT')).toBe(
        local.stdout.replaceAll(join(dir, 'local'), 'OUT'),
      );
      // One job for the one group: 27 tasks, no task listing needed for a job that succeeded.
      const creates = cloud.batch.calls.filter((c) => c.startsWith('CreateJob'));
      expect(creates).toHaveLength(1);
      expect(cloud.batch.calls.filter((c) => c.startsWith('ListTasks'))).toEqual([]);
      expect(await storage.exists('_augc/batch/result.json')).toBe(true);
    },
  );

  it(
    'retries an injected preemption inside the job, as the next attempt',
    { timeout: 300_000 },
    async () => {
      const aug = commandPipeline(
        'cat "$AUGC_INPUT" > "$AUGC_OUTPUT"',
        'attempts = 2  on = [preempted]',
      );
      const { uri, storage } = cloud.output();
      const jobTag = uri.split('/').at(-1)!;
      cloud.preempt.push({ job: 'augc-cmd-r1', index: 0, retry: 0 });
      const before = cloud.batch.calls.length;
      const run = await augc(
        ['run', aug, '--target', 'gcp-batch', '--output', uri, ...setArgs(cloud.sets())],
        cloud.env,
      );
      cloud.preempt.length = 0;
      expect(run.code, run.stderr).toBe(0);
      const calls = cloud.batch.calls.slice(before);
      expect(calls.filter((c) => c.startsWith('CreateJob'))).toHaveLength(1);
      const job = [...cloud.batch.jobs.values()].find((j) =>
        JSON.stringify(j.job).includes(jobTag),
      )!;
      const exits = job.tasks[0]!.events.flatMap((e) =>
        e.taskExecution ? [e.taskExecution.exitCode] : [],
      );
      expect(exits).toEqual([50001, 0]);
      // The rerun knew it was the second attempt (BATCH_TASK_RETRY_ATTEMPT=1).
      const record = JSON.parse(await storage.readText('_augc/tasks/combo_1_copy.c00000.json')) as {
        attempt: number;
      };
      expect(record.attempt).toBe(2);
      expect(await storage.exists('manifest_final.csv')).toBe(true);
    },
  );

  it(
    'lets Batch retry a declared exit code itself when the rule escalates nothing',
    { timeout: 300_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'augc-gcp-flag-'));
      const flag = join(dir, 'failed-once');
      const body = `if [ "$AUGC_CHUNK" = 0 ] && [ ! -e ${flag} ]; then touch ${flag}; exit 3; fi\ncat "$AUGC_INPUT" > "$AUGC_OUTPUT"`;
      const aug = commandPipeline(body, 'attempts = 3  on = [exit(3)]');
      const { uri, storage } = cloud.output();
      const tag = uri.split('/').at(-1)!;
      const run = await augc(
        ['run', aug, '--target', 'gcp-batch', '--output', uri, ...setArgs(cloud.sets())],
        cloud.env,
      );
      expect(run.code, run.stderr).toBe(0);
      const jobs = [...cloud.batch.jobs.values()].filter((j) =>
        JSON.stringify(j.job).includes(tag),
      );
      expect(jobs).toHaveLength(1);
      const exits = jobs[0]!.tasks[0]!.events.flatMap((e) =>
        e.taskExecution ? [e.taskExecution.exitCode] : [],
      );
      // The worker exited with the command's code, which the job's lifecycle policy retries.
      expect(exits).toEqual([3, 0]);
      expect(JSON.stringify(jobs[0]!.job)).toContain('"--service-retry-codes","3"');
      const record = JSON.parse(await storage.readText('_augc/tasks/combo_1_copy.c00000.json')) as {
        attempt: number;
      };
      expect(record.attempt).toBe(2);
    },
  );

  it(
    'ends a run whose task always fails with exit 1, naming the task and where its log is',
    { timeout: 300_000 },
    async () => {
      const body =
        'if [ "$AUGC_CHUNK" = 0 ]; then echo always-broken >&2; exit 5; fi\ncat "$AUGC_INPUT" > "$AUGC_OUTPUT"';
      const aug = commandPipeline(body, 'attempts = 2  backoff = fixed(1s)  on = [any]');
      const { uri, storage } = cloud.output();
      const run = await augc(
        ['run', aug, '--target', 'gcp-batch', '--output', uri, ...setArgs(cloud.sets())],
        cloud.env,
      );
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toContain('combo_1_copy.c00000');
      expect(run.stderr).toContain('failed after 2 attempt(s): exit(5)');
      expect(run.stderr).toMatch(
        /log: https:\/\/console\.cloud\.google\.com\/logs\/query;query=\S*batch_task_logs\S*\?project=augc-test/,
      );
      expect(await storage.exists('manifest_final.csv')).toBe(false);
      // `any` is augc's to retry (Batch retries only lost VMs for it): a second job ran the task
      // again, and each run left its attempt record.
      const tag = uri.split('/').at(-1)!;
      const jobs = [...cloud.batch.jobs.values()].filter((j) =>
        JSON.stringify(j.job).includes(tag),
      );
      expect(jobs.map((j) => j.tasks.length)).toEqual([2, 1]);
      expect(await storage.list('_augc/attempts')).toEqual([
        '_augc/attempts/combo_1_copy.c00000.1.json',
        '_augc/attempts/combo_1_copy.c00000.2.json',
      ]);
      const result = JSON.parse(await storage.readText('_augc/batch/result.json')) as {
        state: string;
      };
      expect(result.state).toBe('failed');
    },
  );

  it(
    'retries with more memory in a new job when the rule escalates, running only the failed task',
    { timeout: 300_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'augc-gcp-flag-'));
      const flag = join(dir, 'failed-once');
      const body = `if [ "$AUGC_CHUNK" = 1 ] && [ ! -e ${flag} ]; then touch ${flag}; exit 3; fi\ncat "$AUGC_INPUT" > "$AUGC_OUTPUT"`;
      const aug = commandPipeline(
        body,
        'attempts = 2  backoff = fixed(1s)  on = [exit(3)]  escalate { memory = 2x }',
      );
      const { uri, storage } = cloud.output();
      const tag = uri.split('/').at(-1)!;
      const run = await augc(
        ['run', aug, '--target', 'gcp-batch', '--output', uri, ...setArgs(cloud.sets())],
        cloud.env,
      );
      expect(run.code, run.stderr).toBe(0);
      const jobs = [...cloud.batch.jobs.values()].filter((j) =>
        JSON.stringify(j.job).includes(tag),
      );
      expect(jobs).toHaveLength(2);
      const spec = (j: (typeof jobs)[number]) => JSON.stringify(j.job['taskGroups']);
      expect(spec(jobs[0]!)).toContain('"memoryMib":"256"');
      expect(spec(jobs[1]!)).toContain('"memoryMib":"512"');
      expect(spec(jobs[1]!)).toContain('"--indices","1","--attempt","2"');
      expect(jobs[1]!.tasks).toHaveLength(1);
      expect(await storage.exists('_augc/batch/rounds/0002.json')).toBe(true);
      expect(await storage.exists('manifest_final.csv')).toBe(true);
    },
  );
});
