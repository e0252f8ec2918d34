import type { CodeTable } from './types.js';

/** AUG51xx (CLI/runtime part): `augc run`, `worker`, `merge` and `status`. */
export const RUN_CODES = {
  AUG5101: {
    name: 'plan-version-mismatch',
    summary: 'a plan given to `augc run` was made by another augc version',
  },
  AUG5102: {
    name: 'plan-source-changed',
    summary: 'the source files of a plan given to `augc run` changed since the plan was made',
  },
  AUG5103: {
    name: 'run-locked',
    summary: 'another `augc run` is using the same output (its lock file names the owner)',
  },
  AUG5104: {
    name: 'stale-lock-taken-over',
    summary: 'the lock of a run whose driver is gone was taken over',
  },
  AUG5105: {
    name: 'output-not-supported',
    summary:
      'the run output cannot be used by the selected target (e.g. an object store for `local`)',
  },
  AUG5106: { name: 'target-not-runnable', summary: 'the selected target cannot run pipelines yet' },
  AUG5107: { name: 'tasks-failed', summary: 'tasks of the run failed after their last attempt' },
  AUG5108: {
    name: 'merge-incomplete',
    summary: 'merge found tasks that are missing, failed, stale or corrupt',
  },
  AUG5109: {
    name: 'worker-task-unknown',
    summary: '`augc worker` cannot find its plan, group or task index',
  },
  AUG5110: { name: 'run-interrupted', summary: 'the run was interrupted (Ctrl-C or SIGTERM)' },
  AUG5111: { name: 'input-unusable', summary: 'the input could not be split into chunks' },
  AUG5112: {
    name: 'not-a-run',
    summary: 'the folder given to `merge` or `status` holds no run (`_augc/plan.json`)',
  },
  AUG5113: {
    name: 'plan-source-unverifiable',
    summary: 'the source files of a plan cannot be read, so the plan is run without that check',
  },
  AUG5114: {
    name: 'local-gpus-missing',
    summary: 'a plan run on `local` has groups that need more GPUs than the target has',
  },
  AUG5115: {
    name: 'configuration-ignored-by-plan',
    summary:
      'a plan file runs with the target options it recorded; the config file and `AUGC_*` variables here would have changed them',
  },
  AUG5116: {
    name: 'storage-unreachable',
    summary:
      "the run's storage (an object store) cannot be reached or refuses access: endpoint, network, credentials or bucket",
  },
  AUG5117: {
    name: 'output-holds-another-plan',
    summary:
      'the output already holds a run of another plan (profile, `--set`, sources or augc version differ); `--force` starts over',
  },
  AUG5118: {
    name: 'combo-kept-few-variants',
    summary:
      'a combo kept fewer than `quality.min_kept` of its variants after the quality filter (a warning; an error under `--strict`)',
  },
  AUG5119: {
    name: 'container-choice-not-runnable',
    summary:
      "a plan's container choice for its methods' images cannot be kept on the target it is run on (a scheduler given images without a container, a cloud target given a container program, or the program not on PATH)",
  },
  AUG5120: {
    name: 'aws-batch-target-incomplete',
    summary:
      'target aws-batch lacks what every job needs: `queue`, and `image` (the augc worker image) or `job_definition`',
  },
  AUG5121: {
    name: 'aws-batch-group-images',
    summary: "a group's methods name several different images: one AWS Batch job runs in one image",
  },
  AUG5122: {
    name: 'aws-batch-output-not-s3',
    summary:
      "an aws-batch run's output is not an `s3://` URI: the service's jobs could not reach it",
  },
  AUG5123: {
    name: 'unknown-task',
    summary: '`augc status RUN --task T` names a task the run does not have',
  },
  AUG5125: {
    name: 'plan-not-runnable-on-gcp-batch',
    summary:
      'a plan cannot run on `gcp-batch` as configured: an output that is not `gs://`, missing `project`/`region`, a group without an image, or a GPU with no Google accelerator',
  },
  AUG5135: {
    name: 'report-not-written',
    summary:
      'the run report (`_augc/report.html`) could not be written; the run is not affected, and `augc report` writes it again',
  },
  AUG5136: {
    name: 'history-unreadable',
    summary:
      'a folder given to `augc plan --estimate --history` cannot be read or holds no augc run',
  },
  AUG5140: {
    name: 'lsp-on-terminal',
    summary:
      '`augc lsp` was started on a terminal: it speaks the Language Server Protocol over stdin and stdout for an editor',
  },
} satisfies CodeTable;
