/**
 * The starter pipeline `augc init` writes, from an input's header and its first rows. The column
 * rule (docs/cli.md) is by name first, then by the values sampled:
 * - id: the first column named `id` or ending in `id` (`sample_id`, `sentenceId`);
 * - label: the first column named one of LABEL_NAMES;
 * - text: every other column whose sampled values are mostly prose (half of them hold a space
 *   and they average at least 15 characters);
 * - features (only when there is no text column): every other column whose sampled values are all
 *   numbers; the rest is kept as is (`keep`).
 */
import type { TableRow } from '../stdlib/method.js';

export const LABEL_NAMES = [
  'label',
  'labels',
  'class',
  'target',
  'y',
  'response',
  'status',
  'category',
  'outcome',
  'sentiment',
];

export interface ColumnRoles {
  id?: string;
  label?: string;
  text: string[];
  features: string[];
  keep: string[];
}

const present = (rows: readonly TableRow[], c: string): string[] =>
  rows
    .map((r) => r[c])
    .flatMap((v) => (v === null || v === undefined || v === '' ? [] : [String(v)]));

function isNumeric(values: readonly string[]): boolean {
  return values.length > 0 && values.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));
}

function isProse(values: readonly string[]): boolean {
  if (values.length === 0 || isNumeric(values)) return false;
  const spaced = values.filter((v) => /\s/.test(v.trim())).length;
  const mean = values.reduce((n, v) => n + v.length, 0) / values.length;
  return spaced * 2 >= values.length && mean >= 15;
}

/** Assigns every column one role (see the module comment). */
export function guessColumns(columns: readonly string[], rows: readonly TableRow[]): ColumnRoles {
  const id = columns.find((c) => /id$/i.test(c));
  const label = columns.find((c) => c !== id && LABEL_NAMES.includes(c.toLowerCase()));
  const rest = columns.filter((c) => c !== id && c !== label);
  const text = rest.filter((c) => isProse(present(rows, c)));
  const features = text.length > 0 ? [] : rest.filter((c) => isNumeric(present(rows, c)));
  const keep = rest.filter((c) => !text.includes(c) && !features.includes(c));
  return { ...(id ? { id } : {}), ...(label ? { label } : {}), text, features, keep };
}

const list = (names: readonly string[]): string =>
  `[${names.map((n) => JSON.stringify(n)).join(', ')}]`;

/** The `.aug` text (not yet in canonical layout); undefined when no column can be augmented. */
export function starterPipeline(
  name: string,
  inputPath: string,
  roles: ColumnRoles,
): string | undefined {
  const tabular = roles.text.length === 0;
  if (tabular && roles.features.length === 0) return undefined;
  const input = [
    roles.id ? `id = ${JSON.stringify(roles.id)}` : '',
    tabular ? `features = ${list(roles.features)}` : `text = ${list(roles.text)}`,
    roles.label ? `label = ${JSON.stringify(roles.label)}` : '',
    roles.keep.length > 0 ? `keep = ${list(roles.keep)}` : '',
  ].filter((l) => l !== '');
  const methods = tabular
    ? ['method noise = gaussian_noise(sigma = 0.05)', 'method mask = feature_mask(p_m = 0.2)']
    : [
        'method typo = keyboard_typo(aug_char_p = 0.1)',
        'method syn = wordnet_synonym(aug_p = 0.1)',
      ];
  return [
    `// Starter pipeline written by \`augc init\`: check the columns, then \`augc run\` it.`,
    `pipeline ${JSON.stringify(name)} {`,
    'seed = 42',
    `input ${JSON.stringify(inputPath)} {`,
    ...input,
    '}',
    ...methods,
    'variants = 1',
    `output ${JSON.stringify(`out/${name}`)} {`,
    'format = parquet',
    '}',
    '}',
    '',
  ].join('\n');
}
