/**
 * The `pbs` target: PBS Pro/OpenPBS or Torque job arrays through qsub/qstat/qdel (see
 * docs/runtimes/pbs.md). The dialect is the target's `dialect` option, else detected: PBS Pro's
 * `qstat --version` prints `pbs_version = ...`; anything else is spoken to as Torque, which is
 * also what Slurm's PBS wrappers understand.
 */
import { makeGridRuntime } from '../grid/grid-runtime.js';
import type { SchedulerClient } from '../grid/scheduler-client.js';
import type { GridDialect } from '../grid/dialect.js';
import { pbsProDialect } from './pro-dialect.js';
import { torqueDialect } from './torque-dialect.js';

export async function detectPbsDialect(client: SchedulerClient): Promise<GridDialect> {
  const r = await client.run(['qstat', '--version']);
  return /pbs_version/i.test(r.stdout + r.stderr) ? pbsProDialect : torqueDialect;
}

export const pbsRuntime = makeGridRuntime({
  name: 'pbs',
  dialects: { [pbsProDialect.name]: pbsProDialect, [torqueDialect.name]: torqueDialect },
  async detectDialect(options, client) {
    const d = options['dialect'];
    if (d === 'pro' || d === 'pbs-pro') return pbsProDialect.name;
    if (d === 'torque') return torqueDialect.name;
    return (await detectPbsDialect(client)).name;
  },
});
