/**
 * `s3://` run locations end to end, against a real S3-compatible server (fauxqs on loopback) and
 * the real SDK: the text example computed locally and on the real Slurm cluster, written to S3,
 * gives datasets and manifests byte-identical to a local folder run; `status` and `merge` work
 * on the URI; no planted credential reaches any object, script or log.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStorage } from '../../../engine/storage/open-storage.js';
import type { Storage } from '../../../engine/storage/storage.js';
import { augc, filesUnder, spawnAugc } from '../../cli/spawn-augc.js';
import { s3Env, startS3Server, type S3TestServer } from '../../engine/storage/s3-server.js';
import { assertClusterUp, clusterState } from '../slurm/cluster.js';

const PLANTED = 'planted-secret-5f0c9e2a-do-not-leak';
const cluster = clusterState();

function storageAt(uri: string): Storage {
  const opened = openStorage(uri);
  if (!opened.ok) throw new Error(opened.message);
  return opened.storage;
}

/** Every file of the run except augc's own records, with its bytes. */
async function dataFilesOf(storage: Storage): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const path of await storage.list('')) {
    if (path.startsWith('_augc/')) continue;
    const chunks: Uint8Array[] = [];
    for await (const c of storage.openSource(path).stream()) chunks.push(c);
    out.set(path, Buffer.concat(chunks));
  }
  return out;
}

function localFilesOf(root: string): Map<string, Buffer> {
  return new Map(filesUnder(root, ['_augc']).map((f) => [f, readFileSync(join(root, f))]));
}

async function everyObjectText(storage: Storage): Promise<string> {
  const texts: string[] = [];
  for (const path of await storage.list('')) {
    const chunks: Uint8Array[] = [];
    for await (const c of storage.openSource(path).stream()) chunks.push(c);
    texts.push(Buffer.concat(chunks).toString('latin1'));
  }
  return texts.join('\n');
}

