/**
 * The aws-batch target's options as the backend takes them, read from the plan (which already
 * holds what the config file, `AUGC_*` and `--set` said): nothing here reads the environment.
 */
import type { PlanParamValue } from '../../compiler/plan/types.js';
import { AWS_PLATFORMS, type AwsPlatform } from '../../compiler/targets/aws-batch-limits.js';

export const DEFAULT_LOG_GROUP = '/aws/batch/job';
/** The most indices one array job may hold (`arrayProperties.size`). */
export const AWS_ARRAY_MAX = 10_000;

export interface AwsTarget {
  queue?: string;
  region?: string;
  jobDefinition?: string;
  image?: string;
  platform: AwsPlatform;
  jobRoleArn?: string;
  executionRoleArn?: string;
  logGroup: string;
  shareIdentifier?: string;
  schedulingPriority?: number;
  window: number;
}

type Options = Readonly<Record<string, PlanParamValue>>;

const str = (v: PlanParamValue | undefined): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;

function put<K extends keyof AwsTarget>(t: AwsTarget, key: K, v: AwsTarget[K] | undefined) {
  if (v !== undefined) t[key] = v;
}

export function awsTargetOf(options: Options): AwsTarget {
  const platform = AWS_PLATFORMS.find((p) => p === options['platform']) ?? 'ec2';
  const max = options['max_array_size'];
  const t: AwsTarget = {
    platform,
    logGroup: str(options['log_group']) ?? DEFAULT_LOG_GROUP,
    window: typeof max === 'number' && max >= 1 ? Math.min(max, AWS_ARRAY_MAX) : AWS_ARRAY_MAX,
  };
  put(t, 'queue', str(options['queue']));
  put(t, 'region', str(options['region']));
  put(t, 'jobDefinition', str(options['job_definition']));
  put(t, 'image', str(options['image']));
  put(t, 'jobRoleArn', str(options['job_role_arn']));
  put(t, 'executionRoleArn', str(options['execution_role_arn']));
  put(t, 'shareIdentifier', str(options['share_identifier']));
  const priority = options['scheduling_priority'];
  if (typeof priority === 'number') t.schedulingPriority = priority;
  return t;
}
