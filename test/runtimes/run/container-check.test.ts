/**
 * The rule for a plan run on another target than the one it was made for: the container choice
 * recorded in the plan is kept, and a target that cannot keep it refuses the plan (AUG5119).
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanMethod } from '../../../compiler/plan/types.js';
import { localContainerMissing } from '../../../runtimes/local/container-preflight.js';
import { containerMismatch } from '../../../runtimes/run/container-check.js';
import { combo, commandMethod, makePlan } from '../../engine/task-fixture.js';

function planWith(extra: Partial<PlanMethod>, target?: string) {
  const plan = makePlan({
    methods: [commandMethod('up', ['tr', 'a', 'A'], { image: 'ghcr.io/lab/tools:2', ...extra })],
    combos: [combo('up')],
  });
  return target === undefined ? plan : { ...plan, target };
}

describe('containerMismatch', () => {
  it('refuses on a scheduler a plan whose images run without a container', () => {
    const plan = planWith({});
    for (const target of ['slurm', 'pbs', 'lsf']) {
      const d = containerMismatch(plan, target);
      expect(d?.code, target).toBe('AUG5119');
      expect(d?.message).toBe(
        `the plan was made for \`local\` and cannot keep its container choice on \`${target}\``,
      );
      expect(d?.notes?.[0]).toBe(
        'in the plan, method `up` runs without its image `ghcr.io/lab/tools:2`',
      );
      expect(d?.help).toContain(`--target ${target}`);
    }
    expect(containerMismatch(plan, 'local')).toBeUndefined();
    expect(containerMismatch(plan, 'aws-batch')).toBeUndefined();
  });

  it('keeps a recorded container program on local and the schedulers, not on a cloud target', () => {
    const plan = planWith({ container: 'apptainer' }, 'slurm');
    for (const target of ['local', 'slurm', 'pbs', 'lsf'])
      expect(containerMismatch(plan, target), target).toBeUndefined();
    const cloud = containerMismatch(plan, 'gcp-batch');
    expect(cloud?.code).toBe('AUG5119');
    expect(cloud?.notes).toEqual([
      'in the plan, method `up` starts its image `ghcr.io/lab/tools:2` with `apptainer`',
      "target `gcp-batch` runs a method's image as the job's own image, not through a container program",
    ]);
  });

  it('has nothing to say about a plan without images', () => {
    const plan = makePlan({
      methods: [commandMethod('up', ['tr', 'a', 'A'])],
      combos: [combo('up')],
    });
    expect(containerMismatch(plan, 'slurm')).toBeUndefined();
  });
});

describe('localContainerMissing', () => {
  it('refuses a plan whose container program is not on PATH, and accepts it when it is', () => {
    const plan = planWith({ container: 'apptainer' }, 'slurm');
    const bin = mkdtempSync(join(tmpdir(), 'augc-bin-'));
    const missing = localContainerMissing(plan, { PATH: bin });
    expect(missing).toMatchObject({
      code: 'AUG5119',
      message: 'target `local` cannot start `apptainer`: it is not on PATH',
      notes: ['the plan (made for `slurm`) runs the image of `up` with `apptainer`'],
    });
    writeFileSync(join(bin, 'apptainer'), '#!/bin/sh\n');
    chmodSync(join(bin, 'apptainer'), 0o755);
    expect(localContainerMissing(plan, { PATH: `/nonexistent:${bin}` })).toBeUndefined();
    expect(localContainerMissing(planWith({}), { PATH: '' })).toBeUndefined();
  });
});
