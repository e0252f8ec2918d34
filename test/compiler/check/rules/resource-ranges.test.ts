import { describe, expect, test } from 'vitest';
import { check, pipeline, summary } from '../support.js';

describe('resource-ranges', () => {
  test('sensible resources pass', () => {
    expect(
      check(pipeline('  resources { cpus = 1  memory = 1MiB  gpus = 0  walltime = 1s }'))
        .diagnostics,
    ).toEqual([]);
  });

  test('pipeline and method resources out of range', () => {
    const text = pipeline(
      '  resources { cpus = 0  memory = 0GiB }\n  method s = spelling() { resources { gpus = -1  walltime = 0s } }',
    );
    const { diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual([
      'AUG2114@main.aug:5:22',
      'AUG2114@main.aug:5:34',
      'AUG2114@main.aug:6:46',
      'AUG2114@main.aug:6:61',
    ]);
    expect(diagnostics[2]!.message).toBe('`gpus` in method `s` must be 0 or more');
  });
});
