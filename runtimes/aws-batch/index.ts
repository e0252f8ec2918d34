/**
 * The `aws-batch` target: array jobs on AWS Batch through the batch orchestrator (rounds,
 * retries with escalation, a finalizer job that depends on the arrays). See
 * docs/runtimes/aws-batch.md.
 */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { Plan, PlanParamValue } from '../../compiler/plan/types.js';
import {
  AWS_PROBLEM_CODES,
  awsBatchProblems,
  describeAwsProblem,
} from '../../compiler/targets/aws-batch-limits.js';
import { makeBatchRuntime, type BatchRuntime } from '../batch/batch-runtime.js';
import { awsBatchBackendSpec } from './aws-backend.js';
import { definitionFor, imagesOfGroup } from './job-definition.js';
import { awsTargetOf } from './target-options.js';

function refuse(code: string, message: string, help?: string): Diagnostic {
  return { code, severity: 'error', message, ...(help ? { help } : {}) };
}

/** What AWS Batch would refuse, found before anything is uploaded or submitted. */
export function preflightAwsBatch(
  plan: Plan,
  options: Readonly<Record<string, PlanParamValue>>,
): Diagnostic | undefined {
  const target = awsTargetOf(options);
  if (!plan.output.uri.startsWith('s3://'))
    return refuse(
      'AUG5122',
      `AWS Batch jobs cannot reach the output \`${plan.output.uri}\`: it must be an \`s3://bucket/prefix\``,
      'pass `--output s3://bucket/prefix`',
    );
  if (target.queue === undefined)
    return refuse(
      'AUG5120',
      'target aws-batch needs `queue` (the job queue to submit to)',
      'set it in `target aws-batch { queue = "..." }`, the config file, or `--set target.aws-batch.queue="..."`',
    );
  const finalizer = definitionFor([], target);
  if (!finalizer.ok)
    return refuse(
      'AUG5120',
      `${finalizer.message}: the jobs need the augc worker image`,
      'set `image` (the worker image, see docker/) or `job_definition`',
    );
  for (const group of plan.groups) {
    const chosen = definitionFor(imagesOfGroup(plan, group), target);
    if (!chosen.ok) return refuse('AUG5121', `group \`${group.id}\`: ${chosen.message}`);
    const problem = awsBatchProblems(group.resources, target.platform)[0];
    if (problem) {
      const { message, help } = describeAwsProblem(problem);
      return refuse(AWS_PROBLEM_CODES[problem.kind], `group \`${group.id}\`: ${message}`, help);
    }
  }
  return undefined;
}

const runtime: BatchRuntime = makeBatchRuntime(awsBatchBackendSpec);
runtime.preflight = preflightAwsBatch;

export const awsBatchRuntime = runtime;
