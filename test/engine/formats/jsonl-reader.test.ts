import { describe, expect, it } from 'vitest';
import { isDataError } from '../../../engine/formats/data-error.js';
import { collect, memorySource, readError, writeTemp } from '../data-files.js';

describe('readRecords jsonl', () => {
  it('reads typed values in the first row key order; a missing key reads as null', async () => {
    const text = '{"id":1,"text":"a","ok":true,"x":null}\r\n\n{"text":"b","id":2.5,"ok":false}\n';
    const { rows, columns, records } = await collect(memorySource(text, 3), 'jsonl');
    expect(columns).toEqual(['id', 'text', 'ok', 'x']);
    expect(rows).toEqual([
      { id: 1, text: 'a', ok: true, x: null },
      { id: 2.5, text: 'b', ok: false, x: null },
    ]);
    expect(records.map((r) => [r.row, r.line])).toEqual([
      [1, 1],
      [2, 3],
    ]);
  });

  it('fails on invalid JSON with row and line', async () => {
    const path = await writeTemp('in.jsonl', '{"a":1}\n\n{"a":\n');
    const error = await readError(path, 'jsonl');
    expect(isDataError(error)).toBe(true);
    if (!isDataError(error)) return;
    expect(error.detail).toMatchObject({ file: path, row: 2, line: 3 });
    expect(error.detail.message).toMatch(/^invalid JSON: /);
  });

  it('rejects non-objects, nested values and unknown columns under skip', async () => {
    const text = ['{"a":1,"b":"x"}', '[1,2]', '{"a":{"n":1}}', '{"a":2,"c":3}', '{"a":3}'].join(
      '\n',
    );
    const { rows, rejects } = await collect(memorySource(text), 'jsonl', { onBadRow: 'skip' });
    expect(rows).toEqual([
      { a: 1, b: 'x' },
      { a: 3, b: null },
    ]);
    expect(rejects.map((r) => [r.row, r.line, r.message, r.raw])).toEqual([
      [2, 2, 'a JSONL row must be a JSON object', '[1,2]'],
      [
        3,
        3,
        'column `a` holds an object; only strings, numbers, booleans and null are supported',
        '{"a":{"n":1}}',
      ],
      [4, 4, "column `c` is not in the first row's columns", '{"a":2,"c":3}'],
    ]);
  });

  it('reports invalid UTF-8 on its line', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"a":"x"}\n{"a":"'),
      0xc3,
      0x28,
      ...new TextEncoder().encode('"}\n'),
    ]);
    const { rows, rejects } = await collect(memorySource(bytes, 2), 'jsonl', { onBadRow: 'skip' });
    expect(rows).toEqual([{ a: 'x' }]);
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toMatchObject({
      row: 2,
      line: 2,
      message: 'invalid UTF-8 at byte offset 16',
    });
  });

  it('reads a BOM-prefixed file and a 10 MB value', async () => {
    const big = 'y'.repeat(10 * 1024 * 1024);
    const path = await writeTemp('big.jsonl', `\uFEFF{"t":"${big}"}\n{"t":"z"}`);
    const { rows } = await collect(path, 'jsonl');
    expect(rows.map((r) => (r.t as string).length)).toEqual([big.length, 1]);
  });

  it('fails on an empty file and on a file of blank lines', async () => {
    const empty = await readError(memorySource(''), 'jsonl');
    expect(isDataError(empty) && empty.detail.message).toBe('file is empty');
    const blank = await readError(memorySource('\n  \n'), 'jsonl');
    expect(isDataError(blank) && blank.detail.message).toBe('file has no rows');
  });
});
