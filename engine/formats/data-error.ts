/**
 * Errors in a user's data file. Readers are async iterators, and an iterator can only stop its
 * consumer by throwing, so this is the one place in augc where a user error is thrown rather
 * than returned: `DataError` carries plain data (`BadData`) that the CLI renders as
 * `error: <file>:<line>: row <row>: <message>` without a stack trace (exit 1; 66 for a missing file
 * is the caller's business). Code that catches it should use `isDataError`, never `instanceof`
 * alone, because a worker may receive it serialised.
 */
export interface BadData {
  /** The path or URI as the user wrote it. */
  file: string;
  /** 1-based data row (the header is row 0); 0 also for whole-file problems. */
  row: number;
  /** 1-based physical line where the row starts (CSV and JSONL). */
  line?: number;
  message: string;
}

/** A row dropped under `onBadRow: 'skip'`. `raw` is the row's text, cut to `RAW_LIMIT` chars. */
export interface Reject extends BadData {
  raw: string;
}

export const RAW_LIMIT = 4096;

export class DataError extends Error {
  readonly detail: BadData;
  constructor(detail: BadData) {
    super(formatBadData(detail));
    this.name = 'DataError';
    this.detail = detail;
  }
}

export function isDataError(error: unknown): error is DataError {
  return error instanceof Error && error.name === 'DataError' && 'detail' in error;
}

/** `file:line: row N: message`, the form the CLI prints. */
export function formatBadData(detail: BadData): string {
  const where = detail.line === undefined ? detail.file : `${detail.file}:${detail.line}`;
  const row = detail.row > 0 ? ` row ${detail.row}:` : '';
  return `${where}:${row} ${detail.message}`;
}

export function cutRaw(raw: string): string {
  return raw.length > RAW_LIMIT ? `${raw.slice(0, RAW_LIMIT)}…` : raw;
}
