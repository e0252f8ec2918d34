import { describe, expect, test } from 'vitest';
import {
  arrayLimitFor,
  arrayLimitOf,
  findTarget,
  TARGETS,
  targetNames,
} from '../../../compiler/targets/catalog.js';
import { check, pipeline } from '../check/support.js';

describe('target catalogue', () => {
  test('the seven targets, each option documented and uniquely named', () => {
    expect(targetNames()).toEqual([
      'local',
      'slurm',
      'pbs',
      'lsf',
      'aws-batch',
      'gcp-batch',
      'azure-batch',
    ]);
    for (const t of TARGETS) {
      const names = t.options.map((o) => o.name);
      expect(new Set(names).size).toBe(names.length);
      expect(t.options.every((o) => o.doc.length > 0)).toBe(true);
      expect(
        t.options.filter((o) => o.type === 'enum').every((o) => (o.values ?? []).length > 0),
      ).toBe(true);
    }
    expect(findTarget('pbs')?.options.find((o) => o.name === 'dialect')?.values).toEqual([
      'pro',
      'torque',
    ]);
    expect(
      findTarget('lsf')
        ?.options.map((o) => o.name)
        .slice(0, 6),
    ).toEqual(['queue', 'project', 'gpu_type', 'array_limit', 'max_array_size', 'options']);
    expect(findTarget('sge')).toBeUndefined();
  });

  test('intrinsic array limits', () => {
    const limit = (name: string): number | undefined => arrayLimitOf({ name, options: {} });
    expect(targetNames().map(limit)).toEqual([
      undefined,
      1000,
      10_000,
      1000,
      10_000,
      100_000,
      100_000,
    ]);
  });

  test('max_array_size overrides the intrinsic limit, from a declaration or plain options', () => {
    expect(arrayLimitOf({ name: 'slurm', options: { max_array_size: 500 } })).toBe(500);
    const { ast } = check(pipeline('  target slurm { max_array_size = 200  array_limit = 10 }'));
    expect(arrayLimitOf(ast!.targets[0]!)).toBe(200);
    expect(arrayLimitFor(ast!, 'slurm')).toBe(200);
    // A target used without a declaration gets its intrinsic limit.
    expect(arrayLimitFor(ast!, 'pbs')).toBe(10_000);
  });
});
