/**
 * A run whose tasks stay running until the test lets them finish: each task marks that it started
 * and then waits for a release file. `augc status` is asked again and again (no sleeping) until it
 * reports the expected number of running tasks; a status that never does fails by the deadline.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StatusReport } from '../../runtimes/run/run-status.js';
import { augc } from '../cli/spawn-augc.js';

export interface GatedRun {
  dir: string;
  aug: string;
  /** Touch it to let every task finish. */
  release: string;
}

/**
 * One command method over 4 rows in 2 chunks: two tasks. `stubborn`: the program leaves a child
 * that holds its output open and outlives SIGTERM, so a stopped worker must be killed.
 */
export function gatedRun(stubborn = false): GatedRun {
  const dir = mkdtempSync(join(tmpdir(), 'augc-gated-'));
  const release = join(dir, 'release');
  writeFileSync(
    join(dir, 'data.csv'),
    'id,text\n1,alpha beta\n2,gamma delta\n3,epsilon zeta\n4,eta theta\n',
  );
  const wait = `while [ ! -e "${release}" ]; do sleep 0.2; done`;
  const body = stubborn ? `(${wait}) &\nwait` : wait;
  writeFileSync(join(dir, 'gate.sh'), `#!/bin/sh\n${body}\ncat "$AUGC_INPUT" > "$AUGC_OUTPUT"\n`);
  const aug = join(dir, 'gate.aug');
  writeFileSync(
    aug,
    `pipeline "gate" {
  input "data.csv" { id = "id"  text = ["text"] }
  method copy = command(["sh", "${join(dir, 'gate.sh')}"])
  chunk { rows = 2 }
  retry { attempts = 1 }
  resources { cpus = 1  walltime = 5m  memory = 256MiB }
  output "out" { format = jsonl }
}
`,
  );
  return { dir, aug, release };
}

/** Polls `augc status RUN --json` until it reports `running` running tasks; returns that report. */
export async function statusWhenRunning(
  out: string,
  running: number,
  deadlineMs = 90_000,
): Promise<StatusReport> {
  const end = Date.now() + deadlineMs;
  let last = '';
  while (Date.now() < end) {
    const r = await augc(['status', out, '--json']);
    last = r.stdout || r.stderr;
    if (r.code !== 0 || r.stdout === '') continue;
    const report = JSON.parse(r.stdout) as StatusReport;
    if (report.running === running) return report;
  }
  throw new Error(`augc status never reported ${running} running task(s); last: ${last}`);
}
