import { describe, expect, test } from 'vitest';
import { fargateSizeFor, isFargateSize } from '../../../../compiler/targets/aws-batch-limits.js';
import { check, pipeline } from '../support.js';

const CODES = ['AUG4014', 'AUG4015', 'AUG4016', 'AUG4017', 'AUG4018'];

function codes(body: string, withMethod = true): string[] {
  return check(pipeline(body, withMethod))
    .diagnostics.filter((d) => CODES.includes(d.code))
    .map((d) => d.code);
}

describe('aws-batch-limits', () => {
  test('a pipeline within the service limits passes', () => {
    expect(codes('  resources { walltime = 10m }\n  target aws-batch { queue = "q" }')).toEqual([]);
    expect(
      codes(
        '  resources { cpus = 2  memory = 8GiB  gpus = 1 }\n  target aws-batch { queue = "q"  platform = "spot" }',
      ),
    ).toEqual([]);
  });

  test('a walltime under 60 s is refused (AUG4014), also on Fargate', () => {
    expect(codes('  resources { walltime = 30s }\n  target aws-batch { queue = "q" }')).toEqual([
      'AUG4014',
    ]);
    const d = check(
      pipeline('  resources { walltime = 59s }\n  target aws-batch { platform = "fargate" }'),
    ).diagnostics.find((x) => x.code === 'AUG4014');
    expect(d?.message).toContain('at least 60s');
    expect(d?.related?.[0]?.message).toContain('fargate');
  });

  test('GPUs on a Fargate queue are refused (AUG4015)', () => {
    expect(
      codes('  resources { gpus = 1 }\n  target aws-batch { queue = "q"  platform = "fargate" }'),
    ).toEqual(['AUG4015']);
  });

  test('a size Fargate does not offer is refused (AUG4016); smaller ones round up', () => {
    expect(
      codes(
        '  resources { cpus = 16  memory = 128GiB }\n  target aws-batch { platform = "fargate" }',
      ),
    ).toEqual(['AUG4016']);
    expect(
      codes(
        '  resources { cpus = 32  memory = 64GiB }\n  target aws-batch { platform = "fargate" }',
      ),
    ).toEqual(['AUG4016']);
    expect(
      codes('  resources { cpus = 1  memory = 2GiB }\n  target aws-batch { platform = "fargate" }'),
    ).toEqual([]);
    // A pair between Fargate's sizes runs as the next one up, and augc says which (AUG4018).
    const rounded = check(
      pipeline(
        '  resources { cpus = 1  memory = 1GiB }\n  target aws-batch { platform = "fargate" }',
      ),
    ).diagnostics.filter((d) => CODES.includes(d.code));
    expect(rounded.map((d) => [d.code, d.severity])).toEqual([['AUG4018', 'warning']]);
    expect(rounded[0]?.message).toContain('its jobs get 1 vCPU and 2048 MiB');
    expect(fargateSizeFor(1, 1024)).toEqual({ vcpu: 1, memoryMiB: 2048 });
    expect(fargateSizeFor(3, 5000)).toEqual({ vcpu: 4, memoryMiB: 8192 });
    expect(fargateSizeFor(0.25, 4096)).toEqual({ vcpu: 0.5, memoryMiB: 4096 });
    expect(isFargateSize(0.25, 4096)).toBe(false);
    expect(isFargateSize(16, 122880)).toBe(true);
  });

  test('fair-share options out of range are refused (AUG4017)', () => {
    expect(codes('  target aws-batch { scheduling_priority = 10000 }')).toEqual(['AUG4017']);
    expect(codes(`  target aws-batch { share_identifier = "${'x'.repeat(256)}" }`)).toEqual([
      'AUG4017',
    ]);
    expect(
      codes('  target aws-batch { scheduling_priority = 9999  share_identifier = "a" }'),
    ).toEqual([]);
  });

  test('other targets are not judged by these limits', () => {
    expect(codes('  resources { walltime = 30s  gpus = 1 }\n  target slurm {}')).toEqual([]);
  });
});
