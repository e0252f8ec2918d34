/**
 * `augc run --target azure-batch` end to end: the real @azure/batch client against the fake Batch
 * service over https, tasks run by its nodes as `augc worker` processes, data in Azurite through
 * @azure/storage-blob, every token from DefaultAzureCredential. The text example gives datasets
 * and a manifest byte-identical to a local folder run, through a preempted (requeued) task; an
 * always-failing task is retried in a second round (a job the first round's finalizer submits from
 * its node) and ends the run with exit 1 naming it and its log, because each merge task runs even
 * when a task it depends on failed; status and cancel work on the URI; `--dry-run` sends nothing.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStorage } from '../../../engine/storage/open-storage.js';
import type { Storage } from '../../../engine/storage/storage.js';
import { augc, filesUnder } from '../../cli/spawn-augc.js';
import { startAzureWorld, type AzureWorld } from './azure-node.js';

function storageAt(uri: string): Storage {
  const opened = openStorage(uri);
  if (!opened.ok) throw new Error(opened.message);
  return opened.storage;
}

async function bytesOf(storage: Storage, path: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const c of storage.openSource(path).stream()) chunks.push(c);
  return Buffer.concat(chunks);
}

/** Every file of the run except augc's own records. */
async function dataFilesOf(storage: Storage): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const path of await storage.list(''))
    if (!path.startsWith('_augc/')) out.set(path, await bytesOf(storage, path));
  return out;
}

