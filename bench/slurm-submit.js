// Slurm submission cost: wall time of `augc run --target slurm` (compile, split, submit) for a
// 1,000-task plan, the scheduler calls it made, and the scheduler calls one `augc status` poll
// makes. Needs the test cluster (test/infra/slurm-up.sh); skipped with a note when sbatch is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function run() {
  try {
    execFileSync('sinfo', ['-h'], { stdio: 'pipe' });
  } catch {
    return {
      title: 'Slurm submission (skipped: no cluster)',
      rows: [{ note: 'run test/infra/slurm-up.sh first' }],
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'augc-bench-slurm-'));
  const rows = Array.from({ length: 1000 }, (_, i) => `${i},sentence number ${i} for the bench`);
  writeFileSync(join(dir, 'data.csv'), `id,text\n${rows.join('\n')}\n`);
  writeFileSync(
    join(dir, 'b.aug'),
    `pipeline "bench" {\n  input "data.csv" { id = "id"  text = ["text"] }\n  method typo = keyboard_typo(aug_char_p = 0.1)\n  chunk { rows = 1 }\n  output "out" { format = jsonl }\n}\n`,
  );
  const out = join(dir, 'out');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    ['bin/augc.js', 'run', join(dir, 'b.aug'), '--target', 'slurm', '--output', out],
    { encoding: 'utf8' },
  );
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const calls = Number(/\((\d+) slurm calls\)/.exec(r.stderr)?.[1] ?? NaN);
  const { slurmRuntime } = await import('../dist/runtimes/slurm/index.js');
  const { openRun } = await import('../dist/runtimes/run/open-run.js');
  const { execaExec } = await import('../dist/runtimes/grid/scheduler-client.js');
  let pollCalls = 0;
  const real = execaExec(process.env);
  slurmRuntime.exec = (argv) => {
    pollCalls++;
    return real(argv);
  };
  const opened = await openRun(out);
  if (!opened.ok) throw new Error(`no run at ${out}`);
  const ref = {
    plan: opened.run.plan,
    outputUri: out,
    storage: opened.run.storage,
    env: process.env,
  };
  await slurmRuntime.status(ref);
  const perPoll = pollCalls;
  await slurmRuntime.cancel(ref);
  return {
    title: 'Slurm: `augc run --target slurm` for a 1,000-task plan (submission only)',
    rows: [
      {
        tasks: 1000,
        exit: r.status,
        runToSubmittedMs: Math.round(ms),
        submitCalls: calls,
        schedulerCallsPerStatusPoll: perPoll,
      },
    ],
    checks: [
      {
        name: 'one scheduler call per status poll',
        ok: perPoll === 1,
        detail: `${perPoll} call(s)`,
      },
      {
        name: 'one submit call per array plus the finalizer',
        ok: calls <= 4,
        detail: `${calls} call(s) incl. scontrol`,
      },
    ],
  };
}
