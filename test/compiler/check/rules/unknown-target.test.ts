import { describe, expect, test } from 'vitest';
import { TARGET_NAMES } from '../../../../compiler/targets/target-names.js';
import { check, pipeline, summary } from '../support.js';

describe('unknown-target', () => {
  test('every catalogue target is known', () => {
    const body = TARGET_NAMES.map((t) => `  target ${t} {}`);
    expect(check(pipeline(body.join('\n'))).diagnostics).toEqual([]);
  });

  test('an unknown target gets did-you-mean', () => {
    const text = pipeline('  target aws_batch {}');
    const { diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual(['AUG4001@main.aug:5:10']);
    expect(diagnostics[0]!.help).toBe('did you mean `aws-batch`?');
  });
});
