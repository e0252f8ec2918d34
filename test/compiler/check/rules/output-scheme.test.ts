import { describe, expect, test } from 'vitest';
import { check, pipeline, summary } from '../support.js';

const withOutput = (uri: string): string =>
  pipeline('').replace('output "out/aug"', `output "${uri}"`);

describe('output-scheme', () => {
  test('paths, file://, s3:// and gs:// pass', () => {
    for (const uri of ['out/x', '/abs/out', 'file:///tmp/x', 's3://bucket/prefix', 'gs://b/p']) {
      expect(check(withOutput(uri)).diagnostics).toEqual([]);
    }
  });

  test('az:// warns that no runtime supports it yet', () => {
    for (const uri of ['az://c/p']) {
      const text = withOutput(uri);
      const { diagnostics } = check(text);
      expect(summary(diagnostics, { 'main.aug': text })).toEqual(['AUG2119@main.aug:3:10']);
      expect(diagnostics[0]!.severity).toBe('warning');
    }
  });

  test('other schemes are errors', () => {
    const text = withOutput('http://example.com/x');
    const { diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual(['AUG2118@main.aug:3:10']);
    expect(diagnostics[0]!.message).toBe('unsupported output scheme `http://`');
  });
});
