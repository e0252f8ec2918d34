import { describe, expect, test } from 'vitest';
import { inputEncodingOf, isReadableEncoding } from '../../../compiler/ast/input-format.js';

describe('inputEncodingOf', () => {
  test.each([
    ['a/b.csv', 'csv', false],
    ['DATA.CSV', 'csv', false],
    ['x.csv.gz', 'csv', true],
    ['x.CSV.GZ', 'csv', true],
    ['s3://b/x.ndjson', 'jsonl', false],
    ['x.jsonl.gz', 'jsonl', true],
    ['x.parquet?version=2', 'parquet', false],
    ['x.pq', 'parquet', false],
    ['x.parquet.gz', 'parquet', true],
    ['x.txt', undefined, false],
    ['x.gz', undefined, true],
    ['x.csv.gz#frag', 'csv', true],
  ])('%s is %s (gzip %s)', (uri, format, gzip) => {
    expect(inputEncodingOf(uri)).toEqual({ format, gzip });
  });

  test('a written format wins over the extension, and `.gz` still means compressed', () => {
    expect(inputEncodingOf('x.txt', 'jsonl')).toEqual({ format: 'jsonl', gzip: false });
    expect(inputEncodingOf('x.csv', 'jsonl')).toEqual({ format: 'jsonl', gzip: false });
    expect(inputEncodingOf('dump.gz', 'csv')).toEqual({ format: 'csv', gzip: true });
  });

  test('everything with a format is readable but gzip-compressed Parquet', () => {
    expect(isReadableEncoding(inputEncodingOf('x.csv.gz'))).toBe(true);
    expect(isReadableEncoding(inputEncodingOf('x.parquet'))).toBe(true);
    expect(isReadableEncoding(inputEncodingOf('x.parquet.gz'))).toBe(false);
    expect(isReadableEncoding(inputEncodingOf('x.gz', 'parquet'))).toBe(false);
    expect(isReadableEncoding(inputEncodingOf('x.txt'))).toBe(false);
  });
});
