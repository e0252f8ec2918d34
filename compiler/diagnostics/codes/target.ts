import type { CodeTable } from './types.js';

/** The 4xxx band: target configuration (the `target` statements and what they can run). */
export const TARGET_CODES: CodeTable = {
  AUG4001: { name: 'unknown-target', summary: 'A `target` names a target augc does not know.' },
  AUG4002: { name: 'duplicate-target', summary: 'The same target is declared twice.' },
  AUG4003: {
    name: 'unknown-target-option',
    summary: 'A target is given an option it does not know.',
  },
  AUG4004: {
    name: 'mistyped-target-option',
    summary: 'A target option has the wrong type or an invalid value.',
  },
  AUG4005: {
    name: 'resources-unsatisfiable',
    summary: 'No declared target can provide the resources a method asks for.',
  },
  AUG4006: {
    name: 'resources-beyond-chosen-target',
    summary: 'The target a plan is made or run for cannot provide the resources a method asks for.',
  },
  AUG4007: {
    name: 'config-file-unreadable',
    summary:
      'The config file `$AUGC_CONFIG` names does not exist, or a config file cannot be read.',
  },
  AUG4008: {
    name: 'unknown-config-key',
    summary: 'The config file has a section or key augc does not know; it is ignored (a warning).',
  },
  AUG4009: {
    name: 'bad-configured-value',
    summary: 'A config file value or an `AUGC_*` variable is not of the type its option takes.',
  },
  AUG4010: {
    name: 'malformed-config-file',
    summary: 'The config file is not valid YAML, or is not a map of sections each holding a map.',
  },
  AUG4011: {
    name: 'unknown-target-variable',
    summary: 'An `AUGC_<TARGET>_*` variable names no option of that target; it is ignored.',
  },
  AUG4012: {
    name: 'image-ignored-locally',
    summary:
      'A command method has an `image` but `target local` has `container = "none"` (the default): it runs without the image (a warning).',
  },
  AUG4013: {
    name: 'image-not-runnable',
    summary:
      'A command method has an `image` but a scheduler target has `container = "none"`: it cannot run it.',
  },
  AUG4014: {
    name: 'aws-batch-walltime-too-short',
    summary:
      'A method on `target aws-batch` has a walltime under 60 s, the shortest attempt timeout AWS Batch takes.',
  },
  AUG4015: {
    name: 'fargate-has-no-gpus',
    summary:
      'A method asks for GPUs on an `aws-batch` target whose queue is Fargate (`platform = "fargate"`).',
  },
  AUG4016: {
    name: 'fargate-size-unavailable',
    summary:
      'A method asks for more vCPU or memory than any size Fargate offers (16 vCPU, 120 GiB).',
  },
  AUG4017: {
    name: 'aws-batch-option-out-of-range',
    summary:
      '`scheduling_priority` is outside 0..9999, or `share_identifier` is longer than 255 characters.',
  },
  AUG4018: {
    name: 'fargate-size-rounded-up',
    summary:
      'A method asks for a vCPU/memory pair Fargate does not offer; its jobs get the next size Fargate has (a warning).',
  },
  AUG4020: {
    name: 'target-option-required',
    summary:
      'The target a plan is made for needs an option that is not set (e.g. `project` and `region` for `gcp-batch`).',
  },
  AUG4021: {
    name: 'gpu-type-unavailable',
    summary:
      'A method asks for GPUs that the target a plan is made for cannot request (no Google accelerator for its `gpu_type`, or no type at all).',
  },
  AUG4025: {
    name: 'azure-batch-account-missing',
    summary:
      'The `azure-batch` target has no `account_url`: augc does not know which Batch account to use.',
  },
  AUG4026: {
    name: 'azure-vm-size-unknown',
    summary:
      "No VM size for the `azure-batch` auto pool fits the tasks (an unknown GPU type, or more than augc's table holds): set `vm_size` or name a `pool`.",
  },
  AUG4027: {
    name: 'azure-batch-account-url-invalid',
    summary: "The `azure-batch` target's `account_url` is not an https URL.",
  },
  AUG4028: {
    name: 'azure-batch-local-output',
    summary:
      'An `azure-batch` run is given a local folder as its output; its tasks run on Azure nodes and need an `az://` location.',
  },
  AUG4030: {
    name: 'estimate-exceeds-walltime',
    summary:
      "`augc plan --estimate`: a group's longest task is expected to take longer than its walltime (a warning).",
  },
  AUG4031: {
    name: 'estimate-exceeds-quota',
    summary:
      "`augc plan --estimate`: the run would exceed the target's `quota_tasks` or `quota_core_hours` (a warning).",
  },
  AUG4032: {
    name: 'estimate-speed-unknown',
    summary:
      '`augc plan --estimate`: no earlier run and no built-in table measured a method, so the groups that run it have no estimate (a warning).',
  },
};
