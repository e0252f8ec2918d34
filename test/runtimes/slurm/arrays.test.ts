/**
 * Array jobs on the real cluster: a group longer than MaxArraySize is split into arrays whose
 * indices are re-based to 0, each throttled with `%N` and submitted with one sbatch; GPU tasks get
 * `--gres=gpu:N` and see the fake GPUs test/infra/slurm-up.sh configures. The scheduler commands
 * are the real ones behind logging shims; the shim's `scontrol show config` reports
 * MaxArraySize = 3 so that five tasks need two arrays.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { augc } from '../../cli/spawn-augc.js';
import { assertClusterUp, clusterState } from './cluster.js';

const cluster = clusterState();

/** A folder of shims that log each call (one JSON argv a line) and run the real command. */
function shims(dir: string, log: string): string {
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  for (const cmd of ['sbatch', 'squeue', 'scancel', 'scontrol']) {
    const real = execFileSync('bash', ['-c', `command -v ${cmd}`])
      .toString()
      .trim();
    const fake =
      cmd === 'scontrol'
        ? 'if [ "$1 $2" = "show config" ]; then echo "MaxArraySize            = 3"; exit 0; fi\n'
        : '';
    writeFileSync(
      join(bin, cmd),
      `#!/bin/bash\nnode -e 'console.log(JSON.stringify(process.argv.slice(1)))' ${cmd} "$@" >> '${log}'\n${fake}exec '${real}' "$@"\n`,
    );
    chmodSync(join(bin, cmd), 0o755);
  }
  return bin;
}

function gpuPipeline(dir: string): string {
  const rows = ['id,text', ...[1, 2, 3, 4, 5].map((i) => `${i},sentence ${i} here`)];
  writeFileSync(join(dir, 'data.csv'), `${rows.join('\n')}\n`);
  const seen = join(dir, 'gpus.txt');
  writeFileSync(
    join(dir, 'cmd.sh'),
    `#!/bin/sh\necho "$AUGC_CHUNK gpu=\${CUDA_VISIBLE_DEVICES:-none}" >> '${seen}'\ncat "$AUGC_INPUT" > "$AUGC_OUTPUT"\n`,
  );
  writeFileSync(
    join(dir, 'gpu.aug'),
    `pipeline "gpu" {
  input "data.csv" { id = "id"  text = ["text"] }
  method copy = command(["sh", "${join(dir, 'cmd.sh')}"]) { pass_env = ["CUDA_VISIBLE_DEVICES"] }
  chunk { rows = 1 }
  resources { walltime = 5m  memory = 256MiB  gpus = 1 }
  output "out" { format = jsonl }
  target slurm { array_limit = 2 }
}
`,
  );
  return join(dir, 'gpu.aug');
}

interface Round {
  arrays: {
    jobId: string;
    group: string;
    offset: number;
    indices: string;
    request: { argv: string[] };
  }[];
}

describe.runIf(cluster.run)('slurm arrays on the real cluster', () => {
  beforeAll(() => assertClusterUp());

  it('splits at MaxArraySize with re-based indices, throttles with %N, one sbatch per array, GPUs for real', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'augc-slurm-arrays-'));
    const log = join(dir, 'calls.jsonl');
    const bin = shims(dir, log);
    const out = join(dir, 'run');
    const r = await augc(
      ['run', gpuPipeline(dir), '--target', 'slurm', '--output', out, '--wait'],
      { PATH: `${bin}:${process.env['PATH'] ?? ''}`, AUGC_GRID_POLL_MAX_MS: '1000' },
    );
    expect(r.code, r.stderr).toBe(0);
    const calls = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as string[]);
    // Two arrays and one finalizer: three sbatch calls for five tasks.
    expect(calls.filter((c) => c[0] === 'sbatch')).toHaveLength(3);
    expect(calls.filter((c) => c[0] === 'scontrol')).toHaveLength(1);
    const round = JSON.parse(
      readFileSync(join(out, '_augc/batch/rounds/0001.json'), 'utf8'),
    ) as Round;
    expect(round.arrays.map((a) => [a.offset, a.indices])).toEqual([
      [0, '0-2'],
      [3, '0-1'],
    ]);
    for (const a of round.arrays) {
      expect(a.request.argv).toContain(`--array=${a.indices}%2`);
      expect(a.request.argv).toContain('--gres=gpu:1');
      const job = execFileSync('scontrol', ['show', 'job', a.jobId]).toString();
      expect(job).toContain('ArrayTaskThrottle=2');
    }
    const group = round.arrays[0]!.group;
    for (const index of [0, 1, 2, 3, 4]) {
      expect(readFileSync(join(out, `_augc/batch/exit/${group}/${index}.1`), 'utf8')).toBe('0\n');
      expect(readFileSync(join(out, `_augc/logs/${group}/${index}.log`), 'utf8')).toContain(
        '=== attempt 1',
      );
    }
    const gpus = readFileSync(join(dir, 'gpus.txt'), 'utf8').trim().split('\n').sort();
    expect(gpus).toHaveLength(5);
    for (const line of gpus) expect(line).toMatch(/^\d gpu=[01]$/);
    expect(readFileSync(join(out, 'manifest_final.csv'), 'utf8')).toContain('combo_1_copy');
  });
});

if (!cluster.run) describe.skip(`slurm arrays (${cluster.why})`, () => undefined);
