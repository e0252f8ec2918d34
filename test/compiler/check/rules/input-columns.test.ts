import { describe, expect, test } from 'vitest';
import { check, spanText, summary } from '../support.js';

const text = [
  'pipeline "p" {',
  '  input "d.csv" { id = "sid"  text = ["sentence"]  label = "lbl"  keep = ["a"]  protect = ["ev"] }',
  '  output "out"',
  '  method s = spelling()',
  '}',
].join('\n');

describe('input-columns', () => {
  test('without a probe nothing is checked', () => {
    expect(check(text).diagnostics).toEqual([]);
  });

  test('feature columns of a tabular input are checked too', () => {
    const tabular = text
      .replace('text = ["sentence"]', 'features = ["f1", "f2"]')
      .replace('spelling()', 'gaussian_noise()');
    const { diagnostics } = check(tabular, {
      inputProbe: { columns: ['sid', 'f1', 'lbl', 'a', 'ev'] },
    });
    expect(summary(diagnostics, { 'main.aug': tabular })).toEqual(['AUG2115@main.aug:2:49']);
    expect(diagnostics[0]!.message).toBe('`features` column `f2` is not in `d.csv`');
  });

  test('columns present in the header pass', () => {
    expect(
      check(text, { inputProbe: { columns: ['sid', 'sentence', 'lbl', 'a', 'ev'] } }).diagnostics,
    ).toEqual([]);
  });

  test('each missing column is reported with did-you-mean over the header', () => {
    const files = { 'main.aug': text };
    const { diagnostics } = check(text, {
      inputProbe: { columns: ['sentence_id', 'sentences', 'label'] },
    });
    expect(summary(diagnostics, files)).toEqual([
      'AUG2115@main.aug:2:24',
      'AUG2115@main.aug:2:39',
      'AUG2115@main.aug:2:60',
      'AUG2115@main.aug:2:75',
      'AUG2115@main.aug:2:92',
    ]);
    expect(spanText(diagnostics[1]!, files)).toBe('"sentence"');
    expect(diagnostics[1]!.message).toBe('`text` column `sentence` is not in `d.csv`');
    expect(diagnostics[1]!.help).toBe('did you mean `sentences` or `sentence_id`?');
    expect(diagnostics[3]!.help).toBe('its columns are `sentence_id`, `sentences`, `label`');
  });
});
