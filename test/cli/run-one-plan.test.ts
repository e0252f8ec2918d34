import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { augc, filesUnder, spawnAugc } from './spawn-augc.js';
import { tinyWorkspace } from './tiny-run.js';

const TWO_VARIANTS = `pipeline "tiny" {
  input "data.csv" { id = "id"  text = ["text"] }
  method typo = keyboard_typo(aug_char_p = 0.1)
  variants = 2
  chunk { rows = 3 }
  output "out" { format = jsonl }
}
`;

const LONG = 180_000;
const EXAMPLE = 'examples/clinical-sentences.aug';

function runInfo(out: string): { sets?: string[]; argv?: string[] } {
  return JSON.parse(readFileSync(join(out, '_augc', 'run.json'), 'utf8')) as {
    sets?: string[];
    argv?: string[];
  };
}

function keptOf(out: string): string {
  return readFileSync(join(out, 'manifest_final.csv'), 'utf8');
}

describe('augc run: a run folder belongs to one plan', () => {
  it(
    'refuses an output holding a run of another plan, naming `--set variants`; --force starts over',
    async () => {
      const dir = tinyWorkspace(TWO_VARIANTS);
      const out = join(dir, 'out');
      const aug = join(dir, 'tiny.aug');
      const first = await augc(['run', aug, '--output', out, '--set', 'variants=1']);
      expect(first.code).toBe(0);
      expect(runInfo(out).sets).toEqual(['variants=1']);
      const manifest = keptOf(out);

      const refused = await augc(['run', aug, '--output', out]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('error[AUG5117]');
      expect(refused.stderr).toContain('`--set variants`: `variants=1` before, not given now');
      expect(refused.stderr).toContain('--force');
      expect(keptOf(out)).toBe(manifest);
      expect(runInfo(out).sets).toEqual(['variants=1']);

      const forced = await augc(['run', aug, '--output', out, '--force']);
      expect(forced.code).toBe(0);
      expect(forced.stderr).toContain('starting over');
      expect(runInfo(out).sets).toEqual([]);
      // Variant 1 exists only in a plan of two variants: the parts are the new plan's.
      const parts = filesUnder(out).filter((f) => /part-\d{5}\.jsonl$/.test(f));
      const text = parts.map((f) => readFileSync(join(out, f), 'utf8')).join('');
      expect(text).toContain('"augc_variant":1');
      expect(filesUnder(out).filter((f) => f.startsWith('_augc/tasks/'))).toHaveLength(2);
    },
    LONG,
  );

  it(
    'the same plan in the same folder spelt another way resumes instead of refusing',
    async () => {
      const dir = tinyWorkspace();
      const out = join(dir, 'out');
      const aug = join(dir, 'tiny.aug');
      expect((await augc(['run', aug, '--output', out])).code).toBe(0);
      const again = await augc(['run', aug, '--output', `${out}/`]);
      expect(again.stderr).not.toContain('AUG5117');
      expect(again.code).toBe(0);
      expect(again.stderr).toContain('all 2 task(s) are complete');
    },
    LONG,
  );

  it(
    'after Ctrl-C the hint repeats --set and --jobs, and status shows the stopped tasks as interrupted',
    async () => {
      const out = join(tinyWorkspace(), 'out');
      const args = ['run', EXAMPLE, '--output', out, '--jobs', '1', '--set', 'variants=1'];
      const run = spawnAugc(args);
      await run.waitForStderr(/augc: [1-9]\d*\/27 tasks/);
      run.child.kill('SIGINT');
      const ended = await run.done;
      expect(ended.code).toBe(130);
      expect(ended.stderr).toContain(
        `run the same command again to resume (complete tasks are kept): augc ${args.join(' ')}`,
      );
      expect(runInfo(out).argv).toEqual(args);
      expect(runInfo(out).sets).toEqual(['variants=1']);
      const status = await augc(['status', out, '--json']);
      const report = JSON.parse(status.stdout) as { interrupted: number; failed: number };
      expect(report.interrupted).toBeGreaterThan(0);
      expect(report.failed).toBe(0);
      const human = await augc(['status', out]);
      expect(human.stdout).toMatch(/\d+ interrupted/);
      expect(human.stdout).toContain('  interrupted  ');
      expect(existsSync(join(out, '_augc', 'lock'))).toBe(false);
    },
    LONG,
  );
});
