import { describe, expect, test } from 'vitest';
import { check, pipeline, spanText, summary } from '../support.js';

describe('target-options', () => {
  test('known options of the right type pass', () => {
    const body = [
      '  target slurm { partition = "gpu"  array_limit = 50  options = ["--exclusive"]  max_memory = 64GiB  max_walltime = 2d }',
      '  target pbs { dialect = torque }',
      '  target aws-batch { queue = "q"  region = "us-east-1" }',
    ].join('\n');
    expect(check(pipeline(body)).diagnostics).toEqual([]);
  });

  test('unknown options get did-you-mean; wrong types are reported at the value', () => {
    const body = [
      '  target slurm { partiton = "gpu"  array_limit = "50"  max_memory = 64 }',
      '  target pbs { dialect = slurm  max_walltime = 4GiB }',
    ].join('\n');
    const text = pipeline(body);
    const files = { 'main.aug': text };
    const { diagnostics } = check(text);
    expect(summary(diagnostics, files)).toEqual([
      'AUG4003@main.aug:5:18',
      'AUG4004@main.aug:5:50',
      'AUG4004@main.aug:5:69',
      'AUG4004@main.aug:6:26',
      'AUG4004@main.aug:6:48',
    ]);
    expect(diagnostics[0]!.help).toBe('did you mean `partition`?');
    expect(spanText(diagnostics[1]!, files)).toBe('"50"');
    expect(diagnostics[3]!.message).toBe(
      'option `dialect` of target `pbs` expects one of `pro`, `torque`',
    );
  });
});
