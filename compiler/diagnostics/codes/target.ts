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
