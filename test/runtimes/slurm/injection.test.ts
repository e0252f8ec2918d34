import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { augc } from '../../cli/spawn-augc.js';
import { assertClusterUp, clusterState } from './cluster.js';

const cluster = clusterState();

/** Every value a pipeline puts into a submission carries a payload that would create a file. */
describe.runIf(cluster.run)('no command injection through submitted jobs', () => {
  beforeAll(() => assertClusterUp());

  it('runs a pipeline whose name, paths, partition and options are hostile, and nothing is injected', async () => {
    const base = mkdtempSync(join(tmpdir(), 'augc-inject-'));
    const pwn = join(base, 'pwned');
    const payload = `$(touch ${pwn}1)\`touch ${pwn}2\`;touch ${pwn}3;'"`;
    const dir = join(base, `dir ${payload}`);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'data.csv'), 'id,text\n1,alpha beta gamma\n2,delta epsilon zeta\n');
    const name = `x${payload.replace(/"/g, '\\"')}\\n touch ${pwn}4`;
    writeFileSync(
      join(dir, 'p.aug'),
      `pipeline "${name}" {
  input "data.csv" { id = "id"  text = ["text"] }
  method typo = keyboard_typo(aug_char_p = 0.1)
  output "out" { format = jsonl }
  target slurm { partition = "debug" }
}
`,
    );
    const out = join(dir, `out ${payload}\nnewline`);
    const r = await augc(
      ['run', join(dir, 'p.aug'), '--target', 'slurm', '--output', out, '--wait'],
      {
        AUGC_GRID_POLL_MAX_MS: '1000',
      },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(out, 'manifest_final.csv'))).toBe(true);
    // A hostile partition is refused by the scheduler as a name, and still runs nothing.
    const bad = await augc(
      [
        'run',
        join(dir, 'p.aug'),
        '--target',
        'slurm',
        '--output',
        join(dir, 'o2'),
        '--set',
        `target.slurm.partition="p;touch ${pwn}5 $(touch ${pwn}6)"`,
      ],
      {},
    );
    expect(bad.code).not.toBe(0);
    expect(readdirSync(base).filter((f) => f.startsWith('pwned'))).toEqual([]);
  });
});
