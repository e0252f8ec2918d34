/**
 * A unified diff of two texts by lines (`diff -u` layout, three lines of context), for
 * `augc fmt --check --diff`. The longest common subsequence is found by dynamic programming:
 * `.aug` files are small, so O(n x m) is fine and keeps this obviously correct.
 */

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

const CONTEXT = 3;

/** Lines with their `\n`, so that a missing final newline is a difference too. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j])
      ops.push({ kind: ' ', line: a[i++] ?? '', a: i, b: ++j });
    else if (
      j < b.length &&
      (i >= a.length || (lcs[i * width + j + 1] ?? 0) > (lcs[(i + 1) * width + j] ?? 0))
    )
      ops.push({ kind: '+', line: b[j++] ?? '', a: i, b: j });
    else ops.push({ kind: '-', line: a[i++] ?? '', a: i, b: j });
  }
  return ops;
}

/** Groups changes with their context into hunks (changes closer than 2 x CONTEXT share one). */
function hunks(ops: readonly Op[]): Op[][] {
  const changed = ops.flatMap((op, k) => (op.kind === ' ' ? [] : [k]));
  const out: Op[][] = [];
  let start = -1;
  let end = -1;
  for (const k of changed) {
    if (start >= 0 && k - CONTEXT <= end + CONTEXT) end = k;
    else {
      if (start >= 0) out.push(ops.slice(Math.max(0, start - CONTEXT), end + CONTEXT + 1));
      start = end = k;
    }
  }
  if (start >= 0) out.push(ops.slice(Math.max(0, start - CONTEXT), end + CONTEXT + 1));
  return out;
}

function header(hunk: readonly Op[]): string {
  const first = hunk[0];
  const aLen = hunk.filter((o) => o.kind !== '+').length;
  const bLen = hunk.filter((o) => o.kind !== '-').length;
  // An op records the line numbers after it; the hunk starts at the first line it covers.
  const aStart = first ? first.a - (first.kind === '+' ? 0 : 1) + (aLen > 0 ? 1 : 0) : 0;
  const bStart = first ? first.b - (first.kind === '-' ? 0 : 1) + (bLen > 0 ? 1 : 0) : 0;
  return `@@ -${aStart},${aLen} +${bStart},${bLen} @@`;
}

/** `--- a` / `+++ b` and the hunks; empty when the texts are equal. */
export function unifiedDiff(
  before: string,
  after: string,
  fromName: string,
  toName: string,
): string {
  if (before === after) return '';
  const parts = hunks(editScript(splitLines(before), splitLines(after)));
  const shown = (o: Op): string =>
    o.line.endsWith('\n')
      ? `${o.kind}${o.line.slice(0, -1)}`
      : `${o.kind}${o.line}\n\\ No newline at end of file`;
  const body = parts.flatMap((h) => [header(h), ...h.map(shown)]);
  return [`--- ${fromName}`, `+++ ${toName}`, ...body, ''].join('\n');
}
