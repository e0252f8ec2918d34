/**
 * A real full disk: the run's output is a small tmpfs (needs root and mount(2); elsewhere this
 * file skips and the injected ENOSPC test in faults.test.ts stands in). The second part does not
 * fit: its task fails with ENOSPC, nothing partial is recorded, and after the tmpfs is grown the
 * same command resumes to outputs identical to a run on a roomy disk.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { differencesFrom } from './fault-workspace.js';
import { augc, filesUnder, tempFilesUnder } from './spawn-augc.js';

const dir = mkdtempSync(join(tmpdir(), 'augc-enospc-'));
const small = join(dir, 'small');

function mountTmpfs(size: string, remount = false): boolean {
  try {
    const opts = remount ? `remount,size=${size}` : `size=${size}`;
    execFileSync('mount', ['-t', 'tmpfs', '-o', opts, 'tmpfs', small], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

mkdirSync(small);
const mounted = mountTmpfs('700k');

afterAll(() => {
  if (mounted) execFileSync('umount', [small], { stdio: 'pipe' });
});

const words = 'the weather is lovely this morning and she walked to the station in rain'.split(' ');
const rows = Array.from(
  { length: 3000 },
  (_, i) =>
    `${i},${Array.from({ length: 12 }, (_, k) => words[(i * 7 + k * 5) % words.length]).join(' ')}`,
);
writeFileSync(join(dir, 'data.csv'), `id,text\n${rows.join('\n')}\n`);
writeFileSync(
  join(dir, 'big.aug'),
  `pipeline "big" {
  input "data.csv" { id = "id"  text = ["text"] }
  method typo = keyboard_typo(aug_char_p = 0.1)
  chunk { rows = 1500 }
  output "out" { format = jsonl }
}
`,
);

describe.runIf(mounted)('a run whose disk fills up (tmpfs)', () => {
  it('fails the task that hit ENOSPC, records nothing partial, resumes when space is back', async () => {
    const ref = join(dir, 'ref');
    expect((await augc(['run', join(dir, 'big.aug'), '--output', ref])).code).toBe(0);
    const out = join(small, 'out');
    const full = await augc(['run', join(dir, 'big.aug'), '--output', out, '--jobs', '1']);
    expect(full.code).toBe(1);
    expect(full.stderr).toContain('ENOSPC: no space left on device');
    expect(full.stderr).toContain('error[AUG5107]: 1 task(s) failed');
    expect(full.stderr).not.toContain('AUG5099');
    expect(tempFilesUnder(out)).toEqual([]);
    // Whatever is recorded is whole: merge finds no corrupt task, only the one that failed.
    const merged = await augc(['merge', out]);
    expect(merged.stderr).not.toContain(': corrupt:');
    expect(merged.stderr).toContain('1 of 2 task(s) are not complete');
    expect(filesUnder(out)).not.toContain('manifest_final.csv');
    expect(mountTmpfs('16m', true)).toBe(true);
    const resumed = await augc(['run', join(dir, 'big.aug'), '--output', out, '--jobs', '1']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('resuming: 1 task(s) complete, 1 to run');
    expect(differencesFrom(ref, out)).toEqual([]);
  });
});

if (!mounted) describe.skip('a run whose disk fills up (no tmpfs: needs root)', () => undefined);
