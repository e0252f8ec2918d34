/** The `slurm` target: job arrays through sbatch/squeue/scancel (see docs/runtimes/slurm.md). */
import { makeGridRuntime } from '../grid/grid-runtime.js';
import { parseMaxArraySize, slurmDialect } from './dialect.js';

export const slurmRuntime = makeGridRuntime({
  name: 'slurm',
  dialects: { slurm: slurmDialect },
  detectDialect: () => Promise.resolve('slurm'),
  async maxArraySize(client) {
    const r = await client.run(['scontrol', 'show', 'config']);
    return r.exitCode === 0 ? parseMaxArraySize(r.stdout) : undefined;
  },
});
