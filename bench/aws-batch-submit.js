// AWS Batch submission cost, against the local Batch server of the tests (test/runtimes/aws-batch/
// fake, bundled here with esbuild) and fauxqs as S3, both on loopback: wall time of
// `augc run --target aws-batch` (compile, split into S3, submit) for a 10,000-task plan, the
// SubmitJob and other API calls it made, and the API calls one `augc status` poll makes. The
// server holds its queue, so no job runs.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const TASKS = 10_000;

async function loadFake(dir) {
  const { build } = await import('esbuild');
  const outfile = join(dir, 'fake-batch.mjs');
  await build({
    entryPoints: ['test/runtimes/aws-batch/fake/fake-batch.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  return import(pathToFileURL(outfile).href);
}

/** Runs the CLI without blocking this process, which serves S3 and Batch to it. */
function augc(args, env) {
  const t0 = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/augc.js', ...args], {
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d.toString()));
    child.stdout.resume();
    child.on('close', (status) =>
      resolve({ status, stderr, ms: Number(process.hrtime.bigint() - t0) / 1e6 }),
    );
  });
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'augc-bench-aws-'));
  const { FakeBatch } = await loadFake(dir);
  const { startFauxqs } = await import('fauxqs');
  const s3 = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false });
  s3.createBucket('bench');
  const batch = await new FakeBatch({ env: {} }).start();
  batch.table.paused = true;
  const env = {
    AWS_ENDPOINT_URL_S3: s3.address,
    AWS_ENDPOINT_URL_BATCH: batch.url,
    AWS_ACCESS_KEY_ID: 'AKIDBENCH',
    AWS_SECRET_ACCESS_KEY: 'bench-secret',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  try {
    const rows = Array.from({ length: TASKS }, (_, i) => `${i},sentence number ${i} for the bench`);
    writeFileSync(join(dir, 'data.csv'), `id,text\n${rows.join('\n')}\n`);
    writeFileSync(
      join(dir, 'b.aug'),
      `pipeline "bench" {\n  input "data.csv" { id = "id"  text = ["text"] }\n  method typo = keyboard_typo(aug_char_p = 0.1)\n  chunk { rows = 1 }\n  output "s3://bench/run" { format = jsonl }\n  target aws-batch { queue = "augc-test"  image = "augc-worker:bench" }\n}\n`,
    );
    const r = await augc(['run', join(dir, 'b.aug'), '--target', 'aws-batch'], env);
    const ops = (op) => batch.requests.filter((q) => q.op === op).length;
    const submitJobs = ops('submitjob');
    const allCalls = batch.requests.length;
    // From the first Batch call (after the split into S3) to the last SubmitJob.
    const submits = batch.requests.filter((q) => q.op === 'submitjob');
    const apiMs = (submits.at(-1)?.at ?? 0) - (batch.requests[0]?.at ?? 0);
    const before = batch.requests.length;
    const status = await augc(['status', 's3://bench/run'], env);
    const perPoll = batch.requests.length - before;
    return {
      title: 'AWS Batch: `augc run --target aws-batch` for a 10,000-task plan (submission only)',
      rows: [
        {
          tasks: TASKS,
          exit: r.status,
          runToSubmittedMs: Math.round(r.ms),
          batchCallsMs: apiMs,
          submitJobCalls: submitJobs,
          apiCallsToSubmit: allCalls,
          apiCallsPerStatusPoll: perPoll,
          statusExit: status.status,
        },
      ],
      checks: [
        {
          name: 'the run was submitted',
          ok: r.status === 0,
          detail: r.stderr.trim().split('\n').at(-1) ?? '',
        },
        {
          name: 'one SubmitJob for the array plus one for the finalizer',
          ok: submitJobs === 2,
          detail: `${submitJobs} SubmitJob call(s)`,
        },
        { name: 'one API call per status poll', ok: perPoll === 1, detail: `${perPoll} call(s)` },
      ],
    };
  } finally {
    await batch.stop();
    await s3.stop();
  }
}
