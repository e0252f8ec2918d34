import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDataError } from '../../../engine/formats/data-error.js';
import { ROW_GROUP_ROWS } from '../../../engine/formats/parquet-writer.js';
import { toCell } from '../../../engine/formats/parquet-reader.js';
import { columnTypeOf } from '../../../engine/formats/parquet-types.js';
import { createRowWriter } from '../../../engine/formats/row-writer.js';
import type { TableRow } from '../../../stdlib/method.js';
import { collect, readError, tempDir } from '../data-files.js';
import { parquetPhysicalTypes } from './parquet-footer.js';

async function writeParquet(rows: TableRow[], columns: string[], types = {}): Promise<string> {
  const path = join(await tempDir(), 'out.parquet');
  const writer = await createRowWriter(path, 'parquet', columns, { types });
  for (const row of rows) await writer.write(row);
  await writer.commit();
  return path;
}

describe('parquet', () => {
  it('round-trips strings, numbers, booleans and nulls', async () => {
    const rows: TableRow[] = [
      { id: 1, text: 'héllo, "x"\nline', flag: true, score: 0.25, empty: null },
      { id: -2, text: '', flag: false, score: null, empty: null },
      { id: 3e20, text: null, flag: null, score: 1 / 3, empty: null },
    ];
    const path = await writeParquet(rows, ['id', 'text', 'flag', 'score', 'empty']);
    const { rows: back, columns } = await collect(path, 'parquet');
    expect(columns).toEqual(['id', 'text', 'flag', 'score', 'empty']);
    expect(back).toEqual(rows);
  });

  it('writes several row groups and reads them back in order with row numbers', async () => {
    const count = ROW_GROUP_ROWS * 2 + 17;
    const rows = Array.from({ length: count }, (_, i) => ({ n: i, s: `row ${i}` }));
    const path = await writeParquet(rows, ['n', 's']);
    const { rows: back, records } = await collect(path, 'parquet');
    expect(back).toEqual(rows);
    expect(records.at(-1)?.row).toBe(count);
  });

  it('uses declared column types, so an all-null first group can still hold numbers', async () => {
    const rows: TableRow[] = [{ v: null }, { v: 2 }];
    const path = await writeParquet(rows, ['v'], { v: 'number' });
    expect((await collect(path, 'parquet')).rows).toEqual(rows);
  });

  it('writes `integer` columns as INT64 (read with a footer parser that is not hyparquet)', async () => {
    const rows: TableRow[] = [
      { n: 70, x: 70, s: 'a' },
      { n: null, x: 0.5, s: null },
      { n: -3, x: 1, s: 'b' },
    ];
    const path = await writeParquet(rows, ['n', 'x', 's'], { n: 'integer' });
    expect(parquetPhysicalTypes(path)).toEqual({ n: 'INT64', x: 'DOUBLE', s: 'BYTE_ARRAY' });
    expect((await collect(path, 'parquet')).rows).toEqual(rows);
  });

  it('writes INT32 and FLOAT columns, and an INT64 given as decimal text beyond 2^53', async () => {
    const big = '9007199254740993';
    const rows: TableRow[] = [
      { i: 7, f: 0.5, n: big },
      { i: -2147483648, f: null, n: 3 },
    ];
    const path = await writeParquet(rows, ['i', 'f', 'n'], {
      i: 'int32',
      f: 'float',
      n: 'integer',
    });
    expect(parquetPhysicalTypes(path)).toEqual({ i: 'INT32', f: 'FLOAT', n: 'INT64' });
    // The reader gives back an INT64 beyond 2^53 as its decimal text, as the chunk files hold it.
    expect((await collect(path, 'parquet')).rows).toEqual(rows);
    const over = join(await tempDir(), 'over.parquet');
    const writer = await createRowWriter(over, 'parquet', ['i'], { types: { i: 'int32' } });
    await writer.write({ i: 2 ** 31 });
    const error = await writer.commit().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isDataError(error) && error.detail.message).toBe(
      'column `i` holds a number out of its range but is an INT32 column; a Parquet column has one type',
    );
  });

  it('maps the Parquet types whose values round-trip, and no others', () => {
    const el = (fields: object) => ({ name: 'c', ...fields });
    expect(columnTypeOf(el({ type: 'INT64' }))).toBe('integer');
    expect(columnTypeOf(el({ type: 'INT64', converted_type: 'INT_64' }))).toBe('integer');
    expect(columnTypeOf(el({ type: 'INT32', converted_type: 'INT_16' }))).toBe('int32');
    expect(
      columnTypeOf(
        el({ type: 'INT32', logical_type: { type: 'INTEGER', bitWidth: 8, isSigned: true } }),
      ),
    ).toBe('int32');
    expect(columnTypeOf(el({ type: 'FLOAT' }))).toBe('float');
    expect(columnTypeOf(el({ type: 'DOUBLE' }))).toBe('number');
    expect(columnTypeOf(el({ type: 'BOOLEAN' }))).toBe('boolean');
    expect(columnTypeOf(el({ type: 'BYTE_ARRAY', converted_type: 'UTF8' }))).toBe('string');
    expect(columnTypeOf(el({ type: 'BYTE_ARRAY', logical_type: { type: 'STRING' } }))).toBe(
      'string',
    );
    for (const other of [
      { type: 'INT32', converted_type: 'DATE' },
      { type: 'INT32', converted_type: 'UINT_32' },
      { type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' } },
      { type: 'INT64', converted_type: 'DECIMAL', precision: 10, scale: 2 },
      { type: 'BYTE_ARRAY' },
      { type: 'FIXED_LEN_BYTE_ARRAY', type_length: 16 },
      { num_children: 1 },
      { type: 'INT64', repetition_type: 'REPEATED' },
    ])
      expect(columnTypeOf(el(other) as never), JSON.stringify(other)).toBeUndefined();
  });

  it('refuses a fraction in an integer column, naming the row', async () => {
    const path = join(await tempDir(), 'frac.parquet');
    const writer = await createRowWriter(path, 'parquet', ['n'], { types: { n: 'integer' } });
    await writer.write({ n: 1 });
    await writer.write({ n: 1.5 });
    const error = await writer.commit().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isDataError(error) && error.detail).toEqual({
      file: path,
      row: 2,
      message:
        'column `n` holds a non-integer number but is an integer column; a Parquet column has one type',
    });
  });

  it('refuses a column whose values change type, naming the row', async () => {
    const path = join(await tempDir(), 'mixed.parquet');
    const writer = await createRowWriter(path, 'parquet', ['v']);
    await writer.write({ v: 'a' });
    await writer.write({ v: 2 });
    const error = await writer.commit().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isDataError(error) && error.detail).toEqual({
      file: path,
      row: 2,
      message: 'column `v` holds a number but is a string column; a Parquet column has one type',
    });
  });

  it('fails clearly on an empty file and on a file that is not Parquet', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'empty.parquet'), '');
    await writeFile(join(dir, 'csv.parquet'), 'a,b\n1,2\n');
    const empty = await readError(join(dir, 'empty.parquet'), 'parquet');
    expect(isDataError(empty) && empty.detail.message).toBe('file is empty');
    const notParquet = await readError(join(dir, 'csv.parquet'), 'parquet');
    expect(isDataError(notParquet) && notParquet.detail.message).toMatch(
      /^not a readable Parquet file: /,
    );
  });

  it('maps Parquet-only types to cells without loss', () => {
    expect(toCell(5n)).toBe(5);
    expect(toCell(2n ** 60n)).toBe('1152921504606846976');
    expect(toCell(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(toCell(new Uint8Array([1, 2]))).toBe('AQI=');
    expect(toCell({ a: [1n] })).toBe('{"a":["1"]}');
    expect(toCell(undefined)).toBeNull();
  });
});
