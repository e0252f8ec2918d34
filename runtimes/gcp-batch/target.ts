/**
 * The gcp-batch target's options as the backend uses them, read from the plan (config file and
 * `AUGC_GCP_BATCH_*` were applied when the plan was made; nothing here reads the environment).
 */
import type { PlanParamValue } from '../../compiler/plan/types.js';

export interface GcpTarget {
  project: string;
  region: string;
  image?: string;
  machineType?: string;
  /** Default GPU type for groups that name none (augc name or Google type). */
  accelerator?: string;
  provisioning: 'STANDARD' | 'SPOT';
  serviceAccount?: string;
  network?: string;
  subnetwork?: string;
  noExternalIp: boolean;
  /** Where tasks see the run's bucket prefix through a GCS volume. */
  gcsMount?: string;
  /** `host[:port]`, or `http://host:port` for an emulator (no TLS, no credentials). */
  endpoint?: string;
  /** `array_limit`: tasks of one job running at once. */
  parallelism?: number;
}

type Options = Readonly<Record<string, PlanParamValue>>;

/** Cloud Batch runs at most 100,000 tasks in a task group. */
export const MAX_TASKS_PER_JOB = 100_000;

const str = (v: PlanParamValue | undefined): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;

function optional<K extends string>(key: K, value: string | number | undefined) {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

export type GcpTargetResult = { ok: true; target: GcpTarget } | { ok: false; missing: string[] };

export function gcpTargetOf(options: Options): GcpTargetResult {
  const project = str(options['project']);
  const region = str(options['region']);
  const missing = [...(project ? [] : ['project']), ...(region ? [] : ['region'])];
  if (project === undefined || region === undefined) return { ok: false, missing };
  const limit = options['array_limit'];
  const mount = str(options['gcs_mount'])?.replace(/\/+$/, '');
  return {
    ok: true,
    target: {
      project,
      region,
      provisioning: options['provisioning'] === 'spot' ? 'SPOT' : 'STANDARD',
      noExternalIp: options['no_external_ip'] === true,
      ...optional('image', str(options['image'])),
      ...optional('machineType', str(options['machine_type'])),
      ...optional('accelerator', str(options['accelerator'])),
      ...optional('serviceAccount', str(options['service_account'])),
      ...optional('network', str(options['network'])),
      ...optional('subnetwork', str(options['subnetwork'])),
      ...optional('gcsMount', mount),
      ...optional('endpoint', str(options['endpoint'])),
      ...(typeof limit === 'number' && Number.isInteger(limit) && limit > 0
        ? { parallelism: limit }
        : {}),
    },
  };
}

/** Tasks per job: `max_array_size` when set, never above what Batch accepts. */
export function tasksPerJob(options: Options): number {
  const max = options['max_array_size'];
  const asked =
    typeof max === 'number' && Number.isInteger(max) && max > 0 ? max : MAX_TASKS_PER_JOB;
  return Math.min(asked, MAX_TASKS_PER_JOB);
}
