import type { TargetOptionSpec, TargetSpec } from '../compiler/targets/catalog.js';
import {
  findMethod,
  listAliases,
  type ParamDefault,
  type ParamSpec,
  type ResolvedMethod,
} from '../stdlib/catalog/index.js';
import { methodSection, showDefault, showRange } from '../stdlib/catalog/methods-doc.js';
import type { StatementDoc } from './block-docs.js';

/**
 * Markdown for hovers and completion details, from the catalogues: a method's section is the
 * one docs/methods.md prints, so the editor and the docs say the same thing.
 */
export function methodMarkdown(resolved: ResolvedMethod): string {
  const section = methodSection(resolved.spec, listAliases());
  if (!resolved.alias) return section.join('\n');
  const sets = Object.entries(resolved.aliasParams)
    .map(([k, v]) => `\`${k} = ${JSON.stringify(v)}\``)
    .join(', ');
  const alias = listAliases().find((a) => a.alias === resolved.alias);
  const head = [
    `\`${resolved.alias}\` is an alias of \`${resolved.spec.name}\`${sets ? ` that sets ${sets}` : ''}` +
      `${alias ? ` (${alias.doc})` : ''}.`,
    '',
  ];
  return [...head, ...section].join('\n');
}

export const COMMAND_MARKDOWN = [
  '### `command`',
  '',
  'Runs a program of yours over each task\'s rows: `command("python tools/x.py --seed {seed}")`.',
  'The string is split into words with shell-like quoting but never run by a shell; `{input}`,',
  '`{output}` and `{seed}` are replaced inside any word. The block takes `io`, `image`, `env`,',
  '`pass_env` and `resources` (see docs/methods.md, "Your own programs").',
].join('\n');

/** The default a parameter has in this call: an alias's own default wins over the method's. */
function defaultIn(resolved: ResolvedMethod, param: ParamSpec): ParamDefault | undefined {
  return Object.hasOwn(resolved.aliasParams, param.name)
    ? resolved.aliasParams[param.name]
    : param.default;
}

export function paramMarkdown(resolved: ResolvedMethod, param: ParamSpec): string {
  const dflt = showDefault(defaultIn(resolved, param), param.required);
  return [
    `**\`${param.name}\`** (${param.type}) of \`${resolved.alias ?? resolved.spec.name}\``,
    '',
    param.doc,
    '',
    `- default: ${dflt}`,
    `- range: ${showRange(param)}`,
  ].join('\n');
}

/** The parameter `name` of the catalogue method `method`, if both exist. */
export function findParam(
  method: string,
  name: string,
): { resolved: ResolvedMethod; param: ParamSpec } | undefined {
  const resolved = findMethod(method);
  const param = resolved?.spec.params.find((p) => p.name === name);
  return resolved && param ? { resolved, param } : undefined;
}

export function targetMarkdown(target: TargetSpec): string {
  const limit = target.arrayLimit === undefined ? 'unlimited' : String(target.arrayLimit);
  return [
    `**target \`${target.name}\`**: ${target.summary}`,
    '',
    `Tasks per array job: ${limit}. Options:`,
    '',
    ...target.options.map((o) => `- \`${o.name}\` (${optionType(o)}): ${o.doc}`),
  ].join('\n');
}

function optionType(option: TargetOptionSpec): string {
  if (option.values) return option.values.map((v) => `\`${v}\``).join(' | ');
  if (option.type === 'bytes') return 'memory';
  return option.min === undefined ? option.type : `${option.type} >= ${option.min}`;
}

export function targetOptionMarkdown(target: TargetSpec, option: TargetOptionSpec): string {
  return `**\`${option.name}\`** (${optionType(option)}) of target \`${target.name}\`\n\n${option.doc}`;
}

export function statementMarkdown(keyword: string, doc: StatementDoc): string {
  const values = doc.values ? `\n\nValues: ${doc.values.map((v) => `\`${v}\``).join(', ')}` : '';
  return `**\`${keyword}\`** (${doc.value})\n\n${doc.doc}${values}`;
}
