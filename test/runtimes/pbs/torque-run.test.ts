import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { augc, filesUnder } from '../../cli/spawn-augc.js';
import { tinyWorkspace } from '../../cli/tiny-run.js';
import { assertClusterUp, clusterState } from '../slurm/cluster.js';

const cluster = clusterState();

/** The Torque dialect for real: qsub/qstat/qdel here are Slurm's PBS wrappers (slurm-wlm-torque). */
describe.runIf(cluster.run)("pbs target, Torque dialect, through Slurm's qsub wrappers", () => {
  beforeAll(() => assertClusterUp());

  it('runs a pipeline to the same outputs as a local run', async () => {
    const dir = tinyWorkspace();
    const aug = join(dir, 'tiny.aug');
    const local = await augc(['run', aug, '--output', join(dir, 'local')]);
    expect(local.code, local.stderr).toBe(0);
    const out = join(dir, 'pbs');
    const r = await augc(
      [
        'run',
        aug,
        '--target',
        'pbs',
        '--set',
        'target.pbs.dialect=torque',
        '--output',
        out,
        '--wait',
      ],
      {
        AUGC_GRID_POLL_MAX_MS: '1000',
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const files = filesUnder(join(dir, 'local'), ['_augc']);
    expect(filesUnder(out, ['_augc'])).toEqual(files);
    for (const f of files)
      expect(readFileSync(join(out, f)).equals(readFileSync(join(dir, 'local', f))), f).toBe(true);
    const state = JSON.parse(readFileSync(join(out, '_augc/batch/state.json'), 'utf8')) as {
      backend: { dialect: string };
    };
    expect(state.backend.dialect).toBe('torque');
    const round = readFileSync(join(out, '_augc/batch/rounds/0001.json'), 'utf8');
    expect(round).toContain('"qsub"');
    expect(round).toContain('"-t"');
  });
});

if (!cluster.run) describe.skip(`pbs target (${cluster.why})`, () => undefined);
