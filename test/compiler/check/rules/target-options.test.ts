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

  test('prices and quotas are numbers (decimals allowed) on every target, never below their minimum', () => {
    const ok = [
      '  target slurm { price_vcpu_hour = 0.045  price_gib_hour = 0  quota_tasks = 5000  quota_core_hours = 1200.5 }',
      '  target local { price_gpu_hour = 2 }',
    ].join('\n');
    expect(check(pipeline(ok)).diagnostics).toEqual([]);
    const bad = pipeline(
      '  target slurm { price_vcpu_hour = "cheap"  price_gpu_hour = -1  quota_tasks = 2.5  price_gib_hour = 1GiB }',
    );
    const { diagnostics } = check(bad);
    expect(summary(diagnostics, { 'main.aug': bad })).toEqual([
      'AUG4004@main.aug:5:36',
      'AUG4004@main.aug:5:62',
      'AUG4004@main.aug:5:80',
      'AUG4004@main.aug:5:102',
    ]);
    expect(diagnostics[1]!.message).toBe(
      'option `price_gpu_hour` of target `slurm` expects a number >= 0',
    );
  });
});
