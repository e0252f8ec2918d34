/**
 * The `command` example on the real Slurm cluster: its jobs start in the output folder, yet they
 * find the programs (their paths are relative to the pipeline file) and write the same bytes as a
 * local run.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { augc } from '../cli/spawn-augc.js';
import { clusterState } from '../runtimes/slurm/cluster.js';

const cluster = clusterState();
const LONG = 300_000;

describe.runIf(cluster.run)('examples/own-command.aug on slurm', () => {
  it(
    'runs both programs in its jobs and writes what a local run writes',
    async () => {
      const base = mkdtempSync(join(tmpdir(), 'augc-own-slurm-'));
      const local = await augc(['run', 'examples/own-command.aug', '--output', join(base, 'l')]);
      expect(local.code, local.stderr).toBe(0);
      const args = ['run', 'examples/own-command.aug', '--target', 'slurm', '--wait'];
      const grid = await augc([...args, '--output', join(base, 's')], {
        AUGC_GRID_POLL_MAX_MS: '1000',
      });
      expect(grid.code, grid.stderr).toBe(0);
      const manifest = (dir: string): string =>
        readFileSync(join(base, dir, 'manifest_final.csv'), 'utf8');
      expect(manifest('s')).toBe(manifest('l'));
      expect(manifest('s').trim().split('\n')).toHaveLength(4);
    },
    LONG,
  );
});
