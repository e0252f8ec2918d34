import type { Diagnostic, Result } from '../diagnostics/diagnostic.js';
import type { NumberLit } from '../syntax/tree.js';
import { didYouMean } from './did-you-mean.js';

export type QuantityKind = 'bytes' | 'seconds' | 'factor';

export const MEMORY_UNITS: Readonly<Record<string, number>> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
};

export const DURATION_UNITS: Readonly<Record<string, number>> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
};

const FACTOR_UNITS: Readonly<Record<string, number>> = { x: 1 };

const TABLES: Record<QuantityKind, Readonly<Record<string, number>>> = {
  bytes: MEMORY_UNITS,
  seconds: DURATION_UNITS,
  factor: FACTOR_UNITS,
};

const KIND_WORDS: Record<QuantityKind, string> = {
  bytes: 'a memory size',
  seconds: 'a duration',
  factor: 'a factor',
};

const EXAMPLES: Record<QuantityKind, string> = {
  bytes: 'memory units are B, KB, MB, GB, TB, KiB, MiB, GiB, TiB, e.g. `16GiB`',
  seconds: 'duration units are ms, s, m, h, d, e.g. `30m`',
  factor: 'a factor is a plain number or has the unit x, e.g. `2x`',
};

function kindOfUnit(unit: string): QuantityKind | undefined {
  return (Object.keys(TABLES) as QuantityKind[]).find((k) => unit in TABLES[k]);
}

/**
 * Normalises a number with a unit to bytes, seconds or a plain factor. `what` names the attribute
 * in messages. A factor may omit its unit; bytes and seconds must have one.
 */
export function toQuantity(lit: NumberLit, kind: QuantityKind, what: string): Result<number> {
  const fail = (d: Omit<Diagnostic, 'severity' | 'span'>): Result<number> => ({
    value: undefined,
    diagnostics: [{ severity: 'error', span: lit.span, ...d }],
  });
  if (lit.unit === undefined) {
    if (kind === 'factor') return { value: lit.value, diagnostics: [] };
    return fail({
      code: 'AUG2005',
      message: `\`${what}\` needs ${KIND_WORDS[kind]} with a unit, found \`${lit.raw}\``,
      help: EXAMPLES[kind],
    });
  }
  const scale = TABLES[kind][lit.unit];
  if (scale !== undefined) return { value: lit.value * scale, diagnostics: [] };
  const other = kindOfUnit(lit.unit);
  const hint = other ? undefined : didYouMean(lit.unit, Object.keys(TABLES[kind]));
  return fail({
    code: 'AUG2006',
    message: other
      ? `\`${what}\` needs ${KIND_WORDS[kind]}, but \`${lit.unit}\` is the unit of ${KIND_WORDS[other]}`
      : `unknown unit \`${lit.unit}\` in \`${lit.raw}\``,
    help: hint ? `${hint} (${EXAMPLES[kind]})` : EXAMPLES[kind],
  });
}

/** Formats bytes for messages: the largest binary unit that gives a whole number, else bytes. */
export function formatBytes(bytes: number): string {
  for (const unit of ['TiB', 'GiB', 'MiB', 'KiB'] as const) {
    const scale = MEMORY_UNITS[unit] ?? 1;
    if (bytes >= scale && Number.isInteger(bytes / scale)) return `${bytes / scale}${unit}`;
  }
  return `${bytes}B`;
}

/** Formats seconds for messages: `90m`, `2h`, `45s`. */
export function formatSeconds(seconds: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const scale = DURATION_UNITS[unit] ?? 1;
    if (seconds >= scale && Number.isInteger(seconds / scale)) return `${seconds / scale}${unit}`;
  }
  return `${seconds}s`;
}
