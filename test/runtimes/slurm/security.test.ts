/**
 * Security of Slurm runs (issue 5 §3), beside injection.test.ts: a `command` method's hostile argv
 * runs literally inside the job, its environment is only what the pipeline declares (sbatch hands
 * the job the submitter's whole environment; augc does not pass it on), and no planted secret
 * appears in any file of the run: scripts, grid state, task logs, scheduler logs, records.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { augc, filesUnder } from '../../cli/spawn-augc.js';
import { assertClusterUp, clusterState } from './cluster.js';

const cluster = clusterState();

const ECHO = `
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
const [log, ...args] = process.argv.slice(2);
appendFileSync(log, JSON.stringify({ args, env: Object.keys(process.env).sort() }) + '\\n');
writeFileSync(process.env.AUGC_OUTPUT, readFileSync(process.env.AUGC_INPUT, 'utf8').replaceAll('a', 'A'));
`;

const SECRETS = {
  AWS_SECRET_ACCESS_KEY: 'aws-secret-slurm-77e0',
  AUGC_TEST_SECRET: 'augc-test-secret-slurm-1b2c',
  HF_TOKEN: 'hf-token-slurm-passed-5d4e',
};

describe.runIf(cluster.run)('slurm: command methods, environments and secrets', () => {
  beforeAll(() => assertClusterUp());

  it('runs hostile argv literally, limits the env, and writes no secret anywhere', async () => {
    const base = mkdtempSync(join(tmpdir(), 'augc-slurm-sec-'));
    const p = (n: number): string => join(base, `pwned-${n}`);
    const evil = [
      `$(touch ${p(1)})`,
      `\`touch ${p(2)}\``,
      `x; touch ${p(3)}`,
      `x && touch ${p(4)}`,
      `x\ntouch ${p(5)}`,
      `'"; touch ${p(6)} #`,
      `\uff04(touch ${p(7)})`,
    ];
    writeFileSync(join(base, 'echo.mjs'), ECHO);
    writeFileSync(join(base, 'data.csv'), `id,text\n1,"alpha ${evil[0]}"\n2,"beta ${evil[1]}"\n`);
    const log = join(base, 'seen.jsonl');
    const argv = ['node', join(base, 'echo.mjs'), log, ...evil].map((a) => JSON.stringify(a));
    writeFileSync(
      join(base, 'p.aug'),
      `pipeline "sec" {
  input "data.csv" { id = "id"  text = ["text"] }
  method echo = command([${argv.join(', ')}]) {
    env { DECLARED = "declared-value" }
    pass_env = ["HF_TOKEN"]
  }
  resources { walltime = 5m  memory = 256MiB }
  output "out" { format = jsonl }
}
`,
    );
    const out = join(base, 'out');
    const r = await augc(
      ['run', join(base, 'p.aug'), '--target', 'slurm', '--output', out, '--wait'],
      {
        AUGC_GRID_POLL_MAX_MS: '1000',
        ...SECRETS,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(base).filter((f) => f.startsWith('pwned'))).toEqual([]);
    const seen = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { args: string[]; env: string[] });
    expect(seen[0]!.args).toEqual(evil);
    const allowed = new Set(['PATH', 'HOME', 'LANG', 'DECLARED', 'HF_TOKEN']);
    expect(seen[0]!.env.filter((k) => !allowed.has(k) && !k.startsWith('AUGC_'))).toEqual([]);
    expect(seen[0]!.env).toContain('HF_TOKEN');
    const files = filesUnder(out);
    expect(files.some((f) => f.startsWith('_augc/batch/jobs/'))).toBe(true);
    expect(files.some((f) => f.startsWith('_augc/logs/scheduler/'))).toBe(true);
    const holding = files.filter((f) => {
      const text = readFileSync(join(out, f)).toString('latin1');
      return Object.values(SECRETS).some((v) => text.includes(v));
    });
    expect(holding).toEqual([]);
  });
});

if (!cluster.run) describe.skip(`slurm security (${cluster.why})`, () => undefined);
