/** Streaming CSV reader: bytes -> UTF-8 text -> records -> rows keyed by the header. */
import type { TableRow } from '../../stdlib/method.js';
import type { ByteSource } from '../storage/storage.js';
import { handleBadRow } from './bad-rows.js';
import { CsvParser, type CsvRecord } from './csv-parser.js';
import { DataError } from './data-error.js';
import { checkHeader } from './header.js';
import type { ReadOptions, RowRecord } from './types.js';
import { decodeUtf8 } from './utf8.js';

interface CsvState {
  header: string[] | undefined;
  row: number;
}

/** The good rows of each decoded piece of the file (64 KiB), in order; empty pieces yield nothing. */
export async function* readCsvBatches(
  source: ByteSource,
  opts: ReadOptions,
): AsyncGenerator<RowRecord[]> {
  const parser = new CsvParser();
  const state: CsvState = { header: undefined, row: 0 };
  let sawBytes = false;
  const batch: CsvRecord[] = [];
  for await (const piece of decodeUtf8(source.stream(), opts.onBytes)) {
    if (piece.text.length > 0) sawBytes = true;
    parser.feed(piece.text, batch);
    if (piece.invalidAt !== undefined) {
      sawBytes = true;
      parser.markBad(`invalid UTF-8 at byte offset ${piece.invalidAt}`);
      parser.feed('\uFFFD', batch);
    }
    const rows = takeRows(source.name, batch, state, opts);
    if (rows.length > 0) yield rows;
  }
  parser.finish(batch);
  const rows = takeRows(source.name, batch, state, opts);
  if (rows.length > 0) yield rows;
  if (state.header === undefined) {
    const message = sawBytes ? 'file has no header row' : 'file is empty (no header row)';
    throw new DataError({ file: source.name, row: 0, message });
  }
}

function takeRows(
  file: string,
  batch: CsvRecord[],
  state: CsvState,
  opts: ReadOptions,
): RowRecord[] {
  const rows: RowRecord[] = [];
  for (const record of batch) {
    if (state.header === undefined) {
      state.header = readHeader(file, record);
      opts.onColumns?.(state.header);
      continue;
    }
    state.row++;
    const row = toRow(file, record, state.header, state.row, opts);
    if (row !== undefined) rows.push(row);
  }
  batch.length = 0;
  return rows;
}

function readHeader(file: string, record: CsvRecord): string[] {
  if (record.bad !== undefined) {
    throw new DataError({ file, row: 0, line: record.line, message: `bad header: ${record.bad}` });
  }
  checkHeader(file, record.fields, record.line);
  return record.fields;
}

function toRow(
  file: string,
  record: CsvRecord,
  header: string[],
  row: number,
  opts: ReadOptions,
): RowRecord | undefined {
  const { fields, line } = record;
  let message = record.bad;
  if (message === undefined && fields.length !== header.length) {
    message = `expected ${header.length} fields (the header's count), found ${fields.length}`;
  }
  if (message !== undefined) {
    handleBadRow({ file, row, line, message, raw: record.raw ?? fields.join(',') }, opts);
    return undefined;
  }
  const values: TableRow = {};
  header.forEach((name, k) => {
    values[name] = fields[k] ?? '';
  });
  return { row, line, values };
}
