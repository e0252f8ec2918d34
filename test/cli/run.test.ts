import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLAIN_INTERVAL_MS } from '../../runtimes/local/progress.js';
import { augc, filesUnder, mtimes, read, spawnAugc, tempFilesUnder } from './spawn-augc.js';

const EXAMPLE = 'examples/clinical-sentences.aug';
const COMBOS = [
  'combo_1_syn',
  'combo_1_typo',
  'combo_1_spell',
  'combo_1_swap',
  'combo_2_syn+typo',
  'combo_2_syn+spell',
  'combo_2_syn+swap',
  'combo_2_typo+swap',
  'combo_2_spell+swap',
];
const LONG = 180_000;

const base = mkdtempSync(join(tmpdir(), 'augc-run-'));
const ref = join(base, 'ref');

/** The dataset files of a run: everything outside `_augc/`. */
function datasets(root: string): string[] {
  return filesUnder(root, ['_augc']);
}

describe('augc run on the text example (local target)', () => {
  let first: Awaited<ReturnType<typeof augc>>;
  let firstMs = 0;
  beforeAll(async () => {
    const start = Date.now();
    first = await augc(['run', EXAMPLE, '--output', ref, '--jobs', '2']);
    firstMs = Date.now() - start;
  }, LONG);

  it('writes datasets, meta.json per combo and manifest_final', () => {
    expect(first.stderr).not.toContain('error');
    expect(first.code).toBe(0);
    const files = datasets(ref);
    for (const combo of COMBOS) {
      expect(files).toContain(`${combo}/meta.json`);
      for (const chunk of ['00000', '00001', '00002'])
        expect(files).toContain(`${combo}/part-${chunk}.csv`);
    }
    expect(files).toContain('manifest_final.csv');
    expect(files).toContain('manifest_final.parquet');
    const internal = filesUnder(join(ref, '_augc'));
    expect(internal).toContain('plan.json');
    for (const combo of COMBOS)
      for (const chunk of ['00000', '00001', '00002'])
        expect(internal).toContain(`tasks/${combo}.c${chunk}.json`);
    expect(read(ref, 'manifest_final.csv').toString().trim().split('\n')).toHaveLength(
      COMBOS.length + 1,
    );
    expect(first.stdout).toMatch(/combos\s+9 {2}\(k=1: 4, k=2: 5\)/);
    expect(first.stdout).toMatch(/^per combo {2}min \d+, max \d+, mean [\d.]+$/m);
    expect(first.stdout).toMatch(
      /^variants {3}1,080 generated, [\d,]+ kept, \d+ dropped by quality \(above_max \d+, below_min \d+, duplicate \d+, unchanged \d+\)$/m,
    );
    expect(tempFilesUnder(ref)).toEqual([]);
    expect(filesUnder(ref)).not.toContain('_augc/lock');
    expect(filesUnder(ref)).toContain('_augc/logs/worker-1.log');
  });

  it('prints plain progress lines when not a terminal: throttled, then a final line', () => {
    const lines = first.stderr.split('\n').filter((l) => /^augc: \d+\/27 tasks/.test(l));
    expect(lines.at(-1)).toMatch(/^augc: 27\/27 tasks, [\d,]+ rows out, .*, 0 running$/);
    expect(first.stderr).not.toContain('\x1b');
    // The start line, the first task end, one line per 5 s interval at most, and the final line.
    expect(lines[0]).toMatch(/^augc: 0\/27 tasks/);
    expect(lines.length).toBeLessThanOrEqual(3 + Math.floor(firstMs / PLAIN_INTERVAL_MS) + 1);
  });

  it(
    'does no work the second time',
    async () => {
      const records = filesUnder(join(ref, '_augc', 'tasks'));
      const before = mtimes(join(ref, '_augc', 'tasks'), records);
      const again = await augc(['run', EXAMPLE, '--output', ref, '--jobs', '2']);
      expect(again.code).toBe(0);
      expect(again.stderr).toContain('all 27 task(s) are complete: nothing to run');
      expect(mtimes(join(ref, '_augc', 'tasks'), records)).toEqual(before);
    },
    LONG,
  );

  it(
    'gives byte-identical outputs with --jobs 1',
    async () => {
      const one = join(base, 'jobs1');
      const run = await augc(['run', EXAMPLE, '--output', one, '--jobs', '1']);
      expect(run.code).toBe(0);
      expect(datasets(one)).toEqual(datasets(ref));
      for (const file of datasets(ref))
        expect(read(one, file).equals(read(ref, file)), file).toBe(true);
    },
    LONG,
  );

  it(
    'survives a worker SIGKILLed mid-task: the re-run matches an uninterrupted run',
    async () => {
      const out = join(base, 'killed');
      const victim = 'combo_1_typo.c00001';
      const killed = await augc(['run', EXAMPLE, '--output', out, '--jobs', '2'], {
        AUGC_TEST_KILL_AFTER_ROWS: '3',
        AUGC_TEST_KILL_TASK: victim,
      });
      expect(killed.code).toBe(1);
      expect(killed.stderr).toContain('error[AUG5107]: 1 task(s) failed');
      expect(killed.stderr).toContain(`${victim} (`);
      expect(killed.stderr).toContain('killed by SIGKILL');
      expect(killed.stderr).toMatch(/log: .*_augc\/logs\/worker-\d\.log/);
      expect(tempFilesUnder(out)).toEqual([]);
      expect(filesUnder(out)).not.toContain('manifest_final.csv');
      const resumed = await augc(['run', EXAMPLE, '--output', out, '--jobs', '2']);
      expect(resumed.code).toBe(0);
      expect(resumed.stderr).toContain('resuming: 26 task(s) complete, 1 to run');
      expect(read(out, 'manifest_final.csv').equals(read(ref, 'manifest_final.csv'))).toBe(true);
    },
    LONG,
  );

  it(
    'stops cleanly on Ctrl-C (exit 130, no temp files, nothing half-complete) and resumes',
    async () => {
      const out = join(base, 'interrupted');
      const run = spawnAugc(['run', EXAMPLE, '--output', out, '--jobs', '2']);
      await run.waitForStderr(/augc: [1-9]\d*\/27 tasks/);
      run.child.kill('SIGINT');
      const ended = await run.done;
      expect(ended.code).toBe(130);
      expect(ended.stderr).toContain('error[AUG5110]');
      expect(ended.stderr).toContain('run the same command again to resume');
      expect(tempFilesUnder(out)).toEqual([]);
      expect(filesUnder(out)).not.toContain('_augc/lock');
      const merged = await augc(['merge', out, '--allow-partial']);
      expect(merged.stderr).not.toContain(': corrupt:');
      const resumed = await augc(['run', EXAMPLE, '--output', out]);
      expect(resumed.code).toBe(0);
      expect(read(out, 'manifest_final.csv').equals(read(ref, 'manifest_final.csv'))).toBe(true);
    },
    LONG,
  );

  it(
    '--dry-run lists tasks to run and to skip; --explain names what changed',
    async () => {
      const done = await augc(['run', EXAMPLE, '--output', ref, '--dry-run']);
      expect(done.code).toBe(0);
      expect(done.stdout).toContain('0 task(s) to run, 27 complete and skipped');
      const fresh = await augc(['run', EXAMPLE, '--output', join(base, 'never'), '--dry-run']);
      expect(fresh.stdout).toContain('27 task(s) to run, 0 complete and skipped');
      expect(filesUnder(base)).not.toContain('never/_augc/plan.json');
      const changed = await augc([
        'run',
        EXAMPLE,
        '--output',
        ref,
        '--dry-run',
        '--explain',
        '--set',
        'variants=3',
      ]);
      expect(changed.stdout, changed.stderr).toContain('27 task(s) to run');
      expect(changed.stdout).toMatch(
        /combo_1_syn\.c00000: stale: task definition changed: variants/,
      );
    },
    LONG,
  );
});
