/**
 * The reading half of `splitInput`: streams the input once, hashing it, checking that the
 * columns the pipeline names exist, that text columns hold text and feature columns numbers, and
 * applying the bad-row policy to both the readers' rejects and these checks.
 */
import type { PlanInput } from '../compiler/plan/types.js';
import { handleBadRow } from './formats/bad-rows.js';
import { cutRaw, DataError, isDataError, type Reject } from './formats/data-error.js';
import { readRecordBatches } from './formats/read-rows.js';
import type { ColumnType } from './formats/parquet-writer.js';
import type { RowRecord } from './formats/types.js';
import { inputReadingOf, requireInputSource } from './input-source.js';

export interface ReadSummary {
  columns: string[];
  /** The columns' declared types, when the input's format has them (Parquet). */
  types?: Readonly<Record<string, ColumnType>>;
  rows: number;
  sha256: string;
}

/** Every column the pipeline refers to, each once. */
function namedColumns(input: PlanInput): string[] {
  const names = [
    input.id,
    ...input.text,
    ...(input.features ?? []),
    input.label,
    ...input.keep,
    ...input.protect,
  ];
  return [...new Set(names.filter((n): n is string => n !== undefined))];
}

function checkColumns(
  file: string,
  input: PlanInput,
  columns: readonly string[],
  reserved: string,
): void {
  if (columns.includes(reserved)) {
    throw new DataError({
      file,
      row: 0,
      message: `column name \`${reserved}\` is reserved by augc`,
    });
  }
  const missing = namedColumns(input).filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    const list = missing.map((m) => `\`${m}\``).join(', ');
    const has = columns.map((c) => `\`${c}\``).join(', ');
    const message = `missing column${missing.length > 1 ? 's' : ''} ${list} (the file has ${has || 'no columns'})`;
    throw new DataError({ file, row: 0, message });
  }
}

/** CSV cells are always strings: only feature columns can hold something wrong. */
function needsCellCheck(input: PlanInput): boolean {
  return input.format !== 'csv' || (input.features ?? []).length > 0;
}

/** Text columns must hold strings; null and '' are kept (there is nothing to augment). */
function cellProblem(input: PlanInput, record: RowRecord): string | undefined {
  for (const column of input.text) {
    const value = record.values[column];
    if (value !== null && typeof value !== 'string') {
      return `text column \`${column}\` holds a ${typeof value} (${String(value)}), not text`;
    }
  }
  return featureProblem(input, record);
}

/** Feature columns must hold numbers (CSV cells that read as one); null and '' are kept as gaps. */
function featureProblem(input: PlanInput, record: RowRecord): string | undefined {
  for (const column of input.features ?? []) {
    const value = record.values[column];
    if (value === null || value === undefined || String(value).trim() === '') continue;
    const n = typeof value === 'string' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n)) {
      return `feature column \`${column}\` holds ${JSON.stringify(value)}, not a number`;
    }
  }
  return undefined;
}

export async function readInputRows(
  input: PlanInput,
  reserved: string,
  onReject: (reject: Reject) => Promise<void>,
  /** Returns a promise only when it must wait (a chunk file opening or a batch being written). */
  onRow: (
    record: RowRecord,
    index: number,
    columns: readonly string[],
  ) => Promise<void> | undefined,
): Promise<ReadSummary> {
  const reading = inputReadingOf(requireInputSource(input.uri), input.uri, input.format);
  // The reader skips bad rows into `pending` whatever the policy; the policy is applied here, in
  // file order, to its rejects and this module's alike: a batch is parsed whole before its rows
  // are checked, and the first bad row must be the one reported under `fail`.
  const pending: Reject[] = [];
  const policy = {
    onBadRow: input.onBadRow ?? 'fail',
    onReject: (r: Reject) => void pending.push(r),
  };
  let columns: string[] = [];
  let types: Readonly<Record<string, ColumnType>> | undefined;
  let rows = 0;
  const batches = readRecordBatches(reading.source, input.format, {
    onBadRow: 'skip',
    onReject: policy.onReject,
    onColumns: (names) => {
      checkColumns(input.uri, input, names, reserved);
      columns = [...names];
    },
    onColumnTypes: (declared) => (types = declared),
    ...(reading.onBytes ? { onBytes: reading.onBytes } : {}),
  });
  const checkCells = needsCellCheck(input);
  /** Applies the policy to the reader's rejects before row `before` (all with Infinity). */
  const rejectsBefore = async (before: number): Promise<void> => {
    while (pending.length > 0 && (pending[0]?.row ?? 0) < before) {
      const reject = pending.shift() as Reject;
      handleBadRow(reject, { onBadRow: policy.onBadRow });
      await onReject(reject);
    }
  };
  const iterator = batches[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<RowRecord[]>;
    try {
      next = await iterator.next();
    } catch (error) {
      // A whole-file error at the end (e.g. no good row at all) comes after the bad rows it counts.
      if (isDataError(error) && policy.onBadRow === 'fail') await rejectsBefore(Infinity);
      throw error;
    }
    if (next.done) break;
    for (const record of next.value) {
      if (pending.length > 0) await rejectsBefore(record.row);
      const problem = checkCells ? cellProblem(input, record) : undefined;
      if (problem === undefined) {
        const writing = onRow(record, rows++, columns);
        if (writing) await writing;
        continue;
      }
      const reject = rejectOf(input.uri, record, problem);
      handleBadRow(reject, { onBadRow: policy.onBadRow });
      await onReject({ ...reject, raw: cutRaw(reject.raw) });
    }
    await rejectsBefore(Infinity);
  }
  await rejectsBefore(Infinity);
  return { columns, ...(types ? { types } : {}), rows, sha256: await reading.sha256() };
}

function rejectOf(file: string, record: RowRecord, message: string): Reject {
  const where = record.line === undefined ? {} : { line: record.line };
  return { file, row: record.row, ...where, message, raw: JSON.stringify(record.values) };
}
