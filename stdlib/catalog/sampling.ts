/**
 * The spellings of imbalanced-learn's `sampling_strategy` (pure data, shared by the compiler's
 * check and stdlib/tabular's implementation).
 */
export const SAMPLING_NAMES: readonly string[] = [
  'auto',
  'minority',
  'not minority',
  'not majority',
  'all',
];

/** Parses one per-class entry `"label=n"` (n a whole number); undefined when malformed. */
export function parseClassCount(entry: string): { label: string; count: number } | undefined {
  const at = entry.lastIndexOf('=');
  const label = entry.slice(0, at).trim();
  const text = entry.slice(at + 1).trim();
  if (at <= 0 || label === '' || !/^\d+$/.test(text)) return undefined;
  return { label, count: Number(text) };
}
