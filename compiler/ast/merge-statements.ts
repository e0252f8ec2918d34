import type { Label, Statement } from '../syntax/tree.js';
import { IMPORTED_FROM } from './yaml-import.js';

// Singleton blocks whose label is a value (a path), not part of their identity: a profile's
// `input "other.csv"` replaces the pipeline's input instead of adding a second one.
const VALUE_LABELLED = new Set(['input', 'output']);

// Setting one of these in an overlay removes the others from the base block.
const EXCLUSIVE_GROUPS: readonly (readonly string[])[] = [
  ['rows', 'count'],
  ['up_to', 'size', 'all', 'list'],
];

const labelText = (l: Label): string => (l.kind === 'ident' ? l.name : l.value);

function sameStatement(a: Statement, b: Statement): boolean {
  if (a.keyword.name !== b.keyword.name) return false;
  if (VALUE_LABELLED.has(a.keyword.name)) return true;
  return (
    a.labels.length === b.labels.length &&
    a.labels.every((l, i) => labelText(l) === labelText(b.labels[i] ?? l))
  );
}

/**
 * Merges `overlay` over `base` (profiles, `--set`): an attribute replaces the attribute with the
 * same keyword; a block with the same keyword and labels is merged recursively; anything else is
 * appended.
 */
export function mergeStatements(
  base: readonly Statement[],
  overlay: readonly Statement[],
): Statement[] {
  let out = [...base];
  for (const over of overlay) {
    const group = EXCLUSIVE_GROUPS.find((g) => g.includes(over.keyword.name));
    if (group)
      out = out.filter(
        (s) => s.keyword.name === over.keyword.name || !group.includes(s.keyword.name),
      );
    const at = out.findIndex((s) => sameStatement(s, over));
    const found = out[at];
    if (!found) {
      out.push(over);
      continue;
    }
    out[at] = mergeOne(found, over);
  }
  return out;
}

function mergeOne(base: Statement, over: Statement): Statement {
  const body = over.body ? mergeStatements(base.body ?? [], over.body) : base.body;
  const value = over.value ?? base.value;
  const merged: Statement = {
    ...base,
    labels: VALUE_LABELLED.has(base.keyword.name) ? over.labels : base.labels,
    // A replaced value points at the overriding text, so errors in it show where it was written.
    ...(over.value ? { keyword: over.keyword, span: over.span } : {}),
    ...(value ? { value } : {}),
    ...(body ? { body } : {}),
  };
  const from = IMPORTED_FROM.get(base);
  if (from) IMPORTED_FROM.set(merged, from);
  return merged;
}

/**
 * The opposite of `mergeStatements`: `under` (configured defaults) fills only what `body` leaves
 * unset. An attribute the body has, or one of its exclusive group, wins; shared blocks are filled
 * recursively; statements the body lacks are appended after its own, so the body's order stays.
 */
export function fillStatements(
  body: readonly Statement[],
  under: readonly Statement[],
): Statement[] {
  const out = [...body];
  for (const fill of under) {
    const group = EXCLUSIVE_GROUPS.find((g) => g.includes(fill.keyword.name));
    if (group && out.some((s) => group.includes(s.keyword.name))) continue;
    const at = out.findIndex((s) => sameStatement(s, fill));
    const found = out[at];
    if (!found) out.push(fill);
    else if (found.body && fill.body && found.value === undefined)
      out[at] = { ...found, body: fillStatements(found.body, fill.body) };
  }
  return out;
}
