import { describe, expect, test } from 'vitest';
import { findTarget } from '../../compiler/targets/catalog.js';
import { loadRuntime, runtimeNames } from '../../runtimes/registry.js';

describe('runtime registry', () => {
  test('every key is a catalogue target, and its runtime carries the same name', async () => {
    expect(runtimeNames()).toEqual([
      'aws-batch',
      'azure-batch',
      'gcp-batch',
      'local',
      'lsf',
      'pbs',
      'slurm',
    ]);
    for (const name of runtimeNames()) {
      expect(findTarget(name), name).toBeDefined();
      expect((await loadRuntime(name))?.name).toBe(name);
    }
  });

  test('a name without a runtime loads nothing', async () => {
    expect(await loadRuntime('no-such-target')).toBeUndefined();
    expect(await loadRuntime('toString')).toBeUndefined();
  });
});
