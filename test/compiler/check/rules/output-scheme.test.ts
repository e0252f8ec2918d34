import { describe, expect, test } from 'vitest';
import { check, pipeline, summary } from '../support.js';

const withOutput = (uri: string): string =>
  pipeline('').replace('output "out/aug"', `output "${uri}"`);

describe('output-scheme', () => {
  test('paths, file://, s3://, gs:// and az:// pass', () => {
    const uris = [
      'out/x',
      '/abs/out',
      'file:///tmp/x',
      's3://bucket/prefix',
      'gs://b/p',
      'az://a/c/p',
    ];
    for (const uri of uris) expect(check(withOutput(uri)).diagnostics).toEqual([]);
  });

  test('other schemes are errors', () => {
    const text = withOutput('http://example.com/x');
    const { diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual(['AUG2118@main.aug:3:10']);
    expect(diagnostics[0]!.message).toBe('unsupported output scheme `http://`');
  });
});
