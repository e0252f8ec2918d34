import { describe, expect, test } from 'vitest';
import { check, pipeline } from '../support.js';

const IMAGED = '  method m = command("python x.py") { image = "ghcr.io/lab/x:1" }';

function codes(body: string): string[] {
  return check(pipeline(`${IMAGED}\n${body}`))
    .diagnostics.filter((d) => d.code === 'AUG4012' || d.code === 'AUG4013')
    .map((d) => `${d.code}:${d.severity}`);
}

describe('container-image', () => {
  test('a scheduler target runs images with apptainer by default', () => {
    expect(codes('  target slurm {}\n  target pbs {}\n  target lsf {}')).toEqual([]);
  });

  test('local with an image and no container warns that the image is ignored', () => {
    expect(codes('  target local {}')).toEqual(['AUG4012:warning']);
    expect(codes('  target local { container = "none" }')).toEqual(['AUG4012:warning']);
  });

  test('local with a container runtime passes', () => {
    expect(codes('  target local { container = "docker" }')).toEqual([]);
    expect(codes('  target local { container = "apptainer" }')).toEqual([]);
  });

  test('a scheduler with container = "none" refuses the image', () => {
    expect(
      codes('  target slurm { container = "none" }\n  target lsf { container = "none" }'),
    ).toEqual(['AUG4013:error', 'AUG4013:error']);
  });

  test('an unknown runtime is a bad option value, not a silent default', () => {
    const { diagnostics } = check(pipeline(`${IMAGED}\n  target local { container = "lxc" }`));
    expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  test('cloud targets take the image as the job image', () => {
    expect(codes('  target aws-batch {}')).toEqual([]);
  });

  test('no image, no diagnostic', () => {
    expect(check(pipeline('  target slurm { container = "none" }')).diagnostics).toEqual([]);
  });
});
