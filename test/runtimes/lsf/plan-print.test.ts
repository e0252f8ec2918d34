/**
 * `augc plan --target lsf` prints the exact scripts and bsub commands `augc run` would submit (no
 * LSF can run here, so this golden file is the dialect's end-to-end test), and `--target hpc`
 * picks LSF when `bsub` is the only submit command on PATH.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { augc } from '../../cli/spawn-augc.js';

const EXAMPLE = 'examples/clinical-sentences.aug';

/** The scripts section of `augc plan`, with this machine's paths replaced. */
function scriptsOf(stdout: string): string {
  const at = stdout.indexOf('\n# lsf: scripts');
  return stdout
    .slice(at + 1)
    .replaceAll(process.execPath, '<node>')
    .replaceAll(process.cwd(), '<cwd>');
}

function pathWith(commands: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'augc-hpc-'));
  for (const c of commands) {
    writeFileSync(join(dir, c), '#!/bin/sh\nexit 1\n');
    chmodSync(join(dir, c), 0o755);
  }
  return dir;
}

describe('augc plan --target lsf', () => {
  it('prints the scripts and bsub commands (golden)', async () => {
    const r = await augc(
      [
        'plan',
        EXAMPLE,
        '--target',
        'lsf',
        '--set',
        'target.lsf.project=lab',
        '--set',
        'target.lsf.array_limit=5',
      ],
      { AUGC_CONFIG: '', XDG_CONFIG_HOME: '/nonexistent' },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('# lsf: scripts');
    await expect(scriptsOf(r.stdout)).toMatchFileSnapshot('golden/plan.txt');
  });

  it('--target hpc picks lsf when only bsub is on PATH, and pbs before it', async () => {
    const args = ['plan', EXAMPLE, '--target', 'hpc'];
    const lsf = await augc(args, { PATH: pathWith(['bsub']) });
    expect(lsf.code, lsf.stderr).toBe(0);
    expect(lsf.stdout).toContain('# lsf: scripts');
    expect(lsf.stdout).toMatch(/\$ bsub -J /);
    const pbs = await augc(args, { PATH: pathWith(['qsub', 'bsub']) });
    expect(pbs.stdout).toContain('# pbs: scripts');
    const none = await augc(args, { PATH: pathWith([]) });
    expect(none.code).toBe(69);
    expect(none.stderr).toContain('`bsub`');
  });
});
