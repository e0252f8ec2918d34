/**
 * Streaming JSONL reader. Each non-blank line is one JSON object whose values are strings,
 * numbers, booleans or null. The first good row fixes the columns (in its key order); a later
 * row may omit a column (read as null) but may not add one, which would otherwise be lost.
 */
import type { CellValue, TableRow } from '../../stdlib/method.js';
import type { ByteSource } from '../storage/storage.js';
import { handleBadRow } from './bad-rows.js';
import { DataError } from './data-error.js';
import type { ReadOptions, RowRecord } from './types.js';
import { decodeUtf8 } from './utf8.js';

interface JsonlState {
  columns: string[] | undefined;
  row: number;
  line: number;
  /** Text of the current, unfinished line. */
  partial: string;
  /** Invalid UTF-8 seen in the current line. */
  bad: string | undefined;
  sawText: boolean;
}

/** The good rows of each decoded piece of the file (64 KiB), in order; empty pieces yield nothing. */
export async function* readJsonlBatches(
  source: ByteSource,
  opts: ReadOptions,
): AsyncGenerator<RowRecord[]> {
  const state: JsonlState = {
    columns: undefined,
    row: 0,
    line: 0,
    partial: '',
    bad: undefined,
    sawText: false,
  };
  for await (const piece of decodeUtf8(source.stream(), opts.onBytes)) {
    if (piece.text.length > 0) state.sawText = true;
    const rows = takeLines(source.name, piece.text, state, opts);
    if (rows.length > 0) yield rows;
    if (piece.invalidAt !== undefined) {
      state.bad ??= `invalid UTF-8 at byte offset ${piece.invalidAt}`;
      state.partial += '\uFFFD';
    }
  }
  const last = takeLine(source.name, state.partial, state, opts);
  if (last !== undefined) yield [last];
  if (state.columns === undefined) {
    const message = state.sawText || state.row > 0 ? 'file has no rows' : 'file is empty';
    throw new DataError({ file: source.name, row: 0, message });
  }
}

function takeLines(file: string, text: string, state: JsonlState, opts: ReadOptions): RowRecord[] {
  const rows: RowRecord[] = [];
  let start = 0;
  let end = text.indexOf('\n');
  while (end !== -1) {
    const line =
      state.partial === '' ? text.slice(start, end) : state.partial + text.slice(start, end);
    state.partial = '';
    const record = takeLine(file, line, state, opts);
    if (record !== undefined) rows.push(record);
    start = end + 1;
    end = text.indexOf('\n', start);
  }
  state.partial += text.slice(start);
  return rows;
}

function takeLine(
  file: string,
  text: string,
  state: JsonlState,
  opts: ReadOptions,
): RowRecord | undefined {
  state.line++;
  const line = state.line;
  const bad = state.bad;
  state.bad = undefined;
  const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
  if (trimmed.trim() === '' && bad === undefined) return undefined;
  state.row++;
  const row = state.row;
  const parsed = bad === undefined ? parseRow(trimmed, state) : { error: bad };
  if ('error' in parsed) {
    handleBadRow({ file, row, line, message: parsed.error, raw: trimmed }, opts);
    return undefined;
  }
  if (state.columns === undefined) {
    state.columns = Object.keys(parsed.values);
    opts.onColumns?.(state.columns);
  }
  return { row, line, values: parsed.values };
}

type Parsed = { values: TableRow } | { error: string };

function parseRow(text: string, state: JsonlState): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `invalid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: 'a JSONL row must be a JSON object' };
  }
  const object = value as Record<string, unknown>;
  if (Object.hasOwn(object, '__proto__'))
    return { error: 'column name `__proto__` is not allowed' };
  // One pass over the keys: check the cells, and whether the keys are the columns in order (then
  // the parsed object is the row as it is; the common case, and always so in chunk files).
  const columns = state.columns;
  let inOrder = columns !== undefined;
  let k = 0;
  for (const key in object) {
    const cell = object[key];
    if (cell !== null && typeof cell === 'object') {
      return {
        error: `column \`${key}\` holds an ${Array.isArray(cell) ? 'array' : 'object'}; only strings, numbers, booleans and null are supported`,
      };
    }
    if (inOrder && key !== columns?.[k]) inOrder = false;
    k++;
  }
  if (columns === undefined || (inOrder && k === columns.length))
    return { values: object as TableRow };
  return alignColumns(object as TableRow, columns);
}

function alignColumns(object: TableRow, columns: string[]): Parsed {
  const values: TableRow = {};
  for (const column of columns) values[column] = (object[column] ?? null) as CellValue;
  const keys = Object.keys(object);
  if (keys.length > columns.length || keys.some((k) => !Object.hasOwn(values, k))) {
    const extra = keys.find((k) => !columns.includes(k)) ?? '';
    return { error: `column \`${extra}\` is not in the first row's columns` };
  }
  return { values };
}
