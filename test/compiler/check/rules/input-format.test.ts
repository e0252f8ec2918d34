import { describe, expect, test } from 'vitest';
import { check, summary } from '../support.js';

const withInput = (input: string): string =>
  `pipeline "p" {\n  ${input}\n  output "out"\n  method s = spelling()\n}\n`;

describe('input-format', () => {
  test('an inferable or written format passes', () => {
    expect(check(withInput('input "d.parquet" { text = ["t"] }')).diagnostics).toEqual([]);
    expect(check(withInput('input "d.txt" { format = jsonl  text = ["t"] }')).diagnostics).toEqual(
      [],
    );
  });

  test('gzip-compressed CSV and JSONL pass', () => {
    expect(check(withInput('input "d.csv.gz" { text = ["t"] }')).diagnostics).toEqual([]);
    expect(check(withInput('input "d.ndjson.gz" { text = ["t"] }')).diagnostics).toEqual([]);
    expect(check(withInput('input "d.gz" { format = csv  text = ["t"] }')).diagnostics).toEqual([]);
  });

  test('an un-inferable format is reported at the path', () => {
    const text = withInput('input "data.tsv" { text = ["t"] }');
    expect(summary(check(text).diagnostics, { 'main.aug': text })).toEqual([
      'AUG2116@main.aug:2:9',
    ]);
    const gz = withInput('input "data.gz" { text = ["t"] }');
    expect(summary(check(gz).diagnostics, { 'main.aug': gz })).toEqual(['AUG2116@main.aug:2:9']);
  });

  test('gzip-compressed Parquet is refused at the path', () => {
    for (const input of [
      'input "d.parquet.gz" { text = ["t"] }',
      'input "d.gz" { format = parquet  text = ["t"] }',
    ]) {
      const text = withInput(input);
      const { diagnostics } = check(text);
      expect(summary(diagnostics, { 'main.aug': text })).toEqual(['AUG2128@main.aug:2:9']);
      expect(diagnostics[0]!.message).toBe(
        'a gzip-compressed input must be CSV or JSONL, not Parquet',
      );
    }
  });

  test('an unknown written format is reported while loading', () => {
    const text = withInput('input "d.csv" { format = xml  text = ["t"] }');
    const { diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual(['AUG2009@main.aug:2:28']);
    expect(diagnostics[0]!.help).toBe('expected one of `csv`, `jsonl`, `parquet`');
  });
});
