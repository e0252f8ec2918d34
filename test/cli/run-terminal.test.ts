/**
 * `augc run` on a real pseudo-terminal (tmux) at several widths: the live board fits the width and
 * does not pile up stale lines; `TERM=dumb` and a pipe get plain lines, the first at start.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnAugc } from './spawn-augc.js';

const hasTmux = (() => {
  try {
    execFileSync('tmux', ['-V']);
    return true;
  } catch {
    return false;
  }
})();

/** Four tasks that each sleep a little, so that the board is drawn several times. */
function slowWorkspace(seconds: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'augc-term-'));
  writeFileSync(join(dir, 'data.csv'), 'id,text\n1,a b\n2,c d\n3,e f\n4,g h\n');
  writeFileSync(
    join(dir, 'cmd.sh'),
    `#!/bin/sh\nsleep ${seconds}\ncat "$AUGC_INPUT" > "$AUGC_OUTPUT"\n`,
  );
  writeFileSync(
    join(dir, 'slow.aug'),
    `pipeline "slow" {
  input "data.csv" { id = "id"  text = ["text"] }
  method copy = command(["sh", "${join(dir, 'cmd.sh')}"])
  chunk { rows = 1 }
  output "out" { format = jsonl }
}
`,
  );
  return dir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs augc in a detached tmux pane `columns` wide and returns the pane's text once it exited. */
async function runInTmux(columns: number, term: string): Promise<string> {
  const dir = slowWorkspace(0.4);
  const name = `augc-r5-${process.pid}-${columns}-${term}`;
  const cmd =
    `cd ${resolve('.')} && TERM=${term} NO_COLOR=1 ${process.execPath} bin/augc.js run ` +
    `${join(dir, 'slow.aug')} --output ${join(dir, 'out')} --jobs 2; echo AUGC-EXIT=$?; sleep 60`;
  execFileSync('tmux', ['new-session', '-d', '-s', name, '-x', String(columns), '-y', '40', cmd]);
  try {
    for (;;) {
      const pane = execFileSync('tmux', ['capture-pane', '-p', '-t', name]).toString();
      if (pane.includes('AUGC-EXIT=')) return pane;
      await sleep(200);
    }
  } finally {
    execFileSync('tmux', ['kill-session', '-t', name]);
  }
}

describe.runIf(hasTmux)('augc run on a terminal', () => {
  for (const columns of [60, 80, 160]) {
    it(`fits the board to ${columns} columns and leaves one board`, async () => {
      const pane = await runInTmux(columns, 'xterm');
      expect(pane).toContain('AUGC-EXIT=0');
      const lines = pane.split('\n');
      // The board's rows (the totals on stdout are data and may be as wide as a path).
      const board = lines.filter((l) => /^( {2}worker-\d|\[[#.]+\])/.test(l));
      expect(board).toHaveLength(3);
      for (const l of board) expect(l.length).toBeLessThan(columns);
      expect(lines.filter((l) => /^\[[#.]+\] \d+\/4 tasks/.test(l))).toHaveLength(1);
      expect(lines.filter((l) => l.trimStart().startsWith('worker-1 '))).toHaveLength(1);
    });
  }

  it('prints plain lines under TERM=dumb', async () => {
    const pane = await runInTmux(80, 'dumb');
    expect(pane).toContain('AUGC-EXIT=0');
    expect(pane).toContain('augc: pipeline "slow": 4 task(s) on local, 2 worker(s)');
    expect(pane).toMatch(/^augc: 0\/4 tasks/m);
    expect(pane).not.toMatch(/^\[[#.]+\]/m);
  });
});

describe('augc run into a pipe', () => {
  it('says what runs and prints a first progress line before any task ends', async () => {
    const dir = slowWorkspace(3);
    const run = spawnAugc([
      'run',
      join(dir, 'slow.aug'),
      '--output',
      join(dir, 'out'),
      '--jobs',
      '1',
    ]);
    await run.waitForStderr(/augc: 0\/4 tasks/);
    run.child.kill('SIGINT');
    const done = await run.done;
    expect(done.stderr).toContain('augc: pipeline "slow": 4 task(s) on local, 1 worker(s)\n');
    expect(done.stderr.indexOf('augc: pipeline')).toBeLessThan(done.stderr.indexOf('0/4 tasks'));
  });
});