describe('augc run --target azure-batch', () => {
  let world: AzureWorld;
  let dir: string;
  let aug: string;
  let local: Map<string, Buffer>;

  beforeAll(async () => {
    world = await startAzureWorld();
    for (const [k, v] of Object.entries(world.blobs.env)) vi.stubEnv(k, v);
    dir = mkdtempSync(join(tmpdir(), 'augc-azure-run-'));
    cpSync('examples', join(dir, 'examples'), { recursive: true });
    aug = join(dir, 'examples/clinical-sentences.aug');
    const r = await augc(['run', aug, '--output', join(dir, 'local')]);
    expect(r.code, r.stderr).toBe(0);
    const root = join(dir, 'local');
    local = new Map(filesUnder(root, ['_augc']).map((f) => [f, readFileSync(join(root, f))]));
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await world?.stop();
  });

  // 27 tasks on three fake nodes of this 2-core machine: each worker process takes seconds.
  it(
    'runs the text example byte-identical to a local run, through a preempted task',
    { timeout: 300_000 },
    async () => {
      world.batch.preemptOnce((_job, task) => task.id === '4');
      const uri = world.runUri('clinical');
      const r = await augc(
        ['run', aug, '--target', 'azure-batch', '--output', uri, '--wait'],
        world.env,
      );
      expect(r.code, r.stderr).toBe(0);
      const remote = await dataFilesOf(storageAt(uri));
      expect([...remote.keys()].sort()).toEqual([...local.keys()].sort());
      for (const [path, bytes] of local) expect(remote.get(path)?.equals(bytes), path).toBe(true);

      // One job for the round: 27 integer-named tasks and the merge task that depends on them all.
      const [job, ...others] = [...world.batch.jobs.values()];
      expect(others).toEqual([]);
      expect(job!.spec).toMatchObject({
        usesTaskDependencies: true,
        poolInfo: { poolId: 'augc-pool' },
      });
      expect(job!.spec['onAllTasksComplete']).toBe('terminatejob');
      expect(job!.state).toBe('completed');
      const ids = [...job!.tasks.keys()];
      expect(ids).toEqual([...Array.from({ length: 27 }, (_, i) => String(i)), 'finalize']);
      expect(job!.tasks.get('finalize')!.spec['dependsOn']).toEqual({
        taskIdRanges: [{ start: 0, end: 26 }],
      });
      // The preempted task was requeued by the service (not a retry) and then completed.
      expect(job!.tasks.get('4')!.executionInfo).toMatchObject({
        requeueCount: 1,
        retryCount: 0,
        result: 'success',
      });
      // Each task's log was uploaded into the run by the pool's identity.
      const log = (await bytesOf(storageAt(uri), '_augc/logs/cpu-1c-1g-10m/4.log')).toString();
      expect(log).toContain('augc worker: ');
      // Only Batch and Storage tokens were issued, through the managed-identity endpoint.
      expect(new Set(world.blobs.tokens.issued)).toEqual(
        new Set(['https://storage.azure.com', 'https://batch.core.windows.net/']),
      );

      const status = await augc(['status', uri, '--json'], world.env);
      expect(status.code, status.stderr).toBe(0);
      const report = JSON.parse(status.stdout) as { tasks: number; completed: number };
      expect(report.completed).toBe(27);
    },
  );

  it(
    'ends a run whose task always fails with exit 1, naming the task and its log',
    { timeout: 120_000 },
    async () => {
      const ws = mkdtempSync(join(tmpdir(), 'augc-azure-fail-'));
      writeFileSync(
        join(ws, 'data.csv'),
        'id,text\n1,alpha beta\n2,gamma delta\n3,epsilon zeta\n4,eta theta\n',
      );
      const body = `if [ "$AUGC_CHUNK" = 0 ]; then echo always-broken >&2; exit 5; fi\ncat "$AUGC_INPUT" > "$AUGC_OUTPUT"`;
      writeFileSync(join(ws, 'cmd.sh'), `#!/bin/sh\n${body}\n`);
      writeFileSync(
        join(ws, 'fail.aug'),
        `pipeline "fail" {
  input "data.csv" { id = "id"  text = ["text"] }
  method copy = command(["sh", "${join(ws, 'cmd.sh')}"])
  chunk { rows = 2 }
  retry { attempts = 2  backoff = fixed(1s)  on = [any] }
  resources { walltime = 5m  memory = 256MiB }
  output "out" { format = jsonl }
}
`,
      );
      const uri = world.runUri('failing');
      const before = world.batch.jobs.size;
      const r = await augc(
        ['run', join(ws, 'fail.aug'), '--target', 'azure-batch', '--output', uri, '--wait'],
        world.env,
      );
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('combo_1_copy.c00000');
      const logUri = `${uri}/_augc/logs/`;
      expect(r.stderr).toContain(logUri);
      // Round 1 (both tasks), then round 2 (the failed one, attempt 2), submitted by round 1's
      // finalizer from its node: each finalizer ran although a task it depends on had failed.
      const [first, second, ...more] = [...world.batch.jobs.values()].slice(before);
      expect(more).toEqual([]);
      expect([...first!.tasks.keys()]).toEqual(['0', '1', 'finalize']);
      expect([...second!.tasks.keys()]).toEqual(['0', 'finalize']);
      expect(second!.id).toMatch(/-r2$/);
      expect(String(second!.tasks.get('0')!.spec['commandLine'])).toContain(
        '--index 0 --attempt 2',
      );
      for (const job of [first!, second!]) {
        expect(job.tasks.get('0')!.executionInfo.result).toBe('failure');
        expect(job.tasks.get('finalize')!.executionInfo.exitCode).toBeDefined();
      }
      // The last finalizer recorded the failed run and said so with its exit status.
      expect(second!.tasks.get('finalize')!.executionInfo.exitCode).toBe(1);
      const result = JSON.parse(await storageAt(uri).readText('_augc/batch/result.json')) as {
        state: string;
      };
      expect(result.state).toBe('failed');
      const logPath = r.stderr.slice(r.stderr.indexOf(logUri) + uri.length + 1).split(/[\s)]/)[0]!;
      expect((await bytesOf(storageAt(uri), logPath)).toString()).toContain('always-broken');
      expect(await storageAt(uri).exists('manifest_final.jsonl')).toBe(false);
    },
  );

  it(
    'returns after submission, shows status, and cancel terminates the job',
    { timeout: 120_000 },
    async () => {
      const uri = world.runUri('cancelled');
      const before = world.batch.jobs.size;
      const r = await augc(['run', aug, '--target', 'azure-batch', '--output', uri], world.env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('submitted 27 task(s) as 1 array job(s) and a finalizer');
      const job = [...world.batch.jobs.values()][before]!;
      const status = await augc(['status', uri], world.env);
      expect(status.code, status.stderr).toBe(0);
      expect(status.stdout + status.stderr).toContain(`${job.id}:0-26`);
      const cancel = await augc(['cancel', uri], world.env);
      expect(cancel.code, cancel.stderr).toBe(0);
      expect(job.state).toBe('completed');
      // Running tasks are stopped by the node agent, which reports them completed when they exit.
      await vi.waitFor(
        () => expect([...job.tasks.values()].filter((t) => t.state !== 'completed')).toEqual([]),
        { timeout: 60_000, interval: 100 },
      );
      // The finalizer never ran: it was still waiting for its dependencies when the job ended.
      expect(job.tasks.get('finalize')!.executionInfo.exitCode).toBeUndefined();
      expect(await storageAt(uri).exists('_augc/batch/cancelled.json')).toBe(true);
    },
  );

  it('--dry-run prints the requests and sends nothing', async () => {
    const sent = world.batch.requests.length;
    const uri = world.runUri('dry');
    const r = await augc(
      ['run', aug, '--target', 'azure-batch', '--output', uri, '--dry-run'],
      world.env,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`POST ${world.batch.url}/jobs?api-version=2022-10-01.16.0`);
    expect(r.stdout).toContain('/addtaskcollection?api-version=2022-10-01.16.0');
    expect(world.batch.requests.length).toBe(sent);
  });

  it('refuses a local output folder and a missing account before submitting', async () => {
    const sent = world.batch.requests.length;
    const localRun = await augc(
      ['run', aug, '--target', 'azure-batch', '--output', join(dir, 'x')],
      world.env,
    );
    expect(localRun.code).toBe(1);
    expect(localRun.stderr).toContain('AUG4028');
    const noAccount = await augc(
      ['run', aug, '--target', 'azure-batch', '--output', world.runUri('x')],
      {
        ...world.env,
        AUGC_AZURE_BATCH_ACCOUNT_URL: '',
      },
    );
    expect(noAccount.code).toBe(1);
    expect(noAccount.stderr).toContain('AUG4025');
    expect(world.batch.requests.length).toBe(sent);
  });
});
