import type { CodeTable } from './types.js';

/**
 * The 2xxx band: semantic errors in a pipeline. AUG20xx come from loading and building the typed
 * AST (includes, YAML imports, profiles, `--set`, statement shapes, units); AUG21xx from the check
 * rules in compiler/check/rules/.
 */
export const SEMANTIC_CODES: CodeTable = {
  AUG2001: {
    name: 'unknown-statement',
    summary: 'A statement keyword is not known in this position.',
  },
  AUG2002: {
    name: 'unknown-attribute',
    summary: 'A block contains an attribute it does not accept.',
  },
  AUG2003: {
    name: 'duplicate-statement',
    summary: 'A statement that may appear only once appears again.',
  },
  AUG2004: {
    name: 'wrong-value-type',
    summary: 'A value has the wrong type (e.g. a string where a number is expected).',
  },
  AUG2005: { name: 'missing-unit', summary: 'A memory size or duration has no unit.' },
  AUG2006: {
    name: 'wrong-unit',
    summary: 'A number carries a unit that does not fit where it is used.',
  },
  AUG2007: { name: 'missing-statement', summary: 'A required statement or attribute is missing.' },
  AUG2008: { name: 'misplaced-statement', summary: 'A statement appears where it is not allowed.' },
  AUG2009: { name: 'invalid-value', summary: 'A value is not one of the allowed choices.' },
  AUG2010: { name: 'file-not-found', summary: 'An included or imported file cannot be read.' },
  AUG2011: { name: 'include-cycle', summary: 'Files include each other in a cycle.' },
  AUG2012: { name: 'yaml-syntax', summary: 'An imported YAML file is not valid YAML.' },
  AUG2013: {
    name: 'yaml-structure',
    summary: 'An imported YAML method catalogue has the wrong structure or value types.',
  },
  AUG2014: { name: 'unknown-profile', summary: 'The selected profile is not declared.' },
  AUG2015: {
    name: 'invalid-set',
    summary: 'A `--set key=value` override is malformed or names nothing that can be set.',
  },
  AUG2016: {
    name: 'command-quoting',
    summary: 'A command string has unbalanced quotes or is empty.',
  },
  AUG2017: {
    name: 'exclusive-attributes',
    summary: 'Two attributes that exclude each other are both set.',
  },
  AUG2018: { name: 'duplicate-profile', summary: 'Two profiles have the same name.' },
  AUG2019: {
    name: 'checked-as-fragment',
    summary: 'A file without a `pipeline` was checked on its own as an included fragment.',
  },
  AUG2101: {
    name: 'unknown-method',
    summary: 'A method calls a name the stdlib catalogue does not know.',
  },
  AUG2102: {
    name: 'unknown-parameter',
    summary: 'A method is given a parameter its schema does not declare.',
  },
  AUG2103: { name: 'missing-parameter', summary: 'A required method parameter is not given.' },
  AUG2104: { name: 'mistyped-parameter', summary: 'A method parameter has the wrong type.' },
  AUG2105: {
    name: 'parameter-out-of-range',
    summary: 'A method parameter is outside the range its schema allows.',
  },
  AUG2106: {
    name: 'positional-argument',
    summary: 'A stdlib method is called with a positional argument.',
  },
  AUG2107: { name: 'duplicate-method', summary: 'Two methods have the same name.' },
  AUG2108: {
    name: 'undeclared-combo-method',
    summary: 'A combo, exclusion or order names a method that is not declared.',
  },
  AUG2109: {
    name: 'combo-order-incomplete',
    summary: 'The combo order repeats a method or leaves a declared method out.',
  },
  AUG2110: {
    name: 'combo-size-too-large',
    summary: 'The combo size is larger than the number of methods.',
  },
  AUG2111: { name: 'exclude-matches-nothing', summary: 'An exclusion removes no combo.' },
  AUG2112: {
    name: 'combo-explosion',
    summary: 'The pipeline expands to more tasks than `max_tasks` allows.',
  },
  AUG2113: {
    name: 'value-out-of-range',
    summary: 'A pipeline setting (variants, seed, chunk, quality, ...) is out of range.',
  },
  AUG2114: {
    name: 'resource-out-of-range',
    summary: 'A resource request is out of range (cpus < 1, memory <= 0, ...).',
  },
  AUG2115: {
    name: 'input-column-missing',
    summary: 'An input column is not in the header of the input file.',
  },
  AUG2116: {
    name: 'input-format-unknown',
    summary: 'The input format is neither given nor inferable from the extension.',
  },
  AUG2117: {
    name: 'label-unsafe-method',
    summary: 'A method that can flip a label is used on a labelled input.',
  },
  AUG2118: {
    name: 'output-scheme-unsupported',
    summary: 'The output URI scheme is not supported.',
  },
  AUG2119: {
    name: 'output-scheme-no-runtime',
    summary: 'The output URI scheme is accepted but no runtime supports it yet.',
    retired: 'every accepted scheme (`s3://`, `gs://`, `az://`) runs since augc 0.1.0',
  },
  AUG2120: { name: 'retry-attempts-invalid', summary: 'The retry attempt count is below 1.' },
  AUG2121: {
    name: 'backoff-invalid',
    summary: 'A retry backoff has a non-positive delay, a cap below its base or a factor below 1.',
  },
  AUG2122: {
    name: 'combo-repeats-method',
    summary: 'A combo or exclusion names the same method twice.',
  },
  AUG2123: { name: 'no-methods', summary: 'The pipeline declares no method.' },
  AUG2124: {
    name: 'duplicate-parameter',
    summary: 'A method call gives the same parameter twice.',
  },
  AUG2125: {
    name: 'method-domain-mismatch',
    summary:
      'A text method on an input without text columns, or a tabular method without feature columns.',
  },
  AUG2126: {
    name: 'mixed-domain-combo',
    summary:
      'A combo chains a tabular method with a text or command method, which cannot run together.',
  },
  AUG2127: {
    name: 'retry-condition-never-matches',
    summary:
      'A retry condition can never match: an exit code outside 1..255 or a signal that does not end a process.',
  },
  AUG2128: {
    name: 'input-compression-unsupported',
    summary:
      'The input is gzip-compressed Parquet: only CSV and JSONL inputs may be gzip-compressed (`.gz`).',
  },
  AUG2129: {
    name: 'command-output-with-stdio',
    summary:
      'A `command` method with `io = stdio` names `{output}`: its output is what it prints on stdout.',
  },
  AUG2201: {
    name: 'input-unreadable',
    summary:
      'The input exists but could not be read at compile time (empty, malformed header, not the declared format).',
  },
  AUG2202: {
    name: 'input-not-found',
    summary: 'The input file does not exist, so its columns and row count could not be checked.',
  },
};
