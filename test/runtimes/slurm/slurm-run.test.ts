import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { augc, filesUnder, spawnAugc } from '../../cli/spawn-augc.js';
import { gatedRun, statusWhenRunning } from '../gated-run.js';
import { standInApptainer } from '../stand-in-apptainer.js';
import { assertClusterUp, clusterState } from './cluster.js';

const cluster = clusterState();
const FAST = { AUGC_GRID_POLL_MAX_MS: '1000' };

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'augc-slurm-'));
  cpSync('examples', join(dir, 'examples'), { recursive: true });
  return dir;
}

/** A command pipeline whose tasks sleep two minutes: jobs that stay running while a test acts. */
function sleepingPipeline(dir: string): string {
  return commandPipeline(dir, 'sleep 120\ncat "$AUGC_INPUT" > "$AUGC_OUTPUT"', 'attempts = 1');
}

/** One command method over 4 rows in 2 chunks; `body` is the shell the method runs. */
function commandPipeline(dir: string, body: string, retry: string): string {
  writeFileSync(
    join(dir, 'data.csv'),
    'id,text\n1,alpha beta\n2,gamma delta\n3,epsilon zeta\n4,eta theta\n',
  );
  writeFileSync(join(dir, 'cmd.sh'), `#!/bin/sh\n${body}\n`);
  const aug = `pipeline "cmd" {
  input "data.csv" { id = "id"  text = ["text"] }
  method copy = command(["sh", "${join(dir, 'cmd.sh')}"])
  chunk { rows = 2 }
  retry { ${retry} }
  resources { walltime = 5m  memory = 256MiB }
  output "out" { format = jsonl }
}
`;
  writeFileSync(join(dir, 'cmd.aug'), aug);
  return join(dir, 'cmd.aug');
}

