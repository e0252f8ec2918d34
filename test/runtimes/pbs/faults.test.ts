/**
 * Faults under the pbs target (Torque dialect) on the real cluster: qsub, qstat and qdel here are
 * Slurm's PBS wrappers (slurm-wlm-torque), so these runs go through augc's PBS submission, its
 * qstat-based view of running jobs and its array re-submission, as Torque sites use them. The
 * cases are the grid targets' common ones (../grid-faults.ts). In CI a missing cluster fails
 * these tests (../slurm/cluster.ts).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect } from 'vitest';
import { faultWorkspace } from '../../cli/fault-workspace.js';
import { augc } from '../../cli/spawn-augc.js';
import { gridFaultCases, LONG } from '../grid-faults.js';
import { assertClusterUp, clusterState } from '../slurm/cluster.js';

const cluster = clusterState();
const ws = faultWorkspace();
const ref = join(ws.dir, 'ref');

describe.runIf(cluster.run)('pbs target (Torque): faults are survived and resumed', () => {
  beforeAll(async () => {
    assertClusterUp();
    const r = await augc(['run', ws.aug, '--output', ref]);
    expect(r.code, r.stderr).toBe(0);
  }, LONG);

  gridFaultCases({
    ws,
    ref,
    targetArgs: ['--target', 'pbs', '--set', 'target.pbs.dialect=torque'],
    // A retry round submits just the failed task, as a one-element Torque array.
    checkRetryRound: (round) => {
      expect(round).toContain('"qsub"');
      expect(round).toContain('"-t"');
    },
  });
});

if (!cluster.run) describe.skip(`pbs faults (${cluster.why})`, () => undefined);
