/**
 * A command method with an `image`, run for real on the local target with `container =
 * "apptainer"`, through a stand-in `apptainer` on PATH (test/runtimes/stand-in-apptainer.ts):
 * what is proven is the call augc makes. Also the rule for a plan run on another target.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { augc } from '../../cli/spawn-augc.js';
import { standInApptainer, type StandIn } from '../stand-in-apptainer.js';

const base = mkdtempSync(join(tmpdir(), 'augc-container-'));
let standIn: StandIn;

const PIPELINE = `pipeline "c" {
  input "data.csv" { text = ["text"] id = "id" }
  output "out"
  method up = command("tr m M") {
    io = stdio
    image = "ghcr.io/lab/tools:2"
  }
  target local { container = "apptainer" }
}
`;

describe('local target with container = "apptainer"', () => {
  let code: number | null = null;
  let stderr = '';
  beforeAll(async () => {
    standIn = standInApptainer(base);
    writeFileSync(join(base, 'data.csv'), 'id,text\n1,hello there\n2,good morning\n');
    writeFileSync(join(base, 'c.aug'), PIPELINE);
    const run = await augc(['run', join(base, 'c.aug'), '--output', join(base, 'out')], {
      PATH: standIn.path,
    });
    code = run.code;
    stderr = run.stderr;
  }, 120_000);

  it('runs the program through apptainer exec with the image and binds', () => {
    expect(code, stderr).toBe(0);
    const argv = standIn.calls();
    expect(argv[0]).toBe('exec');
    expect(argv).not.toContain('--nv');
    expect(argv.filter((a) => a === '--bind').length).toBeGreaterThanOrEqual(2);
    const image = argv.indexOf('ghcr.io/lab/tools:2');
    expect(argv.slice(image)).toEqual(['ghcr.io/lab/tools:2', 'tr', 'm', 'M']);
  });

  it('writes what the program printed inside the container', () => {
    const dir = join(base, 'out', 'combo_1_up');
    const text = readdirSync(dir)
      .filter((f) => f.startsWith('part-'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('');
    expect(text).toContain('good Morning');
    expect(text).not.toContain('good morning');
  });
});

/** The same method, planned for Slurm (apptainer by default) or for local (no container). */
const PORTABLE = `pipeline "p" {
  input "data.csv" { text = ["text"] id = "id" }
  output "out"
  method up = command("tr m M") {
    io = stdio
    image = "ghcr.io/lab/tools:2"
  }
}
`;

describe('a plan run on another target than the one it was made for', () => {
  const dir = mkdtempSync(join(tmpdir(), 'augc-portable-'));
  let portable: StandIn;
  beforeAll(() => {
    portable = standInApptainer(dir);
    writeFileSync(join(dir, 'data.csv'), 'id,text\n1,hello there\n2,good morning\n');
    writeFileSync(join(dir, 'p.aug'), PORTABLE);
  });

  it('keeps the plan\u2019s apptainer on local: made for slurm, run with --target local', async () => {
    const plan = join(dir, 'slurm-plan.json');
    const made = await augc(['plan', join(dir, 'p.aug'), '--target', 'slurm', '-o', plan]);
    expect(made.code, made.stderr).toBe(0);
    // No apptainer on this machine: refused before anything runs, saying why.
    const bare = await augc(['run', plan, '--target', 'local', '--output', join(dir, 'o1')], {
      PATH: dirname(process.execPath) + ':/usr/bin:/bin',
    });
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain(
      'error[AUG5119]: target `local` cannot start `apptainer`: it is not on PATH',
    );
    expect(bare.stderr).toContain(
      'the plan (made for `slurm`) runs the image of `up` with `apptainer`',
    );
    const run = await augc(['run', plan, '--target', 'local', '--output', join(dir, 'o2')], {
      PATH: portable.path,
    });
    expect(run.code, run.stderr).toBe(0);
    const argv = portable.calls();
    expect(argv[0]).toBe('exec');
    expect(argv.slice(argv.indexOf('ghcr.io/lab/tools:2'))).toEqual([
      'ghcr.io/lab/tools:2',
      'tr',
      'm',
      'M',
    ]);
  });

  it('refuses on slurm a plan made for local, whose image runs without a container', async () => {
    const plan = join(dir, 'local-plan.json');
    const made = await augc(['plan', join(dir, 'p.aug'), '-o', plan]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toContain('warning[AUG4012]');
    const r = await augc([
      'run',
      plan,
      '--target',
      'slurm',
      '--output',
      join(dir, 'o3'),
      '--dry-run',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'error[AUG5119]: the plan was made for `local` and cannot keep its container choice on `slurm`',
    );
    expect(r.stderr).toContain('method `up` runs without its image `ghcr.io/lab/tools:2`');
    expect(r.stdout).not.toContain('sbatch');
  });
});
