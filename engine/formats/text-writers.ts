/**
 * Row encoders for the text formats. Both write only the given columns, in that order, with `\n`
 * line ends; a missing value is written as null (JSONL) or an empty field (CSV).
 */
import type { CellValue, TableRow } from '../../stdlib/method.js';

export interface RowEncoder {
  /** Text written before the first row. */
  start: string;
  encode(row: TableRow): string;
}

const NEEDS_QUOTES = /[",\r\n]/;

function csvField(value: CellValue | undefined, alone: boolean): string {
  if (value === null || value === undefined || value === '') return alone ? '""' : '';
  const text = typeof value === 'string' ? value : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * CSV per RFC 4180 except for `\n` line ends. In a one-column file an empty value is written as
 * `""`, because the reader skips blank lines.
 */
export function csvEncoder(columns: readonly string[]): RowEncoder {
  const alone = columns.length === 1;
  return {
    start: `${columns.map((c) => csvField(c, alone)).join(',')}\n`,
    encode(row) {
      let line = '';
      for (const column of columns) line += `,${csvField(row[column], alone)}`;
      return `${line.slice(1)}\n`;
    },
  };
}

/** JSONL with keys in column order. Non-finite numbers become null (JSON has no NaN). */
export function jsonlEncoder(columns: readonly string[]): RowEncoder {
  return {
    start: '',
    encode(row) {
      const ordered: TableRow = {};
      for (const column of columns) ordered[column] = row[column] ?? null;
      return `${JSON.stringify(ordered)}\n`;
    },
  };
}
