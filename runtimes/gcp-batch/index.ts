/**
 * The `gcp-batch` runtime: the batch orchestrator (runtimes/batch/) over the Cloud Batch backend.
 * Its preflight refuses, before anything is written, a plan this target cannot run as configured:
 * an output that is not `gs://`, missing options, a group without an image, a GPU with no Google
 * accelerator.
 */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { Plan, PlanParamValue } from '../../compiler/plan/types.js';
import { gcpGpuOf } from '../../compiler/targets/gcp-accelerators.js';
import { schemeOf } from '../../engine/storage/open-storage.js';
import type { BatchBackendSpec } from '../batch/backend.js';
import { makeBatchRuntime, type BatchRuntime } from '../batch/batch-runtime.js';
import { GcpBackend, type GcpConfig } from './gcp-backend.js';
import { groupImageOf } from './group-image.js';
import { runLabelOf } from './names.js';
import { gcpTargetOf, tasksPerJob } from './target.js';

type Options = Readonly<Record<string, PlanParamValue>>;

export const gcpBatchSpec: BatchBackendSpec = {
  name: 'gcp-batch',
  prepare(setup) {
    const found = gcpTargetOf(setup.options);
    const config: GcpConfig = found.ok
      ? { target: found.target, runLabel: runLabelOf(setup.runUri) }
      : {
          problem: `target \`gcp-batch\` needs ${found.missing.map((m) => `\`${m}\``).join(' and ')}`,
          runLabel: runLabelOf(setup.runUri),
        };
    return Promise.resolve({ config: { ...config }, window: tasksPerJob(setup.options) });
  },
  open: (ctx) => new GcpBackend(ctx, ctx.config as unknown as GcpConfig),
  describeConfig(config) {
    const t = (config as unknown as GcpConfig).target;
    return t ? `project ${t.project}, region ${t.region}` : 'not configured';
  },
};

/** Everything that stops this plan from running on gcp-batch as configured. */
export function gcpProblems(plan: Plan, options: Options): string[] {
  const problems: string[] = [];
  if (schemeOf(plan.output.uri) !== 'gs')
    problems.push(
      `the output \`${plan.output.uri}\` is not in Cloud Storage: tasks on Cloud Batch VMs write to \`gs://bucket/prefix\``,
    );
  const found = gcpTargetOf(options);
  if (!found.ok)
    problems.push(
      `target \`gcp-batch\` needs ${found.missing.map((m) => `\`${m}\``).join(' and ')}`,
    );
  const image = found.ok ? found.target.image : undefined;
  const accelerator = found.ok ? found.target.accelerator : undefined;
  for (const g of plan.groups) {
    const img = groupImageOf(plan, g.id, image);
    if (!img.ok) problems.push(img.message);
    const type = g.resources.gpuType ?? accelerator;
    if (g.resources.gpus === 0) continue;
    const gpu = type === undefined ? undefined : gcpGpuOf(type, g.resources.gpus);
    if (!gpu) problems.push(`group \`${g.id}\` asks for GPUs without a type (set \`accelerator\`)`);
    else if (!gpu.ok) problems.push(`group \`${g.id}\`: ${gpu.message}`);
  }
  return [...new Set(problems)];
}

function preflight(plan: Plan, options: Options): Diagnostic | undefined {
  const problems = gcpProblems(plan, options);
  if (problems.length === 0) return undefined;
  return {
    code: 'AUG5125',
    severity: 'error',
    message: `this plan cannot run on \`gcp-batch\`: ${problems[0]}`,
    ...(problems.length > 1 ? { notes: problems.slice(1) } : {}),
    help: 'see docs/runtimes/gcp-batch.md for the options and the output it needs',
  };
}

export const gcpBatchRuntime: BatchRuntime = Object.assign(makeBatchRuntime(gcpBatchSpec), {
  preflight,
});
