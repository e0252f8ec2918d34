import { describe, expect, test } from 'vitest';
import { inferInputFormat } from '../../../../compiler/check/index.js';
import { check, summary } from '../support.js';

const withInput = (input: string): string =>
  `pipeline "p" {\n  ${input}\n  output "out"\n  method s = spelling()\n}\n`;

describe('input-format', () => {
  test('formats follow from common extensions', () => {
    expect(inferInputFormat('a/b.csv')).toBe('csv');
    expect(inferInputFormat('s3://b/x.ndjson')).toBe('jsonl');
    expect(inferInputFormat('x.jsonl.gz')).toBe('jsonl');
    expect(inferInputFormat('x.parquet?version=2')).toBe('parquet');
    expect(inferInputFormat('x.txt')).toBeUndefined();
  });

  test('an inferable or written format passes', () => {
    expect(check(withInput('input "d.parquet" { text = ["t"] }')).diagnostics).toEqual([]);
    expect(check(withInput('input "d.txt" { format = jsonl  text = ["t"] }')).diagnostics).toEqual(
      [],
    );
  });

  test('an un-inferable format is reported at the path', () => {
    const text = withInput('input "data.tsv" { text = ["t"] }');
    expect(summary(check(text).diagnostics, { 'main.aug': text })).toEqual([
      'AUG2116@main.aug:2:9',
    ]);
  });

  test('an unknown written format is reported while loading', () => {
    const text = withInput('input "d.csv" { format = xml  text = ["t"] }');
    const { diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual(['AUG2009@main.aug:2:28']);
    expect(diagnostics[0]!.help).toBe('expected one of `csv`, `jsonl`, `parquet`');
  });
});