describe('s3:// run locations', () => {
  let server: S3TestServer;
  let env: Record<string, string>;
  let dir: string;
  let aug: string;
  let local: Map<string, Buffer>;

  beforeAll(async () => {
    server = await startS3Server('augc-runs');
    // The planted secret is what every child gets; fauxqs does not check signatures.
    env = { ...s3Env(server.endpoint, PLANTED), AWS_EC2_METADATA_DISABLED: 'true' };
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    dir = mkdtempSync(join(tmpdir(), 'augc-s3-run-'));
    cpSync('examples', join(dir, 'examples'), { recursive: true });
    aug = join(dir, 'examples/clinical-sentences.aug');
    const r = await augc(['run', aug, '--output', join(dir, 'local')]);
    expect(r.code, r.stderr).toBe(0);
    local = localFilesOf(join(dir, 'local'));
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await server.stop();
  });

  it('computes locally into s3:// with outputs byte-identical to a folder run', async () => {
    const uri = `s3://${server.bucket}/runs/clinical`;
    const r = await augc(['run', aug, '--output', uri], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`manifest   ${uri}/manifest_final.csv`);
    const remote = await dataFilesOf(storageAt(uri));
    expect([...remote.keys()].sort()).toEqual([...local.keys()].sort());
    for (const [path, bytes] of local) expect(remote.get(path)?.equals(bytes), path).toBe(true);
    // The worker logs were kept locally while the pool ran and copied into the run at its end.
    expect(await storageAt(uri).exists('_augc/logs/worker-1.log')).toBe(true);
    // The run report, built from the records in the bucket and written into it.
    const html = await storageAt(uri).readText('_augc/report.html');
    expect(html).toContain('<h1>augc run report: clinical-sentences</h1>');
    expect(html).toMatch(/>complete<\/span><\/td><td class="num">27<\/td>/);
    const file = join(dir, 'from-s3.html');
    expect((await augc(['report', uri, '-o', file], env)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(html);

    const again = await augc(['run', aug, '--output', uri], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('task(s) are complete: nothing to run');

    const status = await augc(['status', uri, '--json'], env);
    expect(status.code, status.stderr).toBe(0);
    const report = JSON.parse(status.stdout) as { tasks: number; completed: number };
    expect(report.completed).toBe(report.tasks);
    const cancel = await augc(['cancel', uri], env);
    expect(cancel.code, cancel.stderr).toBe(0);
    expect(cancel.stderr).toContain(`nothing of ${uri} is running`);
    const merged = await augc(['merge', uri], env);
    expect(merged.code, merged.stderr).toBe(0);
    expect((await dataFilesOf(storageAt(uri))).get('manifest_final.csv')).toEqual(
      local.get('manifest_final.csv'),
    );
    expect(await everyObjectText(storageAt(uri))).not.toContain(PLANTED);
  });

  it('a worker SIGKILLed mid-task leaves no partial object recorded; the re-run matches', async () => {
    const uri = `s3://${server.bucket}/runs/killed`;
    const victim = 'combo_1_typo.c00001';
    const killed = await augc(['run', aug, '--output', uri, '--jobs', '2'], {
      ...env,
      AUGC_TEST_KILL_AFTER_ROWS: '3',
      AUGC_TEST_KILL_TASK: victim,
    });
    expect(killed.code, killed.stderr).toBe(1);
    expect(killed.stderr).toContain(`${victim} (`);
    const store = storageAt(uri);
    expect(await store.exists(`_augc/tasks/${victim}.json`)).toBe(false);
    expect(await store.exists('manifest_final.csv')).toBe(false);
    const crashed = await augc(['run', aug, '--output', uri, '--jobs', '2'], {
      ...env,
      AUGC_TEST_CRASH_AFTER: 'part',
      AUGC_TEST_FAULT_TASK: victim,
    });
    expect(crashed.code, crashed.stderr).toBe(1);
    expect(await store.exists(`_augc/tasks/${victim}.json`)).toBe(false);
    const resumed = await augc(['run', aug, '--output', uri, '--jobs', '2'], env);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('resuming: 26 task(s) complete, 1 to run');
    const remote = await dataFilesOf(store);
    for (const [path, bytes] of local) expect(remote.get(path)?.equals(bytes), path).toBe(true);
  });

  it('a driver SIGKILLed mid-run (tasks uploading): its lease expires, the re-run takes over and matches', async () => {
    const uri = `s3://${server.bucket}/runs/driver-killed`;
    const lease = { ...env, AUGC_LOCK_TTL_SECONDS: '2' };
    const run = spawnAugc(['run', aug, '--output', uri, '--jobs', '2'], lease);
    await run.waitForStderr(/augc: [1-9]\d*\/27 tasks/);
    run.child.kill('SIGKILL');
    await run.done;
    const store = storageAt(uri);
    expect(await store.exists('manifest_final.csv')).toBe(false);
    // The lease was renewed while the driver lived and now runs out: wait past it, no longer.
    await vi.waitFor(
      async () => {
        const lock = JSON.parse(await store.readText('_augc/lock')) as { expires: string };
        expect(Date.parse(lock.expires)).toBeLessThan(Date.now());
      },
      { timeout: 10_000, interval: 250 },
    );
    const resumed = await augc(['run', aug, '--output', uri, '--jobs', '2'], lease);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('warning[AUG5104]');
    const remote = await dataFilesOf(store);
    for (const [path, bytes] of local) expect(remote.get(path)?.equals(bytes), path).toBe(true);
  });

  it('refuses a second run of the same s3:// output while the first holds the lock', async () => {
    const uri = `s3://${server.bucket}/runs/locked`;
    const store = storageAt(uri);
    const owner = { pid: 1, host: 'elsewhere', start: new Date().toISOString(), command: 'x' };
    const expires = new Date(Date.now() + 600_000).toISOString();
    await store.writeAtomic('_augc/lock', JSON.stringify({ ...owner, expires }));
    const r = await augc(['run', aug, '--output', uri], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[AUG5103]');
    expect(r.stderr).toContain('on elsewhere');
  });

  it('says the store is unreachable (exit 69), not an internal error', async () => {
    const closed = { ...env, AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9', AWS_MAX_ATTEMPTS: '1' };
    const r = await augc(['run', aug, '--output', `s3://${server.bucket}/runs/x`], closed);
    expect(r.code, r.stderr).toBe(69);
    expect(r.stderr).toContain('error[AUG5116]');
    expect(r.stderr).not.toContain('AUG5099');
    const status = await augc(['status', `s3://${server.bucket}/runs/x`], closed);
    expect(status.code).toBe(69);
  });

  describe.runIf(cluster.run)('on the real Slurm cluster', () => {
    beforeAll(() => assertClusterUp());

    it('runs Slurm tasks that write to s3://, byte-identical to a folder run', async () => {
      const uri = `s3://${server.bucket}/runs/clinical-slurm`;
      const work = join(dir, 'slurm-work');
      const r = await augc(
        [
          'run',
          aug,
          '--target',
          'slurm',
          '--output',
          uri,
          '--wait',
          '--set',
          `target.slurm.workdir="${work}"`,
        ],
        { ...env, AUGC_GRID_POLL_MAX_MS: '1000' },
      );
      expect(r.code, r.stderr).toBe(0);
      const remote = await dataFilesOf(storageAt(uri));
      expect([...remote.keys()].sort()).toEqual([...local.keys()].sort());
      for (const [path, bytes] of local) expect(remote.get(path)?.equals(bytes), path).toBe(true);
      // Scripts, scheduler logs and exit statuses stay on the shared folder; no secret anywhere.
      const scripts = filesUnder(work).filter((f) => f.endsWith('.sh'));
      expect(scripts.length).toBeGreaterThan(0);
      for (const f of filesUnder(work))
        expect(readFileSync(join(work, f), 'latin1')).not.toContain(PLANTED);
      expect(await everyObjectText(storageAt(uri))).not.toContain(PLANTED);
      const status = await augc(['status', uri], env);
      expect(status.code, status.stderr).toBe(0);
      expect(status.stdout).toMatch(/\d+ completed, 0 running, 0 failed, 0 pending/);
    });
  });
});
