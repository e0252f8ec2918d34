import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRowWriter } from '../../../engine/formats/row-writer.js';
import type { Format } from '../../../engine/formats/types.js';
import type { TableRow } from '../../../stdlib/method.js';
import { collect, tempDir } from '../data-files.js';

const ROWS: TableRow[] = [
  { id: 1, text: 'comma, quote " and\nnewline\r\nhere', n: 1.5, b: true },
  { id: 2, text: '', n: -0.000001, b: false },
  { id: 3, text: ' spaced ', n: null, b: null },
  { id: 4, text: 'ünïcødé 😀', n: 1e21, b: true },
];
const COLUMNS = ['id', 'text', 'n', 'b'];

async function roundTrip(format: Format, rows = ROWS, columns = COLUMNS) {
  const dir = await tempDir();
  const path = join(dir, `out.${format}`);
  const writer = await createRowWriter(path, format, columns);
  for (const row of rows) await writer.write(row);
  expect(await readdir(dir), 'nothing at the final path before commit').not.toContain(
    `out.${format}`,
  );
  await writer.commit();
  expect(await readdir(dir)).toEqual([`out.${format}`]);
  return { path, ...(await collect(path, format)) };
}

describe('createRowWriter', () => {
  it('round-trips JSONL with types', async () => {
    const { rows, path } = await roundTrip('jsonl');
    expect(rows).toEqual(ROWS);
    expect((await readFile(path, 'utf8')).split('\n')[0]).toBe(
      '{"id":1,"text":"comma, quote \\" and\\nnewline\\r\\nhere","n":1.5,"b":true}',
    );
  });

  it('round-trips CSV as text: every value reads back as its string form, null as empty', async () => {
    const { rows } = await roundTrip('csv');
    expect(rows).toEqual(
      ROWS.map((row) =>
        Object.fromEntries(COLUMNS.map((c) => [c, row[c] === null ? '' : String(row[c])])),
      ),
    );
  });

  it('keeps empty values in a one-column CSV (the reader skips blank lines)', async () => {
    const rows = [{ t: 'a' }, { t: '' }, { t: null }, { t: 'b' }];
    const { rows: back } = await roundTrip('csv', rows, ['t']);
    expect(back).toEqual([{ t: 'a' }, { t: '' }, { t: '' }, { t: 'b' }]);
  });

  it('writes only the listed columns, in order, missing ones as null', async () => {
    const { rows } = await roundTrip('jsonl', [{ b: 2, a: 1, extra: 'x' }, { a: 3 }], ['a', 'b']);
    expect(rows).toEqual([
      { a: 1, b: 2 },
      { a: 3, b: null },
    ]);
  });

  it('abort leaves neither the file nor a temp file', async () => {
    for (const format of ['csv', 'jsonl', 'parquet'] as const) {
      const dir = await tempDir();
      const writer = await createRowWriter(join(dir, 'x'), format, ['a']);
      await writer.write({ a: 'v' });
      await writer.abort();
      await writer.abort();
      expect(await readdir(dir), format).toEqual([]);
    }
  });

  it('commit replaces an existing file atomically and refuses a second commit', async () => {
    const dir = await tempDir();
    const path = join(dir, 'x.jsonl');
    for (const value of ['first', 'second']) {
      const writer = await createRowWriter(path, 'jsonl', ['a']);
      await writer.write({ a: value });
      await writer.close();
      await expect(writer.commit()).rejects.toThrow(/already closed/);
    }
    expect(await readFile(path, 'utf8')).toBe('{"a":"second"}\n');
    expect(await readdir(dir)).toEqual(['x.jsonl']);
  });
});
