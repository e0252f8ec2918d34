import { describe, expect, test } from 'vitest';
import type { PlanMethod } from '../../compiler/plan/types.js';
import { containerCall } from '../../engine/container-argv.js';

const base: PlanMethod = {
  id: 'mlm',
  kind: 'command',
  params: {},
  argv: ['python', 'x.py'],
  image: 'ghcr.io/lab/x:1',
  resources: { cpus: 1, memoryBytes: 1, gpus: 1, walltimeSeconds: 60 },
  labelSafe: false,
  gpu: true,
};
const program = { file: 'python', args: ['/plan/x.py', '--in', '/tmp/t/in.csv'] };
const ctx = { binds: ['/tmp/t', '/tmp/t', '/plan'], cwd: '/plan', envNames: ['AUGC_SEED'] };

describe('containerCall', () => {
  test('no container: the program unchanged', () => {
    expect(containerCall({ ...base }, program, ctx)).toEqual(program);
  });

  test('apptainer and singularity: exec --nv with binds', () => {
    for (const runtime of ['apptainer', 'singularity'] as const) {
      expect(containerCall({ ...base, container: runtime }, program, ctx)).toEqual({
        file: runtime,
        args: [
          'exec',
          '--nv',
          '--bind',
          '/tmp/t',
          '--bind',
          '/plan',
          '--pwd',
          '/plan',
          'ghcr.io/lab/x:1',
          'python',
          '/plan/x.py',
          '--in',
          '/tmp/t/in.csv',
        ],
      });
    }
  });

  test('no --nv without GPUs', () => {
    const call = containerCall({ ...base, gpu: false, container: 'apptainer' }, program, ctx);
    expect(call.args).not.toContain('--nv');
  });

  test('docker and podman: run --rm -i --gpus all, volumes, workdir, env names', () => {
    for (const runtime of ['docker', 'podman'] as const) {
      expect(containerCall({ ...base, container: runtime }, program, ctx)).toEqual({
        file: runtime,
        args: [
          'run',
          '--rm',
          '-i',
          '--gpus',
          'all',
          '-v',
          '/tmp/t:/tmp/t',
          '-v',
          '/plan:/plan',
          '-w',
          '/plan',
          '-e',
          'AUGC_SEED',
          'ghcr.io/lab/x:1',
          'python',
          '/plan/x.py',
          '--in',
          '/tmp/t/in.csv',
        ],
      });
    }
    const cpu = containerCall({ ...base, gpu: false, container: 'docker' }, program, ctx);
    expect(cpu.args).not.toContain('--gpus');
  });
});
