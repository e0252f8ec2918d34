/**
 * Characters OCR engines commonly confuse (digits with look-alike letters and vice versa). Only
 * single characters, so edits stay inside a word. The table is symmetric: it is built from the
 * pairs below in both directions.
 */
const PAIRS: readonly [string, string][] = [
  ['0', 'o'],
  ['0', 'O'],
  ['0', 'D'],
  ['0', 'Q'],
  ['1', 'l'],
  ['1', 'I'],
  ['1', 'i'],
  ['l', 'I'],
  ['2', 'Z'],
  ['2', 'z'],
  ['4', 'A'],
  ['5', 'S'],
  ['5', 's'],
  ['5', '8'],
  ['6', 'b'],
  ['6', 'G'],
  ['7', 'T'],
  ['7', '/'],
  ['8', 'B'],
  ['8', '3'],
  ['9', 'g'],
  ['9', 'q'],
  ['c', 'e'],
  ['u', 'v'],
  ['n', 'h'],
];

function buildMap(): Map<string, string[]> {
  const map = new Map<string, Set<string>>();
  const add = (a: string, b: string): void => {
    const set = map.get(a) ?? new Set<string>();
    set.add(b);
    map.set(a, set);
  };
  for (const [a, b] of PAIRS) {
    add(a, b);
    add(b, a);
  }
  return new Map([...map].map(([k, v]) => [k, [...v].sort()]));
}

const OCR_MAP = buildMap();

/** Sorted look-alikes of `ch` (empty when it has none). */
export function ocrConfusions(ch: string): readonly string[] {
  return OCR_MAP.get(ch) ?? [];
}
