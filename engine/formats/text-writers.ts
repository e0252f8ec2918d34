/**
 * Row encoders for the text formats. Both write only the given columns, in that order, with `\n`
 * line ends; a missing value is written as null (JSONL) or an empty field (CSV).
 */
import type { CellValue, TableRow } from '../../stdlib/method.js';

export interface RowEncoder {
  /** Text written before the first row. */
  start: string;
  encode(row: TableRow): string;
  /**
   * For lines that differ only in the `varying` columns (a task's variants of one input row):
   * the other cells are encoded once. `encode({...row, ...varying values})` gives the same text.
   */
  template(varying: readonly string[]): LineTemplate;
}

/** Lines sharing every cell but a few; see `RowEncoder.template`. */
export interface LineTemplate {
  /** The text around the varying cells, from the cells of `row` (its varying ones are unused). */
  prepare(row: TableRow): readonly string[];
  /** One line: `values` (in `varying` order) between the parts of `prepare`. */
  line(parts: readonly string[], values: readonly (CellValue | undefined)[]): string;
}

/** Cells in the given order, separated by `separator`, split around the varying columns. */
function slotTemplate(
  order: readonly string[],
  varying: readonly string[],
  cell: (column: string, value: CellValue | undefined) => string,
  ends: { open: string; separator: string; close: string },
): LineTemplate {
  const slotOf = new Map(varying.map((c, k) => [c, k]));
  const slots = order.map((c) => slotOf.get(c) ?? -1);
  // Varying columns in the order they appear, and the value index each takes.
  const valueIndex = slots.filter((k) => k >= 0);
  return {
    prepare(row) {
      const parts: string[] = [];
      let text = ends.open;
      order.forEach((column, i) => {
        if (i > 0) text += ends.separator;
        if ((slots[i] ?? -1) < 0) text += cell(column, row[column]);
        else {
          parts.push(text);
          text = '';
        }
      });
      parts.push(text + ends.close);
      return parts;
    },
    line(parts, values) {
      let text = parts[0] ?? '';
      for (let k = 0; k < valueIndex.length; k++) {
        const column = varying[valueIndex[k] ?? 0] ?? '';
        text += cell(column, values[valueIndex[k] ?? 0]) + (parts[k + 1] ?? '');
      }
      return text;
    },
  };
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
  const ends = { open: '', separator: ',', close: '\n' };
  return {
    start: `${columns.map((c) => csvField(c, alone)).join(',')}\n`,
    encode(row) {
      let line = '';
      for (const column of columns) line += `,${csvField(row[column], alone)}`;
      return `${line.slice(1)}\n`;
    },
    template: (varying) =>
      slotTemplate(columns, varying, (_c, value) => csvField(value, alone), ends),
  };
}

/** JSONL with keys in column order. Non-finite numbers become null (JSON has no NaN). */
export function jsonlEncoder(columns: readonly string[]): RowEncoder {
  // The order JSON.stringify writes the keys in: an object's own order (integer-like keys first).
  const probe: Record<string, number> = {};
  for (const column of columns) probe[column] = 0;
  const keys = Object.keys(probe);
  const ends = { open: '{', separator: ',', close: '}\n' };
  return {
    start: '',
    encode(row) {
      const ordered: TableRow = {};
      for (const column of columns) ordered[column] = row[column] ?? null;
      return `${JSON.stringify(ordered)}\n`;
    },
    template(varying) {
      const keyText = new Map(keys.map((k) => [k, `${JSON.stringify(k)}:`]));
      const cell = (column: string, value: CellValue | undefined) =>
        `${keyText.get(column) ?? ''}${JSON.stringify(value ?? null)}`;
      return slotTemplate(keys, varying, cell, ends);
    },
  };
}
