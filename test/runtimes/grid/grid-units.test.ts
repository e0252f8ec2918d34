import { describe, expect, it } from 'vitest';
import { classifyFailure } from '../../../runtimes/batch/classify-failure.js';
import { formatIndices, parseIndices, spanOf } from '../../../runtimes/batch/index-spec.js';
import { finalizerScript, taskScript } from '../../../runtimes/grid/job-script.js';
import { hms, mebibytes, slurmTime } from '../../../runtimes/grid/resource-format.js';
import { SchedulerClient } from '../../../runtimes/grid/scheduler-client.js';
import { jobNameOf, shellQuote } from '../../../runtimes/grid/shell-quote.js';
import { gridTargetOf, layeredOptions } from '../../../runtimes/grid/target-options.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('index specs', () => {
  it('compresses indices to ranges and back', () => {
    expect(formatIndices([7, 3, 4, 5, 12, 9, 10])).toBe('3-5,7,9-10,12');
    expect(parseIndices('3-5,7')).toEqual([3, 4, 5, 7]);
    expect(spanOf('3,7,12-15')).toEqual({ first: 3, last: 15 });
  });
});

describe('resource formats', () => {
  it('rounds memory up to MiB and writes times', () => {
    expect(mebibytes(1)).toBe(1);
    expect(mebibytes(2 * 1024 ** 3)).toBe(2048);
    expect(hms(90_000)).toBe('25:00:00');
    expect(slurmTime(59)).toBe('00:00:59');
    expect(slurmTime(86_400 * 2 + 61)).toBe('2-00:01:01');
  });
});

describe('shell quoting', () => {
  const hostile = [`$(touch x)`, '`touch x`', 'a;touch x', "it's", 'a\nb', 'a"b', '$HOME', 'a b'];
  it.each(hostile)('bash reads %j back unchanged', (value) => {
    const out = execFileSync('bash', ['-c', `printf '%s' ${shellQuote(value)}`]).toString();
    expect(out).toBe(value);
  });

  it('keeps job names to safe characters', () => {
    expect(jobNameOf('augc', 'a;b $(x)', 'g')).toBe('augc-a_b___x_-g');
  });

  it('generates scripts where hostile values stay data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'augc-script-'));
    const hostileRoot = join(dir, 'r $(touch pwned) `touch pwned2`; touch pwned3 \' "');
    const fake = join(dir, 'fake-augc.sh');
    writeFileSync(fake, '#!/bin/sh\nprintf "%s\\n" "$@" > "$ARGS_OUT"\n');
    const script = taskScript({
      launch: { program: 'sh', args: [fake], env: {} },
      root: dir,
      planUri: `${hostileRoot}/_augc/plan.json`,
      group: "g'; touch pwned4; '",
      groupDir: 'g',
      offset: 5,
      attempt: 1,
      indexExpression: '${SLURM_ARRAY_TASK_ID:-}',
      jobIdExpression: '${SLURM_JOB_ID:-unknown}',
      header: 'h $(touch pwned5)\nx',
    });
    writeFileSync(join(dir, 'job.sh'), script);
    const env = { ...process.env, SLURM_ARRAY_TASK_ID: '2', ARGS_OUT: join(dir, 'args') };
    execFileSync('bash', [join(dir, 'job.sh')], { cwd: dir, env });
    const args = execFileSync('cat', [join(dir, 'args')])
      .toString()
      .split('\n');
    expect(args).toEqual([
      'worker',
      '--plan',
      `${hostileRoot}/_augc/plan.json`,
      '--group',
      "g'; touch pwned4; '",
      '--index',
      '7',
      '--attempt',
      '1',
      '',
    ]);
    expect(execFileSync('ls', [dir]).toString()).not.toMatch(/pwned/);
    expect(execFileSync('cat', [join(dir, '_augc/batch/exit/g/7.1')]).toString()).toBe('0\n');
    expect(
      finalizerScript({
        launch: { program: 'node', args: ['/x y/augc.js'], env: { AWS_REGION: "a'b" } },
        root: '/r',
        runUri: 's3://b/p $(x)',
        round: 2,
        header: 'h',
      }),
    ).toContain(
      `run='s3://b/p $(x)'\ncd "$root" || exit 1\nexec env 'AWS_REGION=a'\\''b' node '/x y/augc.js' finalize "$run" --round 2`,
    );
  });
});

describe('failure classes', () => {
  it('trusts the scheduler state over exit statuses', () => {
    expect(
      classifyFailure({ jobId: '1', index: 0, state: 'timeout', raw: 'TIMEOUT' }, undefined, 143)
        .errorClass,
    ).toBe('timeout');
    expect(
      classifyFailure(
        { jobId: '1', index: 0, state: 'oom', raw: 'OUT_OF_MEMORY' },
        undefined,
        undefined,
      ).errorClass,
    ).toBe('oom');
    expect(
      classifyFailure({ jobId: '1', index: 0, state: 'failed', raw: 'FAILED' }, undefined, 3),
    ).toMatchObject({ errorClass: 'exit(3)', exitCode: 3 });
    expect(classifyFailure(undefined, undefined, undefined).errorClass).toBe('error');
  });
});

describe('scheduler client', () => {
  it('retries transient failures and counts calls', async () => {
    let n = 0;
    const client = new SchedulerClient(
      () =>
        Promise.resolve(
          ++n < 3
            ? { exitCode: 1, stdout: '', stderr: 'Socket timed out', missing: false }
            : { exitCode: 0, stdout: '42', stderr: '', missing: false },
        ),
      { retryBaseMs: 1 },
    );
    expect((await client.run(['sbatch'])).stdout).toBe('42');
    expect(client.calls).toBe(3);
  });
});

describe('target options', () => {
  it('layers config file < AUGC_* env < pipeline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'augc-conf-'));
    writeFileSync(
      join(dir, 'c.yaml'),
      'slurm:\n  partition: fromfile\n  account: fileacct\n  qos: fileqos\n',
    );
    const env = {
      AUGC_CONFIG: join(dir, 'c.yaml'),
      AUGC_SLURM_ACCOUNT: 'envacct',
      AUGC_SLURM_QOS: 'envqos',
      AUGC_SLURM_ARRAY_LIMIT: '7',
    };
    const opts = layeredOptions('slurm', env, { qos: 'planqos' });
    expect(gridTargetOf(opts)).toEqual({
      queue: 'fromfile',
      account: 'envacct',
      qos: 'planqos',
      arrayLimit: 7,
      extra: [],
    });
  });
});
