import type { CodeTable } from './types.js';

/** AUG5xxx (CLI part): problems with the command line and the files it names. */
export const CLI_CODES = {
  AUG5001: {
    name: 'usage-error',
    summary: 'the command line is malformed: unknown command or option, missing argument',
  },
  AUG5002: {
    name: 'command-line-file-not-found',
    summary: 'a file named on the command line does not exist',
  },
  AUG5003: {
    name: 'file-unreadable',
    summary: 'a file named on the command line exists but cannot be read',
  },
  AUG5004: {
    name: 'output-write-failed',
    summary: 'an output file (such as `plan -o`) cannot be written',
  },
  AUG5005: {
    name: 'not-formatted',
    summary: '`augc fmt --check` found a file that is not in canonical layout',
  },
  AUG5006: {
    name: 'warnings-denied',
    summary: 'warnings were reported and `--deny-warnings` makes them fail the command',
  },
  AUG5007: {
    name: 'would-overwrite',
    summary: '`augc init` would overwrite an existing file without `--force`',
  },
  AUG5008: {
    name: 'nothing-to-augment',
    summary: '`augc init` found no text or numeric column in the data',
  },
  AUG5099: {
    name: 'internal-error',
    summary: 'an unexpected exception inside augc, which is a bug',
  },
} satisfies CodeTable;
