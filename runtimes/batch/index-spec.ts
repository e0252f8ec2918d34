/**
 * Array index specs: a sorted list of indices written as ranges (`0-99`, `3,7,12-15`), the syntax
 * Slurm `--array` and Torque `-t` share. PBS Pro `-J` takes one range only (see `spanOf`).
 */

export function formatIndices(indices: readonly number[]): string {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

export function parseIndices(spec: string): number[] {
  const out: number[] = [];
  for (const part of spec.split(',').filter((p) => p !== '')) {
    const [a, b] = part.split('-').map(Number);
    if (a === undefined || !Number.isInteger(a)) throw new Error(`bad index spec \`${spec}\``);
    const end = b ?? a;
    for (let i = a; i <= end; i++) out.push(i);
  }
  return out;
}

/** The smallest single range covering a spec (`3,7,12-15` -> `3-15`). */
export function spanOf(spec: string): { first: number; last: number } {
  const all = parseIndices(spec);
  return { first: all[0] ?? 0, last: all.at(-1) ?? 0 };
}

export function isSingleRange(spec: string): boolean {
  return !spec.includes(',');
}