describe.runIf(cluster.run)('slurm target on the real cluster', () => {
  beforeAll(() => assertClusterUp());

  it('runs the text example with --wait to outputs byte-identical to a local run', async () => {
    const dir = workspace();
    const aug = join(dir, 'examples/clinical-sentences.aug');
    const local = await augc(['run', aug, '--output', join(dir, 'local')]);
    expect(local.code, local.stderr).toBe(0);
    const slurm = await augc(
      ['run', aug, '--target', 'slurm', '--output', join(dir, 'slurm'), '--wait'],
      FAST,
    );
    expect(slurm.code, slurm.stderr).toBe(0);
    const outputs = filesUnder(join(dir, 'local'), ['_augc']);
    expect(filesUnder(join(dir, 'slurm'), ['_augc'])).toEqual(outputs);
    for (const f of outputs) {
      expect(
        readFileSync(join(dir, 'slurm', f)).equals(readFileSync(join(dir, 'local', f))),
        f,
      ).toBe(true);
    }
    expect(readdirSync(join(dir, 'slurm/_augc/logs'))).toContain('scheduler');
    // The finalizer merged; `augc run --wait` prints its totals without merging a second time.
    expect(slurm.stdout.replaceAll(join(dir, 'slurm'), 'OUT')).toBe(
      local.stdout.replaceAll(join(dir, 'local'), 'OUT'),
    );
    const mtime = (f: string): number => statSync(join(dir, 'slurm', f)).mtimeMs;
    expect(mtime('manifest_final.csv')).toBeLessThanOrEqual(mtime('_augc/batch/result.json'));
  });

  it('retries a task that fails once through the finalizer, and completes', async () => {
    const dir = workspace();
    const flag = join(dir, 'failed-once');
    const body = `if [ "$AUGC_CHUNK" = 1 ] && [ ! -e ${flag} ]; then touch ${flag}; echo boom >&2; exit 3; fi\ncat "$AUGC_INPUT" > "$AUGC_OUTPUT"`;
    const aug = commandPipeline(dir, body, 'attempts = 2  backoff = fixed(1s)  on = [exit(3)]');
    const r = await augc(
      ['run', aug, '--target', 'slurm', '--output', join(dir, 'run'), '--wait'],
      FAST,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(flag)).toBe(true);
    expect(existsSync(join(dir, 'run/_augc/batch/rounds/0002.json'))).toBe(true);
    expect(readFileSync(join(dir, 'run/manifest_final.csv'), 'utf8')).toContain('combo_1_copy');
    expect(readFileSync(join(dir, 'run/_augc/logs/cpu-1c-256m-5m/1.log'), 'utf8')).toMatch(
      /attempt 1[\s\S]*boom[\s\S]*attempt 2/,
    );
  });

  it('ends a run whose task always fails with exit 1, naming the task and its log', async () => {
    const dir = workspace();
    const body = `if [ "$AUGC_CHUNK" = 0 ]; then echo always-broken >&2; exit 5; fi\ncat "$AUGC_INPUT" > "$AUGC_OUTPUT"`;
    const aug = commandPipeline(dir, body, 'attempts = 2  backoff = fixed(1s)  on = [any]');
    const r = await augc(
      ['run', aug, '--target', 'slurm', '--output', join(dir, 'run'), '--wait'],
      FAST,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('combo_1_copy.c00000');
    expect(r.stderr).toContain('_augc/logs/cpu-1c-256m-5m/0.log');
    expect(r.stderr).toContain('always-broken');
    expect(existsSync(join(dir, 'run/manifest_final.csv'))).toBe(false);
    const result = JSON.parse(readFileSync(join(dir, 'run/_augc/batch/result.json'), 'utf8')) as {
      state: string;
    };
    expect(result.state).toBe('failed');
    // The task wrapper recorded each attempt's exit status in storage.
    for (const attempt of [1, 2]) {
      const exit = join(dir, `run/_augc/batch/exit/cpu-1c-256m-5m/0.${attempt}`);
      expect(Number(readFileSync(exit, 'utf8'))).not.toBe(0);
    }
    expect(readFileSync(join(dir, 'run/_augc/batch/exit/cpu-1c-256m-5m/1.1'), 'utf8')).toBe('0\n');
  });

  it('returns after submission, shows status, and cancels every job of the run', async () => {
    const dir = workspace();
    const aug = sleepingPipeline(dir);
    const out = join(dir, 'run');
    const r = await augc(['run', aug, '--target', 'slurm', '--output', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/submitted 2 job\(s\)/);
    const status = await augc(['status', out]);
    expect(status.stdout).toMatch(/target slurm, running/);
    const cancel = await augc(['cancel', out]);
    expect(cancel.code).toBe(0);
    expect(existsSync(join(out, '_augc/batch/cancelled.json'))).toBe(true);
    const waited = spawnAugc(['status', out, '--follow']);
    const done = await waited.done;
    expect(done.stdout).toMatch(/not running/);
    expect(existsSync(join(out, 'manifest_final.csv'))).toBe(false);
  });

  it('counts the array tasks that are running in status, in the text and the JSON', async () => {
    const gate = gatedRun();
    const out = join(gate.dir, 'run');
    const r = await augc(['run', gate.aug, '--target', 'slurm', '--output', out]);
    expect(r.code, r.stderr).toBe(0);
    try {
      const json = await statusWhenRunning(out, 2);
      expect(json).toMatchObject({ target: 'slurm', active: true, completed: 0, failed: 0 });
      expect(json.pending).toBe(0);
      expect(json.runningTasks.map((t) => t.task).sort()).toEqual([
        'combo_1_copy.c00000',
        'combo_1_copy.c00001',
      ]);
      const text = await augc(['status', out]);
      expect(text.stdout).toContain('tasks  2: 0 completed, 2 running, 0 failed, 0 pending');
      expect(text.stdout.match(/^ {2}running {2}/gm)).toHaveLength(2);
    } finally {
      writeFileSync(gate.release, '');
    }
    const done = await spawnAugc(['status', out, '--follow'], FAST).done;
    expect(done.stdout).toContain('tasks  2: 2 completed, 0 running, 0 failed, 0 pending');
    expect(existsSync(join(out, 'manifest_final.csv'))).toBe(true);
  }, 180_000);

  it('on Ctrl-C during --wait stops following, leaves the jobs running and says how to follow or cancel', async () => {
    const dir = workspace();
    const aug = sleepingPipeline(dir);
    const out = join(dir, 'run');
    const run = spawnAugc(['run', aug, '--target', 'slurm', '--output', out, '--wait'], FAST);
    await run.waitForStderr(/running/);
    run.child.kill('SIGINT');
    const done = await run.done;
    expect(done.code).toBe(130);
    expect(done.stderr).toContain('its slurm jobs keep running');
    expect(done.stderr).toContain(`augc status ${out} --follow`);
    expect(done.stderr).toContain(`augc cancel ${out}`);
    expect(done.stderr).not.toContain('run the same command again');
    const status = await augc(['status', out]);
    expect(status.stdout).toMatch(/target slurm, running/);
    expect((await augc(['cancel', out])).code).toBe(0);
  });

  it("runs a method's image through apptainer exec inside the job (a stand-in apptainer on PATH)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'augc-slurm-image-'));
    const standIn = standInApptainer(dir);
    writeFileSync(join(dir, 'data.csv'), 'id,text\n1,hello there\n2,good morning\n');
    writeFileSync(
      join(dir, 'c.aug'),
      `pipeline "c" {
  input "data.csv" { text = ["text"] id = "id" }
  method up = command("tr m M") {
    io = stdio
    image = "ghcr.io/lab/tools:2"
  }
  resources { walltime = 5m  memory = 256MiB }
  output "out" { format = csv }
}
`,
    );
    const out = join(dir, 'run');
    const r = await augc(
      ['run', join(dir, 'c.aug'), '--target', 'slurm', '--output', out, '--wait'],
      {
        ...FAST,
        PATH: standIn.path,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const argv = standIn.calls();
    expect(argv[0]).toBe('exec');
    expect(argv.slice(argv.indexOf('ghcr.io/lab/tools:2'))).toEqual([
      'ghcr.io/lab/tools:2',
      'tr',
      'm',
      'M',
    ]);
    // Programs run where `augc run` ran (the recorded plan dir), inside the container too.
    expect(argv[argv.indexOf('--pwd') + 1]).toBe(process.cwd());
    expect(readFileSync(join(out, 'combo_1_up/part-00000.csv'), 'utf8')).toContain('good Morning');
  });

  it('prints the exact scripts and commands with --dry-run and submits nothing', async () => {
    const dir = workspace();
    const aug = join(dir, 'examples/clinical-sentences.aug');
    const r = await augc([
      'run',
      aug,
      '--target',
      'slurm',
      '--output',
      join(dir, 'dry'),
      '--dry-run',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\$ sbatch --parsable .*--array=0-26 .*r1-cpu-1c-1g-10m-0\.sh/);
    expect(r.stdout).toContain('--dependency=afterany:<job-1>');
    expect(r.stdout).toContain('worker --plan "$plan" --group "$group" --index "$idx" --attempt 1');
    expect(existsSync(join(dir, 'dry/_augc/batch'))).toBe(false);
  });
});

if (!cluster.run) describe.skip(`slurm target (${cluster.why})`, () => undefined);
