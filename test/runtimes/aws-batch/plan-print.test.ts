/**
 * `augc plan --target aws-batch` and `augc run --dry-run` print the exact RegisterJobDefinition
 * and SubmitJob inputs (each fits the service's documented request shape and limits) and submit
 * nothing; plans AWS Batch would refuse are refused first, with their codes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { augc } from '../../cli/spawn-augc.js';
import { checkRequest } from './fake/shapes.js';
import { submitProblem } from './fake/limits.js';
import { IMAGE, QUEUE, startHarness, storageAt, targetSets, type Harness } from './harness.js';

let h: Harness;
let dir: string;

function write(name: string, body: string): string {
  const file = join(dir, `${name}.aug`);
  writeFileSync(
    file,
    `pipeline "${name}" {\n  input "rows.csv" {\n    id = "id"\n    text = ["text"]\n  }\n${body}\n}\n`,
  );
  return file;
}

/** The `# Op` blocks of the printed requests: the op and its parsed input. */
function blocks(stdout: string): { op: string; input: Record<string, unknown> }[] {
  return [
    ...stdout.matchAll(/^# (SubmitJob|RegisterJobDefinition)[^\n]*\n(\{[\s\S]*?\n\})\n/gm),
  ].map((m) => ({ op: m[1] ?? '', input: JSON.parse(m[2] ?? '{}') as Record<string, unknown> }));
}

beforeAll(async () => {
  h = await startHarness({}, false);
  dir = mkdtempSync(join(tmpdir(), 'augc-aws-plan-'));
  writeFileSync(
    join(dir, 'rows.csv'),
    'id,text\n1,one two three\n2,four five six\n3,seven eight\n',
  );
});
afterAll(async () => {
  await h.stop();
});

describe('aws-batch requests shown, nothing submitted', () => {
  it('`augc run --dry-run` prints the definition and SubmitJob inputs and submits nothing', async () => {
    const uri = `s3://${h.s3.bucket}/runs/dry`;
    const r = await augc(
      ['run', h.aug, '--target', 'aws-batch', '--output', uri, '--dry-run', ...targetSets()],
      h.env,
    );
    expect(r.code, r.stderr).toBe(0);
    const shown = blocks(r.stdout);
    expect(shown.map((b) => b.op)).toEqual(['RegisterJobDefinition', 'SubmitJob', 'SubmitJob']);
    for (const b of shown) expect(checkRequest(b.op.toLowerCase(), b.input)).toBeUndefined();
    const [definition, array, finalizer] = shown.map((b) => b.input);
    expect(definition).toMatchObject({ type: 'container', containerProperties: { image: IMAGE } });
    expect(array).toMatchObject({
      jobQueue: QUEUE,
      jobDefinition: definition?.['jobDefinitionName'],
      arrayProperties: { size: 27 },
      containerOverrides: {
        command: [
          'augc',
          'worker',
          '--plan',
          `${uri}/_augc/plan.json`,
          '--group',
          'cpu-1c-1g-10m',
          '--index-offset',
          '0',
          '--attempt',
          '1',
          '--service-attempts',
          '2',
        ],
        resourceRequirements: [
          { type: 'VCPU', value: '1' },
          { type: 'MEMORY', value: '1024' },
        ],
      },
      retryStrategy: {
        attempts: 2,
        evaluateOnExit: [
          { onStatusReason: 'Host EC2*', action: 'RETRY' },
          { onReason: '*', action: 'EXIT' },
        ],
      },
      timeout: { attemptDurationSeconds: 600 },
      propagateTags: true,
      tags: { 'augc:pipeline': 'clinical-sentences', 'augc:group': 'cpu-1c-1g-10m' },
    });
    const queue = { name: QUEUE, platform: 'EC2' as const };
    expect(submitProblem(array as never, queue, () => true)).toBeUndefined();
    expect(finalizer).toMatchObject({
      dependsOn: [{ jobId: '<job-1>' }],
      containerOverrides: { command: ['augc', 'finalize', uri, '--round', '1'] },
    });
    expect(h.batch.requests).toEqual([]);
    expect(await storageAt(uri).list('')).toEqual([]);
  });

  it('`augc plan --target aws-batch` shows the same, with fair-share fields when set', async () => {
    const file = write(
      'shown',
      '  method typo = keyboard_typo()\n  output "s3://augc-runs/shown" {\n    format = csv\n  }',
    );
    const r = await augc(
      [
        'plan',
        file,
        '--target',
        'aws-batch',
        ...targetSets({ share_identifier: '"lab"', scheduling_priority: '7' }),
      ],
      h.env,
    );
    expect(r.code, r.stderr).toBe(0);
    const submits = blocks(r.stdout).filter((b) => b.op === 'SubmitJob');
    expect(submits).toHaveLength(2);
    // Three rows in one chunk: a single task is a plain job, not an array of one.
    expect(submits[0]?.input['arrayProperties']).toBeUndefined();
    expect(submits[0]?.input).toMatchObject({
      shareIdentifier: 'lab',
      schedulingPriorityOverride: 7,
    });
    expect((submits[0]?.input['containerOverrides'] as { command: string[] }).command).toContain(
      '--index',
    );
    expect(h.batch.requests).toEqual([]);
  });

  it('a group whose command method has its own image gets a definition of that image', async () => {
    const file = write(
      'own-image',
      '  method shout = command("tr a-z A-Z") {\n    io = stdio\n    image = "lab/shout:1"\n  }\n  output "s3://augc-runs/own" {\n    format = csv\n  }',
    );
    const r = await augc(['plan', file, '--target', 'aws-batch', ...targetSets()], h.env);
    expect(r.code, r.stderr).toBe(0);
    const shown = blocks(r.stdout);
    const defs = shown.filter((b) => b.op === 'RegisterJobDefinition').map((b) => b.input);
    const image = (d: Record<string, unknown> | undefined) =>
      (d?.['containerProperties'] as { image: string } | undefined)?.image;
    expect(defs.map(image)).toEqual(['lab/shout:1', IMAGE]);
    const [task, finalizer] = shown.filter((b) => b.op === 'SubmitJob').map((b) => b.input);
    expect(task?.['jobDefinition']).toBe(defs[0]?.['jobDefinitionName']);
    expect(finalizer?.['jobDefinition']).toBe(defs[1]?.['jobDefinitionName']);
  });

  it('refuses what AWS Batch would refuse, before anything is sent', async () => {
    const local = write(
      'local-out',
      '  method typo = keyboard_typo()\n  output "out" {\n    format = csv\n  }',
    );
    const notS3 = await augc(['plan', local, '--target', 'aws-batch', ...targetSets()], h.env);
    expect(notS3.code).toBe(1);
    expect(notS3.stderr).toContain('error[AUG5122]');

    const s3 = '  output "s3://augc-runs/x" {\n    format = csv\n  }';
    const plain = write('plain', `  method typo = keyboard_typo()\n${s3}`);
    const noQueue = await augc(
      ['plan', plain, '--target', 'aws-batch', '--set', `target.aws-batch.image="${IMAGE}"`],
      h.env,
    );
    expect(noQueue.code).toBe(1);
    expect(noQueue.stderr).toContain('error[AUG5120]');
    expect(noQueue.stderr).toContain('needs `queue`');
    const noImage = await augc(
      ['plan', plain, '--target', 'aws-batch', '--set', `target.aws-batch.queue="${QUEUE}"`],
      h.env,
    );
    expect(noImage.stderr).toContain('error[AUG5120]');

    const images = write(
      'images',
      `  method a = command("tr a b") {\n    io = stdio\n    image = "lab/a:1"\n  }\n  method b = command("tr c d") {\n    io = stdio\n    image = "lab/b:1"\n  }\n  combos {\n    up_to = 2\n  }\n${s3}`,
    );
    const mixed = await augc(['plan', images, '--target', 'aws-batch', ...targetSets()], h.env);
    expect(mixed.code, mixed.stderr).toBe(1);
    expect(mixed.stderr).toContain('error[AUG5121]');
    expect(h.batch.requests).toEqual([]);
  });
});
