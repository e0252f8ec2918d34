/**
 * The CreateJob request, unit by unit: task counts and the index list, resources and GPUs, Spot,
 * network and service account, a GCS volume, labels and job ids the service accepts (checked with
 * the Batch fake's own rules, written from the documentation), and the retries Batch does itself.
 */
import { describe, expect, it } from 'vitest';
import type { Plan, PlanResources, PlanRetry } from '../../../compiler/plan/types.js';
import type { ArraySubmission } from '../../../runtimes/batch/backend.js';
import { createJobRequest, type JobRequestSpec } from '../../../runtimes/gcp-batch/job-request.js';
import { groupImageOf } from '../../../runtimes/gcp-batch/group-image.js';
import { jobIdOf, runLabelOf } from '../../../runtimes/gcp-batch/names.js';
import { gcpTargetOf, tasksPerJob, type GcpTarget } from '../../../runtimes/gcp-batch/target.js';
import { combo, commandMethod, makePlan, stdlibMethod } from '../../engine/task-fixture.js';
import { checkCreateJob } from './fake-batch-rules.js';

const CPU: PlanResources = {
  cpus: 2,
  memoryBytes: 3 * 2 ** 30 + 1,
  gpus: 0,
  walltimeSeconds: 1800,
};
const TARGET: GcpTarget = {
  project: 'p',
  region: 'europe-west4',
  image: 'img',
  provisioning: 'STANDARD',
  noExternalIp: false,
};
const RETRY: PlanRetry = {
  attempts: 3,
  backoff: { kind: 'fixed', delaySeconds: 1 },
  on: [{ kind: 'preempted' }],
  escalate: [],
};

function plan(retry: PlanRetry = RETRY): Plan {
  return {
    ...makePlan({
      methods: [stdlibMethod('typo', 'keyboard_typo')],
      combos: [combo('typo')],
      chunks: 10,
    }),
    retry,
  };
}

