/**
 * `augc methods [NAME]`: the method catalogue (what the compiler checks pipelines against), as a
 * list, one method's parameters, or JSON. docs/methods.md is generated from the same data.
 */
import type { Command } from 'commander';
import { didYouMean } from '../../compiler/ast/did-you-mean.js';
import {
  findMethod,
  foreignMethodHint,
  listAliases,
  listMethods,
  methodNames,
  type ResolvedMethod,
} from '../../stdlib/catalog/index.js';
import type { ParamDefault, ParamSpec } from '../../stdlib/catalog/types.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';

function listing(): string {
  const methods = listMethods();
  const width = Math.max(...methods.map((m) => m.name.length));
  const rows = methods.map((m) => {
    const flags = [m.domain, m.labelSafe ? '' : 'label-unsafe'].filter((f) => f !== '').join(', ');
    return `  ${m.name.padEnd(width)}  ${m.summary} (${flags})`;
  });
  const aliases = listAliases().map((a) => `  ${a.alias} -> ${a.method}`);
  return [
    'methods:',
    ...rows,
    '',
    'seed-style aliases (the reference library`s defaults):',
    ...aliases,
    '',
    'run `augc methods NAME` for a method`s parameters; docs/methods.md has them all',
    '',
  ].join('\n');
}

/** One parameter with its effective default: an alias's value, and the method's own beside it. */
function paramLine(p: ParamSpec, set: ParamDefault | undefined): string {
  const shown = (v: ParamDefault | undefined): string =>
    v !== undefined ? JSON.stringify(v) : p.required ? 'required' : 'unset';
  const dflt =
    set === undefined
      ? `default ${shown(p.default)}`
      : `${shown(set)} (method default ${shown(p.default)})`;
  const values = p.values ? ` one of ${p.values.join(', ')};` : '';
  return `  ${p.name} (${p.type}, ${dflt};${values} ${p.doc})`;
}

function details({ spec, alias, aliasParams }: ResolvedMethod): string {
  const countRule = aliasParams.count_rule ?? spec.countRule;
  return [
    alias ? `${alias}: alias of ${spec.name}` : spec.name,
    `  ${spec.summary}`,
    `  count rule: ${String(countRule)}; label-safe: ${spec.labelSafe ? 'yes' : 'no'}; reference: ${spec.reference ?? '-'}`,
    alias ? 'parameters (as the alias sets them):' : 'parameters:',
    ...spec.params.map((p) => paramLine(p, aliasParams[p.name])),
    '',
  ].join('\n');
}

export function runMethods(name: string | undefined, json: boolean, ctx: CliContext): number {
  if (name === undefined) {
    const data = { methods: listMethods(), aliases: listAliases() };
    ctx.io.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : listing());
    return EXIT.ok;
  }
  const found = findMethod(name);
  if (!found) {
    const hint = foreignMethodHint(name) ?? didYouMean(name, methodNames());
    ctx.io.stderr.write(
      `error[AUG5001]: no method or alias named \`${name}\`\n${hint ? `  = help: ${hint}\n` : ''}`,
    );
    return EXIT.usage;
  }
  ctx.io.stdout.write(
    json
      ? `${JSON.stringify({ ...found.spec, alias: found.alias ?? null, aliasParams: found.aliasParams }, null, 2)}\n`
      : details(found),
  );
  return EXIT.ok;
}

export function methodsCommand(program: Command, ctx: CliContext): void {
  program
    .command('methods')
    .description('list the stdlib methods and seed-style aliases, or one method`s parameters')
    .argument('[name]', 'a method or alias')
    .option('--json', 'print the catalogue as JSON')
    .action((name: string | undefined, opts: { json?: boolean }) => {
      ctx.exitCode = runMethods(name, opts.json === true, ctx);
    });
}
