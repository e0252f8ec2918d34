import { describe, expect, it } from 'vitest';
import { isDataError, type DataError } from '../../../engine/formats/data-error.js';
import { collect, memorySource, readError, writeTemp } from '../data-files.js';

const TRICKY = [
  'id,text,label',
  '1,"hello, world",a',
  '2,"she said ""hi""",b',
  '3,"two\nlines",c',
  '4,,d',
  '5,"",e',
  '6,héllo ✓ 😀,f',
].join('\n');

const EXPECTED = [
  { id: '1', text: 'hello, world', label: 'a' },
  { id: '2', text: 'she said "hi"', label: 'b' },
  { id: '3', text: 'two\nlines', label: 'c' },
  { id: '4', text: '', label: 'd' },
  { id: '5', text: '', label: 'e' },
  { id: '6', text: 'héllo ✓ 😀', label: 'f' },
];

async function dataError(promise: Promise<unknown>): Promise<DataError> {
  const error = await promise;
  if (!isDataError(error)) throw new Error(`expected a DataError, got ${String(error)}`);
  return error;
}

describe('readRecords csv', () => {
  it('reads quoted fields, doubled quotes, embedded newlines and unicode from a file', async () => {
    const path = await writeTemp('in.csv', `${TRICKY}\n`);
    const { rows, columns, records } = await collect(path, 'csv');
    expect(columns).toEqual(['id', 'text', 'label']);
    expect(rows).toEqual(EXPECTED);
    expect(records.map((r) => [r.row, r.line])).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 6],
      [5, 7],
      [6, 8],
    ]);
  });

  it('gives the same rows whatever the read size (records and characters split across reads)', async () => {
    for (const piece of [1, 2, 3, 7, 64]) {
      const { rows } = await collect(memorySource(TRICKY, piece), 'csv');
      expect(rows, `piece ${piece}`).toEqual(EXPECTED);
    }
  });

  it('strips a BOM and accepts CRLF, LF and CR line ends mixed', async () => {
    const text = '\uFEFFa,b\r\n1,2\n3,"x\r\ny"\r4,5\r\n';
    const { rows, columns, records } = await collect(memorySource(text, 3), 'csv');
    expect(columns).toEqual(['a', 'b']);
    expect(rows).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: 'x\r\ny' },
      { a: '4', b: '5' },
    ]);
    expect(records.map((r) => r.line)).toEqual([2, 3, 5]);
  });

  it('reads a last row without a final newline and skips blank lines', async () => {
    const { rows } = await collect(memorySource('a,b\n\n1,2\n\n3,4'), 'csv');
    expect(rows).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
  });

  it('reads a 10 MB field, quoted and unquoted', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const path = await writeTemp('big.csv', `id,text\n1,"${big}"\n2,${big}\n3,small\n`);
    const { rows } = await collect(path, 'csv');
    expect(rows.map((r) => (r.text as string).length)).toEqual([big.length, big.length, 5]);
    expect(rows[2]).toEqual({ id: '3', text: 'small' });
  });

  it('fails on an unterminated quote, naming the line where the quote opened', async () => {
    const path = await writeTemp('bad.csv', 'a,b\n1,2\n3,"open\nmore\n4,5\n');
    const error = await dataError(readError(path, 'csv'));
    expect(error.detail).toMatchObject({ file: path, row: 2, line: 3 });
    expect(error.detail.message).toBe('unterminated quoted field starting at line 3');
    expect(error.message).toBe(`${path}:3: row 2: unterminated quoted field starting at line 3`);
  });

  it('fails on a wrong column count with row and line', async () => {
    const error = await dataError(
      readError(memorySource('a,b\n1,2\n"x\ny",2,3\n', 64, 'f.csv'), 'csv'),
    );
    expect(error.detail).toEqual({
      file: 'f.csv',
      row: 2,
      line: 3,
      message: "expected 2 fields (the header's count), found 3",
    });
  });

  it('skips bad rows under skip, reporting row, line, reason and raw text', async () => {
    const text = 'a,b\n1,2\n3,4,5\n6,"x"y\n7,8\n';
    const { rows, rejects, records } = await collect(memorySource(text, 5, 'f.csv'), 'csv', {
      onBadRow: 'skip',
    });
    expect(rows).toEqual([
      { a: '1', b: '2' },
      { a: '7', b: '8' },
    ]);
    expect(records.map((r) => r.row)).toEqual([1, 4]);
    expect(rejects).toEqual([
      {
        file: 'f.csv',
        row: 2,
        line: 3,
        message: "expected 2 fields (the header's count), found 3",
        raw: '3,4,5',
      },
      {
        file: 'f.csv',
        row: 3,
        line: 4,
        message: 'unexpected character after closing quote at line 4',
        raw: '6,"x"y',
      },
    ]);
  });

  it('marks a stray quote inside an unquoted field as a bad row', async () => {
    const error = await dataError(readError(memorySource('a,b\n1,5" screen\n'), 'csv'));
    expect(error.detail.message).toBe('unexpected quote in unquoted field at line 2');
    expect(error.detail.row).toBe(1);
  });

  it('reports invalid UTF-8 with its row, and skips only that row under skip', async () => {
    const head = new TextEncoder().encode('a,b\n1,ok\n2,b');
    const tail = new TextEncoder().encode('d\n3,ok\n');
    const bytes = new Uint8Array([...head, 0xff, ...tail]);
    const path = await writeTemp('utf.csv', bytes);
    const error = await dataError(readError(path, 'csv'));
    expect(error.detail).toMatchObject({ row: 2, line: 3 });
    expect(error.detail.message).toBe(`invalid UTF-8 at byte offset ${head.length}`);
    const skipped = await collect(memorySource(bytes, 4), 'csv', { onBadRow: 'skip' });
    expect(skipped.rows).toEqual([
      { a: '1', b: 'ok' },
      { a: '3', b: 'ok' },
    ]);
    expect(skipped.rejects.map((r) => [r.row, r.raw])).toEqual([[2, '2,b\uFFFDd']]);
  });

  it('fails on an empty file and on a file of blank lines', async () => {
    const empty = await dataError(readError(await writeTemp('e.csv', ''), 'csv'));
    expect(empty.detail).toMatchObject({ row: 0, message: 'file is empty (no header row)' });
    const blank = await dataError(readError(memorySource('\n\r\n'), 'csv'));
    expect(blank.detail.message).toBe('file has no header row');
  });

  it('reads a header-only file as zero rows with its columns', async () => {
    const { rows, columns } = await collect(memorySource('\uFEFFid,text\r\n'), 'csv');
    expect(rows).toEqual([]);
    expect(columns).toEqual(['id', 'text']);
  });

  it('fails on duplicate and missing header names even under skip', async () => {
    const dup = await dataError(
      readError(memorySource('a,b,a\n1,2,3\n'), 'csv', { onBadRow: 'skip' }),
    );
    expect(dup.detail).toMatchObject({ row: 0, line: 1 });
    expect(dup.detail.message).toBe('header names `a` twice (columns 1 and 3)');
    const missing = await dataError(readError(memorySource('a,,c\n1,2,3\n'), 'csv'));
    expect(missing.detail.message).toBe('header column 2 has no name');
  });
});
