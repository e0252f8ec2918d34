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
};
