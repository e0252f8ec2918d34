import { renderCommandDoc, type CommandExamples } from './command-doc.js';
import type { AliasSpec, CountRule, MethodSpec, ParamDefault, ParamSpec } from './types.js';
import { listForeignNames } from './foreign-names.js';

/** What each count rule means, shown once at the top of docs/methods.md. */
const COUNT_RULES: [CountRule, string][] = [
  [
    'nlpaug',
    'n = clamp(ceil(p x tokens), min, max), punctuation counted as tokens, then at most the eligible units (nlpaug). ' +
      'These methods take `count_rule = textattack` to use max(1, floor(p x words)) instead (TextAttack).',
  ],
  ['eda', 'n = max(1, floor(alpha x words)) (EDA).'],
  [
    'per-unit',
    'each eligible unit (word, contraction site) changes with probability p on its own.',
  ],
  ['none', 'tabular: every output row is synthesized; `variants` sets how many per input row.'],
];

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** A parameter's default as the docs show it (`required`, `none`, `-` or the value). */
export function showDefault(
  value: ParamDefault | undefined,
  required: boolean | undefined,
): string {
  if (value === undefined) return required ? 'required' : '-';
  if (value === null) return 'none';
  if (Array.isArray(value)) return `\`[${value.map((v) => JSON.stringify(v)).join(', ')}]\``;
  return `\`${typeof value === 'string' ? value : String(value)}\``;
}

/** A parameter's allowed values or bounds as the docs show them. */
export function showRange(p: ParamSpec): string {
  if (p.values) return p.values.map((v) => `\`${v}\``).join(' ');
  const lo = p.min === undefined ? '' : `${p.exclusiveMin ? '>' : '>='} ${p.min}`;
  const hi = p.max === undefined ? '' : `<= ${p.max}`;
  return [lo, hi].filter((s) => s !== '').join(', ') || '-';
}

function paramTable(params: readonly ParamSpec[]): string[] {
  if (params.length === 0) return ['No parameters.'];
  return [
    '| parameter | type | default | range | meaning |',
    '| --- | --- | --- | --- | --- |',
    ...params.map(
      (p) =>
        `| \`${p.name}\` | ${p.type} | ${cell(showDefault(p.default, p.required))} | ${cell(showRange(p))} | ${cell(p.doc)} |`,
    ),
  ];
}

/** One method's section of docs/methods.md (also the language server's hover). */
export function methodSection(m: MethodSpec, aliases: readonly AliasSpec[]): string[] {
  const names = aliases.filter((a) => a.method === m.name).map((a) => `\`${a.alias}\``);
  return [
    `### \`${m.name}\``,
    '',
    `${m.summary}. ${m.doc}`,
    '',
    `- count rule: ${m.countRule}`,
    `- label-safe: ${m.labelSafe ? 'yes' : 'no (the compiler warns)'}`,
    `- reference: ${m.reference ?? '-'}`,
    ...(names.length > 0 ? [`- aliases: ${names.join(', ')}`] : []),
    '',
    ...paramTable(m.params),
    '',
  ];
}

function showParams(params: Record<string, ParamDefault>): string {
  const entries = Object.entries(params);
  if (entries.length === 0) return '(method defaults)';
  return entries.map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ');
}

function aliasTable(aliases: readonly AliasSpec[]): string[] {
  return [
    '| alias | method | parameters it sets | reference |',
    '| --- | --- | --- | --- |',
    ...aliases.map(
      (a) =>
        `| \`${a.alias}\` | \`${a.method}\` | ${cell(showParams(a.params))} | ${cell(a.doc)} |`,
    ),
  ];
}

/**
 * docs/methods.md, generated from the catalogue by scripts/gen-methods-doc.js; a test fails when
 * the committed file differs from this output. With `commands`, the `command` protocol section
 * follows, showing those programs.
 */
export function renderMethodsDoc(
  methods: readonly MethodSpec[],
  aliases: readonly AliasSpec[],
  commands?: CommandExamples,
): string {
  const domain = (d: MethodSpec['domain']) => methods.filter((m) => m.domain === d);
  const lines = [
    '# Methods',
    '',
    '<!-- Generated from stdlib/catalog by scripts/gen-methods-doc.js; do not edit by hand. -->',
    '',
    'Every stdlib method, with its parameters, defaults, the rule that decides how many units it',
    'changes, whether it is label-safe, and the library whose semantics it follows. `augc methods`',
    'prints the same catalogue. Output is deterministic for a given seed. A text method draws from a',
    'random stream of its own per (row, variant, method), so its output does not depend on the',
    'number of workers, the chunking or the order chunks run in; a tabular method draws one stream',
    'per (combo, chunk, method), since SMOTE and mixup pair rows within a chunk.',
    'Protected columns and `protect_keywords` are never altered. Programs of your own run as',
    '`command(...)` methods: see [the last section](#your-own-programs-command-methods).',
    '',
    '## Count rules',
    '',
    '| rule | how many units change |',
    '| --- | --- |',
    ...COUNT_RULES.map(([rule, text]) => `| ${rule} | ${cell(text)} |`),
    '',
    '## Text methods',
    '',
    ...domain('text').flatMap((m) => methodSection(m, aliases)),
    '## Tabular methods',
    '',
    'Tabular methods change the numeric `features` columns; the label, the id and the kept and',
    'protected columns are copied from the source row.',
    '',
    ...domain('tabular').flatMap((m) => methodSection(m, aliases)),
    '## Seed-style aliases',
    '',
    "These names resolve to a method with the reference library's defaults, so that an existing YAML",
    'method catalogue can be imported as is (`import "methods.yaml"`); parameters given in the',
    "pipeline override the alias's.",
    '',
    ...aliasTable(aliases),
    '',
    '## Quality measures',
    '',
    'The `quality` block scores each variant against its original (see [reference.md](reference.md)).',
    'Both texts are first trimmed and every run of Unicode whitespace becomes one space; they are',
    'lower-cased unless `quality { case_sensitive = true }`; no Unicode normalisation (NFC/NFKC) is',
    'applied, so a composed and a decomposed `é` differ. A variant equal to its original after the',
    'whitespace step is dropped as unchanged (so a case-only change is a change, and scores 1 unless',
    '`case_sensitive`), and a repeat of a variant already kept for the row as a duplicate.',
    'A combo that keeps fewer than `quality { min_kept }` (default 0.1) of its variants is named at',
    'the end of the run with the reason most were dropped for (warning AUG5118; an error with',
    '`augc run --strict`), so that a filter that drops everything is never silent.',
    '',
    '| measure | what it scores |',
    '| --- | --- |',
    "| `chrf` | chrF (N = 6, beta = 2, the original as reference), the single space kept as a character, unlike sacrebleu's default, which deletes whitespace |",
    '| `levenshtein` | 1 - edit distance / longer length, in UTF-16 code units |',
    '| `jaccard` | shared / all distinct space-separated tokens (punctuation stays on its word); blind to word order |',
    '',
    "## Reference libraries' names",
    '',
    "A method or parameter written with a reference library's name is reported with the augc",
    'spelling (`augc check`, `augc methods`), e.g. "`pct_words_to_swap` is TextAttack\'s name: augc',
    'calls it `aug_p`". For a parameter with two augc spellings, the one the method has is named.',
    '',
    '| name | library | augc |',
    '| --- | --- | --- |',
    ...listForeignNames().map(([name, lib, ours]) => `| \`${name}\` | ${lib} | ${cell(ours)} |`),
    '',
    ...(commands ? renderCommandDoc(commands) : []),
  ];
  return lines.join('\n');
}
