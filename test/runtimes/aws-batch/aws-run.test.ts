/**
 * `augc run --target aws-batch` end to end: the real SDK client against the local Batch server
 * (only its endpoint changed), each job run as a local process writing to fauxqs, the text
 * example compared byte for byte with a local folder run; with `--wait` and without it (the
 * dependent finalizer job then completes the run); no planted credential anywhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { augc, filesUnder } from '../../cli/spawn-augc.js';
import {
  dataFilesOf,
  everyObjectText,
  PLANTED,
  startHarness,
  storageAt,
  targetSets,
  type Harness,
} from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

function expectSameAsLocal(remote: Map<string, Buffer>): void {
  expect([...remote.keys()].sort()).toEqual([...h.local.keys()].sort());
  for (const [path, bytes] of h.local) expect(remote.get(path)?.equals(bytes), path).toBe(true);
}

const LONG = 400_000;

describe('augc run --target aws-batch', () => {
  it(
    '--wait: the array and the dependent finalizer complete the run, byte-identical to a folder run',
    async () => {
      const uri = `s3://${h.s3.bucket}/runs/wait`;
      const r = await augc(
        ['run', h.aug, '--target', 'aws-batch', '--output', uri, '--wait', ...targetSets()],
        h.env,
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/submitted 27 task\(s\) as 1 array job\(s\) and a finalizer/);
      expect(r.stdout).toContain(`manifest   ${uri}/manifest_final.csv`);
      expectSameAsLocal(await dataFilesOf(storageAt(uri)));
      // One SubmitJob for the group's array (27 children), one for the finalizer depending on it.
      const submits = h.batch.requests.filter((q) => q.op === 'submitjob');
      expect(submits).toHaveLength(2);
      const [array, finalizer] = submits.map((q) => JSON.parse(q.body) as Record<string, unknown>);
      expect(array?.['arrayProperties']).toEqual({ size: 27 });
      expect(finalizer?.['dependsOn']).toEqual([{ jobId: h.batch.jobsNamed(/-r1-0$/)[0]?.jobId }]);
      expect(h.batch.jobsNamed(/finalize-r1$/)[0]?.status).toBe('SUCCEEDED');

      // Each task's record names the CloudWatch stream its attempt wrote to.
      const status = await augc(['status', uri, '--task', 'combo_1_syn.c00001'], h.env);
      expect(status.code, status.stderr).toBe(0);
      const stream = /stream (augc-worker-[0-9a-f]+\/default\/[0-9a-f]+)/.exec(status.stdout)?.[1];
      expect(stream, status.stdout).toBeDefined();
      expect(h.batch.logs.get(stream ?? '')?.join('\n')).toContain('combo_1_syn.c00001 complete');
    },
    LONG,
  );

  it(
    'without --wait returns once submitted; the dependent finalizer job completes the run',
    async () => {
      const uri = `s3://${h.s3.bucket}/runs/detached`;
      const r = await augc(
        ['run', h.aug, '--target', 'aws-batch', '--output', uri, ...targetSets()],
        h.env,
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('submitted 27 task(s)');
      expect(await storageAt(uri).exists('manifest_final.csv')).toBe(false);
      await h.batch.idle();
      expect(h.batch.jobsNamed(/finalize-r1$/).at(-1)?.status).toBe('SUCCEEDED');
      expectSameAsLocal(await dataFilesOf(storageAt(uri)));
      const status = await augc(['status', uri], h.env);
      expect(status.code, status.stderr).toBe(0);
      expect(status.stdout).toContain('27 completed, 0 running, 0 failed, 0 pending');
      // The array's own counts, from its statusSummary.
      expect(status.stdout).toMatch(
        /array [0-9a-f-]+: 0 queued, 0 running, 27 succeeded, 0 failed/,
      );
      expect(status.stdout).toContain('finished: completed');
      // The second run found the first one's job definition: no new revision per run.
      expect(h.batch.requests.filter((q) => q.op === 'registerjobdefinition')).toHaveLength(1);
      expect(h.batch.definitions).toHaveLength(1);
    },
    LONG,
  );

  it('leaves the planted credential in no request, log, record or object', async () => {
    expect(h.batch.requests.length).toBeGreaterThan(0);
    for (const q of h.batch.requests) expect(q.body).not.toContain(PLANTED);
    for (const lines of h.batch.logs.values()) expect(lines.join('\n')).not.toContain(PLANTED);
    expect(await everyObjectText(storageAt(`s3://${h.s3.bucket}/runs`))).not.toContain(PLANTED);
    for (const f of filesUnder(h.dir))
      expect(readFileSync(join(h.dir, f), 'latin1')).not.toContain(PLANTED);
  });
});
