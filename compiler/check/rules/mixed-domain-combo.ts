import { findMethod } from '../../../stdlib/catalog/index.js';
import type { ComboRef, ComboSelection, PipelineAst } from '../../ast/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { sizeRange } from '../count-combos.js';
import type { Rule } from '../rule.js';

/** What a method does to a row; `command` methods edit text like the stdlib text methods. */
type Kind = 'tabular' | 'text' | 'command';

const WHY =
  'a tabular method makes new rows and a text or command method edits cells of existing ones, so the engine cannot chain them in one combo';

/** Beyond this many search steps (`size = k` with many exclusions) the rule gives up silently. */
const SEARCH_LIMIT = 100_000;

/** A tabular method and a text or command method cannot be chained, so no combo may hold both. */
export const mixedDomainComboRule: Rule = {
  name: 'mixed-domain-combo',
  codes: ['AUG2126'],
  check(ast) {
    const sel = ast.combos?.selection;
    if (!sel) return [];
    const kinds = kindsOf(ast);
    const exclusions = (ast.combos?.exclude ?? []).map(
      (e) => new Set(e.methods.map((m) => m.value)),
    );
    const excluded = (names: readonly string[]): boolean =>
      exclusions.some((e) => [...e].every((m) => names.includes(m)));
    if (sel.kind === 'list') {
      return sel.combos.flatMap((c) => {
        const names = c.methods.map((m) => m.value);
        return excluded(names) ? [] : listed(c, kinds);
      });
    }
    return selected(ast, sel, kinds, excluded);
  },
};

/** Kinds by method name; undeclared or unknown methods are left out (other rules report them). */
function kindsOf(ast: PipelineAst): Map<string, Kind> {
  const kinds = new Map<string, Kind>();
  for (const m of ast.methods) {
    if (kinds.has(m.name.value)) continue;
    const kind = m.kind === 'command' ? 'command' : findMethod(m.method.value)?.spec.domain;
    if (kind) kinds.set(m.name.value, kind);
  }
  return kinds;
}

/** The first tabular and the first other method of a combo, when it has both. */
function mixOf(names: readonly string[], kinds: Map<string, Kind>): [string, string] | undefined {
  const tabular = names.find((n) => kinds.get(n) === 'tabular');
  const other = names.find((n) => kinds.has(n) && kinds.get(n) !== 'tabular');
  return tabular !== undefined && other !== undefined ? [tabular, other] : undefined;
}

function listed(combo: ComboRef, kinds: Map<string, Kind>): Diagnostic[] {
  const mix = mixOf(
    combo.methods.map((m) => m.value),
    kinds,
  );
  if (!mix) return [];
  return [
    {
      code: 'AUG2126',
      severity: 'error',
      message: `combo \`${combo.methods.map((m) => m.value).join(' + ')}\` mixes tabular method \`${mix[0]}\` with ${kinds.get(mix[1])} method \`${mix[1]}\``,
      span: combo.span,
      notes: [WHY],
      help: 'list the tabular and the text methods in separate combos',
    },
  ];
}

function selected(
  ast: PipelineAst,
  sel: Exclude<ComboSelection, { kind: 'list' }>,
  kinds: Map<string, Kind>,
  excluded: (names: readonly string[]) => boolean,
): Diagnostic[] {
  const declared = [...new Set(ast.methods.map((m) => m.name.value))];
  const range = sizeRange(ast.combos, declared.length);
  if (!range || range[1] < 2 || !ast.combos) return [];
  const pairs = mixedPairs(declared, kinds).filter((p) => !excluded(p));
  // Any combo that mixes contains a mixed pair, so with no such pair left nothing mixes; with
  // one left, a combo of size 2 mixes, and only `size = k >= 3` needs a search.
  const example = range[0] <= 2 ? pairs[0] : findMixed(declared, range[0], kinds, excluded);
  const mix = example && mixOf(example, kinds);
  if (!example || !mix) return [];
  const shown = pairs.slice(0, 4).map((p) => p.join(' + '));
  return [
    {
      code: 'AUG2126',
      severity: 'error',
      message: `\`${selectionText(sel)}\` selects combos that mix tabular and ${kinds.get(mix[1])} methods, such as \`${example.join(' + ')}\``,
      span: ast.combos.span,
      notes: [WHY],
      help: `exclude the mixed pairs (\`exclude = [${shown.join(', ')}${pairs.length > 4 ? ', ...' : ''}]\`) or name the combos to run with \`list = [...]\``,
    },
  ];
}

function selectionText(sel: Exclude<ComboSelection, { kind: 'list' }>): string {
  return sel.kind === 'all' ? 'all = true' : `${sel.kind} = ${sel.k.value}`;
}

/** Every (other, tabular) pair in declaration order. */
function mixedPairs(declared: readonly string[], kinds: Map<string, Kind>): string[][] {
  return declared.flatMap((a, i) =>
    declared.slice(i + 1).flatMap((b) => (mixOf([a, b], kinds) ? [[a, b]] : [])),
  );
}

/** A combo of exactly `k` methods that mixes and is not excluded (depth-first, pruned). */
function findMixed(
  declared: readonly string[],
  k: number,
  kinds: Map<string, Kind>,
  excluded: (names: readonly string[]) => boolean,
): string[] | undefined {
  let steps = 0;
  const visit = (from: number, chosen: string[]): string[] | undefined => {
    if (++steps > SEARCH_LIMIT) return undefined;
    // An excluded set stays excluded as it grows, so the branch ends here.
    if (excluded(chosen)) return undefined;
    if (chosen.length === k) return mixOf(chosen, kinds) ? chosen : undefined;
    for (let i = from; i <= declared.length - (k - chosen.length); i++) {
      const found = visit(i + 1, [...chosen, declared[i] as string]);
      if (found) return found;
    }
    return undefined;
  };
  return visit(0, []);
}