function request(over: Partial<JobRequestSpec> = {}, job: Partial<ArraySubmission> = {}) {
  return createJobRequest({
    target: TARGET,
    plan: plan(),
    planUri: 'gs://b/run/_augc/plan.json',
    runLabel: runLabelOf('gs://b/run'),
    image: 'img',
    env: {},
    jobId: 'augc-test-r1-cpu-0-abcdef',
    job: {
      round: 1,
      attempt: 1,
      group: 'cpu-2c-3g-30m',
      groupDir: 'cpu-2c-3g-30m',
      offset: 0,
      indices: '0-9',
      resources: CPU,
      what: 'w',
      ...job,
    },
    ...over,
  });
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const group = (r: ReturnType<typeof createJobRequest>): Json => (r.job['taskGroups'] as Json[])[0]!;
const commands = (r: ReturnType<typeof createJobRequest>): string[] =>
  group(r)['taskSpec']['runnables'][0]['container']['commands'] as string[];

/** The request as the fake receives it: what the service's documented rules accept. */
function accepted(r: ReturnType<typeof createJobRequest>): void {
  checkCreateJob(JSON.parse(JSON.stringify(r)) as Json);
}

describe('CreateJob request', () => {
  it('one task group: task count, resources, walltime, the worker in the image', () => {
    const r = request();
    accepted(r);
    expect(r.parent).toBe('projects/p/locations/europe-west4');
    expect(group(r)['taskCount']).toBe(10);
    expect(group(r)['taskSpec']['computeResource']).toEqual({ cpuMilli: 2000, memoryMib: 3073 });
    expect(group(r)['taskSpec']['maxRunDuration']).toEqual({ seconds: 1800 });
    expect(group(r)['taskSpec']['runnables'][0]['container']).toMatchObject({
      imageUri: 'img',
      entrypoint: 'augc',
    });
    expect(commands(r)).toEqual([
      'worker',
      '--plan',
      'gs://b/run/_augc/plan.json',
      '--group',
      'cpu-2c-3g-30m',
      '--attempt',
      '1',
    ]);
    expect(r.job['logsPolicy']).toEqual({ destination: 'CLOUD_LOGGING' });
    expect(r.requestId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(request().requestId).toBe(r.requestId);
  });

  it('runs scattered indices as the n-th of an index list, after the offset', () => {
    const r = request({}, { indices: '1,4,7-8', offset: 100 });
    expect(group(r)['taskCount']).toBe(4);
    expect(commands(r)).toEqual(
      expect.arrayContaining(['--index-offset', '100', '--indices', '1,4,7-8']),
    );
    const tail = request({}, { indices: '3-7' });
    expect(group(tail)['taskCount']).toBe(5);
    expect(commands(tail)).toContain('3-7');
  });

  it('caps parallelism at array_limit and at the task count', () => {
    expect(group(request({ target: { ...TARGET, parallelism: 4 } }))['parallelism']).toBe(4);
    expect(group(request({ target: { ...TARGET, parallelism: 50 } }))['parallelism']).toBe(10);
    expect(group(request())['parallelism']).toBeUndefined();
  });

  it('asks for GPUs as Google accelerators, with drivers and the machine type that carries them', () => {
    const r = request({}, { resources: { ...CPU, gpus: 1, gpuType: 'a100' } });
    accepted(r);
    expect(r.job['allocationPolicy']).toMatchObject({
      instances: [
        {
          policy: {
            machineType: 'a2-highgpu-1g',
            accelerators: [{ type: 'nvidia-tesla-a100', count: 1 }],
          },
          installGpuDrivers: true,
        },
      ],
    });
    const t4 = request(
      { target: { ...TARGET, accelerator: 't4' } },
      { resources: { ...CPU, gpus: 2 } },
    );
    expect((t4.job['allocationPolicy'] as Json)['instances'][0]['policy']).toEqual({
      provisioningModel: 'STANDARD',
      accelerators: [{ type: 'nvidia-tesla-t4', count: 2 }],
    });
    expect(() => request({}, { resources: { ...CPU, gpus: 1, gpuType: 'mi300' } })).toThrow(
      /mi300/,
    );
  });

  it('Spot VMs, a service account, a network without external IPs', () => {
    const target: GcpTarget = {
      ...TARGET,
      provisioning: 'SPOT',
      machineType: 'n2-standard-4',
      serviceAccount: 'augc@p.iam.gserviceaccount.com',
      network: 'projects/p/global/networks/n',
      subnetwork: 'projects/p/regions/r/subnetworks/s',
      noExternalIp: true,
    };
    const r = request({ target });
    accepted(r);
    expect(r.job['allocationPolicy']).toMatchObject({
      instances: [{ policy: { machineType: 'n2-standard-4', provisioningModel: 'SPOT' } }],
      serviceAccount: { email: 'augc@p.iam.gserviceaccount.com' },
      network: {
        networkInterfaces: [
          {
            network: 'projects/p/global/networks/n',
            subnetwork: 'projects/p/regions/r/subnetworks/s',
            noExternalIpAddress: true,
          },
        ],
      },
    });
  });

  it('mounts the run as a GCS volume into the container when asked', () => {
    const mount = { remotePath: 'b/run', mountPath: '/mnt/disks/augc' };
    const r = request({ mount, planUri: '/mnt/disks/augc/_augc/plan.json' });
    accepted(r);
    expect(group(r)['taskSpec']['volumes']).toEqual([
      { gcs: { remotePath: 'b/run' }, mountPath: '/mnt/disks/augc' },
    ]);
    expect(group(r)['taskSpec']['runnables'][0]['container']['volumes']).toEqual([
      '/mnt/disks/augc:/mnt/disks/augc:rw',
    ]);
    expect(commands(r)).toContain('/mnt/disks/augc/_augc/plan.json');
  });

  it('labels and job ids the service accepts, even from long or odd names', () => {
    const name = 'Clinical Sentences: the FULL sweep, version 2 (final) with a very long name';
    const p = { ...plan(), pipeline: name };
    const jobId = jobIdOf({
      pipeline: name,
      round: 12,
      group: 'gpu-4c-16g-2h-a100',
      offset: 100_000,
      token: 'a1b2c3',
    });
    expect(jobId.length).toBeLessThanOrEqual(63);
    expect(jobId).toMatch(/^augc-clinical-sentences-.*-r12-gpu-4c-16g-2h-a100-100000-a1b2c3$/);
    const r = request({ plan: p, jobId, runLabel: runLabelOf('gs://b/Runs/2026 Sweep/') });
    accepted(r);
    expect(r.job['labels']).toMatchObject({
      'augc-pipeline': expect.stringMatching(/^clinical-sentences-the-full-sweep/),
      'augc-round': '1',
    });
    expect(runLabelOf('gs://b/Runs/2026 Sweep/')).toMatch(/^2026-sweep-[0-9a-f]{8}$/);
  });

  it('passes the launch environment to the runnable', () => {
    const r = request({ env: { AUGC_X: '1' } });
    expect(group(r)['taskSpec']['runnables'][0]['environment']).toEqual({
      variables: { AUGC_X: '1' },
    });
  });
});

describe('the retries Batch does itself, in the request', () => {
  it('tells the worker which of its exit codes Batch retries, and how often', () => {
    const retry: PlanRetry = { ...RETRY, on: [{ kind: 'exit', code: 3 }] };
    const r = request({ plan: plan(retry) });
    accepted(r);
    expect(group(r)['taskSpec']['maxRetryCount']).toBe(2);
    expect(commands(r)).toEqual(
      expect.arrayContaining(['--service-attempts', '3', '--service-retry-codes', '3']),
    );
  });
});

describe('target options', () => {
  it('needs project and region, and reads the rest from the plan', () => {
    expect(gcpTargetOf({ region: 'r' })).toEqual({ ok: false, missing: ['project'] });
    expect(
      gcpTargetOf({
        project: 'p',
        region: 'r',
        provisioning: 'spot',
        gcs_mount: '/mnt/x/',
        array_limit: 5,
      }),
    ).toEqual({
      ok: true,
      target: {
        project: 'p',
        region: 'r',
        provisioning: 'SPOT',
        noExternalIp: false,
        gcsMount: '/mnt/x',
        parallelism: 5,
      },
    });
    expect(tasksPerJob({})).toBe(100_000);
    expect(tasksPerJob({ max_array_size: 500 })).toBe(500);
    expect(tasksPerJob({ max_array_size: 1_000_000 })).toBe(100_000);
  });

  it("a group runs in its methods' image, else the target's; two images cannot share a job", () => {
    const imaged = makePlan({
      methods: [
        commandMethod('m', ['run.sh'], { image: 'ghcr.io/lab/m:1' }),
        stdlibMethod('typo', 'keyboard_typo'),
      ],
      combos: [combo('m'), combo('typo')],
    });
    const g = imaged.groups[0]!.id;
    expect(groupImageOf(imaged, g, 'img')).toEqual({ ok: true, image: 'ghcr.io/lab/m:1' });
    expect(groupImageOf(plan(), plan().groups[0]!.id, 'img')).toEqual({ ok: true, image: 'img' });
    expect(groupImageOf(plan(), plan().groups[0]!.id, undefined)).toMatchObject({ ok: false });
    const two = makePlan({
      methods: [
        commandMethod('a', ['a.sh'], { image: 'i/a:1' }),
        commandMethod('b', ['b.sh'], { image: 'i/b:1' }),
      ],
      combos: [combo('a'), combo('b')],
    });
    expect(groupImageOf(two, two.groups[0]!.id, 'img')).toMatchObject({
      ok: false,
      message: expect.stringContaining('different images'),
    });
  });
});
