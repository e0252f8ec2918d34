/**
 * Failures on AWS Batch, injected by the local server the way the service reports them: a Spot
 * loss is retried by Batch itself; an out-of-memory kill is retried by augc in a new round with
 * doubled memory; an always-failing task ends the run with exit 1 naming it and its log stream;
 * `augc cancel` terminates the run's jobs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { augc } from '../../cli/spawn-augc.js';
import { OOM_REASON, SPOT_REASON } from './fake/containers.js';
import {
  everyObjectText,
  PLANTED,
  startHarness,
  storageAt,
  targetSets,
  type Harness,
} from './harness.js';

let h: Harness;
let dir: string;

const ROWS = [
  'id,text',
  '1,the cat sat on the mat today',
  '2,a dog ran in the park quickly',
  '3,she reads books every night',
  '4,we walk to school in the morning',
];

function pipeline(name: string, methods: string, rowsPerChunk: number): string {
  const file = join(dir, `${name}.aug`);
  writeFileSync(
    file,
    `pipeline "${name}" {
  seed = 7
  input "rows.csv" {
    id = "id"
    text = ["text"]
  }
${methods}
  chunk {
    rows = ${rowsPerChunk}
  }
  resources {
    memory = 1GiB
    walltime = 5m
  }
  retry {
    attempts = 2
    backoff = fixed(1s)
    on = [preempted, oom, exit(3)]
    escalate {
      memory = 2x
    }
  }
  output "out" {
    format = csv
  }
}
`,
  );
  return file;
}

const TYPO = '  method typo = keyboard_typo(aug_char_p = 0.1)';
const LONG = 180_000;

beforeAll(async () => {
  h = await startHarness({}, false);
  dir = mkdtempSync(join(tmpdir(), 'augc-aws-faults-'));
  writeFileSync(join(dir, 'rows.csv'), `${ROWS.join('\n')}\n`);
});
afterAll(async () => {
  await h.stop();
});

function run(file: string, uri: string, ...more: string[]) {
  return augc(
    ['run', file, '--target', 'aws-batch', '--output', uri, ...more, ...targetSets()],
    h.env,
  );
}

function submitted(pattern: RegExp) {
  return h.batch.requests
    .filter((q) => q.op === 'submitjob')
    .map(
      (q) =>
        JSON.parse(q.body) as {
          jobName: string;
          containerOverrides: {
            command: string[];
            resourceRequirements: { type: string; value: string }[];
          };
        },
    )
    .filter((b) => pattern.test(b.jobName));
}

describe('failures on aws-batch', () => {
  it(
    'a Spot loss on one child is retried by Batch and the run completes',
    async () => {
      const file = pipeline('spot', TYPO, 2);
      h.batch.inject = (job, attempt) =>
        /^augc-spot-/.test(job.input.jobName ?? '') && job.index === 1 && attempt === 1
          ? 'spot'
          : undefined;
      const r = await run(file, `s3://${h.s3.bucket}/runs/spot`, '--wait');
      expect(r.code, r.stderr).toBe(0);
      const child = [...h.batch.table.jobs.values()].find(
        (j) => /^augc-spot-.*-r1-/.test(j.input.jobName ?? '') && j.index === 1,
      );
      expect(child?.attempts.map((a) => a.statusReason ?? 'ok')).toEqual([SPOT_REASON, 'ok']);
      expect(child?.status).toBe('SUCCEEDED');
      // No second round: Batch's own retry was enough.
      expect(submitted(/^augc-spot-.*-r2-/)).toHaveLength(0);
    },
    LONG,
  );

  it(
    'an OOM kill is retried by augc in a new round with doubled memory',
    async () => {
      const file = pipeline('oom', TYPO, 2);
      h.batch.inject = (job, _attempt, memoryMiB) =>
        /^augc-oom-/.test(job.input.jobName ?? '') && job.index === 0 && memoryMiB < 2048
          ? 'oom'
          : undefined;
      const uri = `s3://${h.s3.bucket}/runs/oom`;
      const r = await run(file, uri, '--wait');
      expect(r.code, r.stderr).toBe(0);
      const first = submitted(/^augc-oom-.*-r1-/)[0];
      const second = submitted(/^augc-oom-.*-r2-/)[0];
      const memory = (b: typeof first) =>
        b?.containerOverrides.resourceRequirements.find((x) => x.type === 'MEMORY')?.value;
      expect(memory(first)).toBe('1024');
      expect(memory(second)).toBe('2048');
      expect(second?.containerOverrides.command).toEqual(
        expect.arrayContaining(['--attempt', '2', '--index', '0']),
      );
      const killed = [...h.batch.table.jobs.values()].find(
        (j) => /^augc-oom-.*-r1-/.test(j.input.jobName ?? '') && j.index === 0,
      );
      expect(killed?.attempts[0]?.container.reason).toBe(OOM_REASON);
      const record = JSON.parse(
        await storageAt(uri).readText('_augc/attempts/combo_1_typo.c00000.1.json'),
      ) as { error_class: string; log?: string };
      expect(record.error_class).toBe('oom');
      expect(record.log).toMatch(/^CloudWatch Logs group \/aws\/batch\/job, stream augc-worker-/);
      expect(await storageAt(uri).exists('manifest_final.csv')).toBe(true);
    },
    LONG,
  );

  it(
    'without --wait, an OOM kill fails the dependent finalizer: status says so, `augc finalize` continues',
    async () => {
      const file = pipeline('oomd', TYPO, 2);
      h.batch.inject = (job, _attempt, memoryMiB) =>
        /^augc-oomd-/.test(job.input.jobName ?? '') && job.index === 1 && memoryMiB < 2048
          ? 'oom'
          : undefined;
      const uri = `s3://${h.s3.bucket}/runs/oom-detached`;
      const r = await run(file, uri);
      expect(r.code, r.stderr).toBe(0);
      await h.batch.idle();
      expect(h.batch.jobsNamed(/^augc-oomd-finalize-r1$/)[0]?.statusReason).toBe(
        'Dependent Job failed',
      );
      const status = await augc(['status', uri], h.env);
      expect(status.stdout).toContain(`\`augc finalize ${uri} --round 1\` continues the run`);
      const fin = await augc(['finalize', uri, '--round', '1'], h.env);
      expect(fin.code, fin.stderr).toBe(0);
      expect(fin.stderr).toContain('1 task(s) resubmitted as round 2');
      await h.batch.idle();
      expect(h.batch.jobsNamed(/^augc-oomd-finalize-r2$/)[0]?.status).toBe('SUCCEEDED');
      const after = await augc(['status', uri], h.env);
      expect(after.stdout).toContain('finished: completed');
    },
    LONG,
  );

  it(
    'an always-failing child ends the run with exit 1, naming the task and its log stream',
    async () => {
      const file = pipeline('failing', `${TYPO}\n  method bad = command("sh -c 'exit 3'")`, 10);
      h.batch.inject = undefined;
      const uri = `s3://${h.s3.bucket}/runs/failing`;
      const r = await run(file, uri, '--wait');
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('combo_1_bad.c00000');
      const stream = /stream (augc-worker-[0-9a-f]+\/default\/[0-9a-f]+)/.exec(r.stderr)?.[1];
      expect(stream, r.stderr).toBeDefined();
      expect(h.batch.logs.get(stream ?? '')?.join('\n')).toContain('combo_1_bad.c00000');
      // exit(3) is declared: Batch retried it once, and the last try handed the failure to the finalizer.
      const child = h.batch.jobsNamed(/^augc-failing-.*-r1-/).find((j) => j.index === 1);
      expect(child?.attempts.map((a) => a.container.exitCode)).toEqual([3, 0]);
      expect(h.batch.jobsNamed(/^augc-failing-finalize-r1$/)[0]?.status).toBe('FAILED');
      const status = await augc(['status', uri, '--task', 'combo_1_bad.c00000'], h.env);
      expect(status.stdout).toContain('attempt 2  failed (exit(3))');
      expect(status.stdout).toContain(`stream ${stream ?? ''}`);
      const unknown = await augc(['status', uri, '--task', 'combo_9_nope.c00000'], h.env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('error[AUG5123]: the run has no task `combo_9_nope.c00000`');
    },
    LONG,
  );

  it(
    'without --wait, the finalizer job itself resubmits a recorded retryable failure as a new round',
    async () => {
      // SIGKILL of a command counts as `oom` for the retry rule (docs/runtimes/local.md); the
      // container lives on, so the worker records it and Batch sees the array succeed.
      const file = pipeline('killed', `${TYPO}\n  method bad = command("sh -c 'kill -9 $$'")`, 10);
      h.batch.inject = undefined;
      const uri = `s3://${h.s3.bucket}/runs/killed`;
      const r = await run(file, uri);
      expect(r.code, r.stderr).toBe(0);
      await h.batch.idle();
      const second = submitted(/^augc-killed-.*-r2-/)[0];
      expect(second?.containerOverrides.command).toEqual(
        expect.arrayContaining(['--attempt', '2', '--index', '1']),
      );
      const memory = second?.containerOverrides.resourceRequirements.find(
        (x) => x.type === 'MEMORY',
      );
      expect(memory?.value).toBe('2048');
      expect(h.batch.jobsNamed(/^augc-killed-finalize-r1$/)[0]?.status).toBe('SUCCEEDED');
      expect(h.batch.jobsNamed(/^augc-killed-finalize-r2$/)[0]?.status).toBe('FAILED');
      const status = await augc(['status', uri], h.env);
      expect(status.stdout).toContain('finished: failed');
      expect(status.stdout).toContain('1 completed, 0 running, 1 failed');
    },
    LONG,
  );

  it(
    '`augc cancel` terminates every job of the run with a reason and records it',
    async () => {
      const file = pipeline('cancel', TYPO, 2);
      h.batch.table.paused = true;
      const uri = `s3://${h.s3.bucket}/runs/cancel`;
      const r = await run(file, uri);
      expect(r.code, r.stderr).toBe(0);
      const c = await augc(['cancel', uri], h.env);
      h.batch.table.paused = false;
      expect(c.code, c.stderr).toBe(0);
      const jobs = h.batch.jobsNamed(/^augc-cancel-/).filter((j) => j.parentId === undefined);
      expect(jobs).toHaveLength(2);
      const terminated = h.batch.requests
        .filter((q) => q.op === 'terminatejob')
        .map((q) => JSON.parse(q.body) as { jobId: string; reason: string });
      expect(terminated.map((t) => t.jobId).sort()).toEqual(jobs.map((j) => j.jobId).sort());
      for (const t of terminated) expect(t.reason).toBe('augc cancel: the run was cancelled');
      for (const j of h.batch.jobsNamed(/^augc-cancel-/)) expect(j.status).toBe('FAILED');
      expect(await storageAt(uri).exists('_augc/batch/cancelled.json')).toBe(true);
      const status = await augc(['status', uri], h.env);
      expect(status.stdout).toContain('cancelled with `augc cancel`');
    },
    LONG,
  );

  it('leaves the planted credential in no request, log, record or object', async () => {
    expect(h.batch.requests.length).toBeGreaterThan(0);
    for (const q of h.batch.requests) expect(q.body).not.toContain(PLANTED);
    for (const lines of h.batch.logs.values()) expect(lines.join('\n')).not.toContain(PLANTED);
    expect(await everyObjectText(storageAt(`s3://${h.s3.bucket}/runs`))).not.toContain(PLANTED);
  });
});
