import type { CombosDecl, PipelineAst } from '../ast/types.js';

/** The limits of the inclusion-exclusion count: beyond this many exclusions, they are ignored (an upper bound). */
const MAX_EXCLUSIONS = 20;

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  const kk = Math.min(k, n - k);
  let r = 1;
  for (let i = 1; i <= kk; i++) r = (r * (n - kk + i)) / i;
  return Math.round(r);
}

/** Combo sizes [lo, hi] a selection produces over n methods; undefined for an explicit list. */
export function sizeRange(combos: CombosDecl | undefined, n: number): [number, number] | undefined {
  const sel = combos?.selection;
  if (!sel) return [1, Math.min(1, n)];
  if (sel.kind === 'list') return undefined;
  if (sel.kind === 'all') return [1, n];
  const k = Math.min(sel.k.value, n);
  return sel.kind === 'size' ? [k, k] : [1, k];
}

/** Number of combos of a size in [lo, hi] among n methods that contain a given set of u methods. */
function containing(n: number, u: number, lo: number, hi: number): number {
  let sum = 0;
  for (let s = Math.max(lo, u); s <= hi; s++) sum += binomial(n - u, s - u);
  return sum;
}

/**
 * Counts the combos a pipeline expands to, after exclusions, without enumerating them
 * (inclusion-exclusion over the exclusion sets). Names that are not declared are ignored.
 */
export function countCombos(ast: Pick<PipelineAst, 'methods' | 'combos'>): number {
  const declared = [...new Set(ast.methods.map((m) => m.name.value))];
  const n = declared.length;
  const exclusions = (ast.combos?.exclude ?? [])
    .map((e) => new Set(e.methods.map((m) => m.value)))
    .filter((e) => [...e].every((m) => declared.includes(m)));
  const sel = ast.combos?.selection;
  if (sel?.kind === 'list') {
    const combos = sel.combos.map((c) => new Set(c.methods.map((m) => m.value)));
    return combos.filter((c) => !exclusions.some((e) => [...e].every((m) => c.has(m)))).length;
  }
  const range = sizeRange(ast.combos, n);
  if (!range) return 0;
  const [lo, hi] = [Math.max(1, range[0]), range[1]];
  const used = exclusions.slice(0, MAX_EXCLUSIONS);
  let total = 0;
  for (let mask = 0; mask < 2 ** used.length; mask++) {
    const union = new Set<string>();
    let bits = 0;
    used.forEach((e, i) => {
      if (mask & (1 << i)) {
        bits++;
        e.forEach((m) => union.add(m));
      }
    });
    total += (bits % 2 === 0 ? 1 : -1) * containing(n, union.size, lo, hi);
  }
  return total;
}
