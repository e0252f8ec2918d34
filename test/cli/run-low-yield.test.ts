/**
 * The case from issue 10: a method that only changes case, with `quality.max = 0.95`. The quality
 * measures ignore case unless `case_sensitive = true`, so every variant scores 1 and is dropped;
 * the run must say so (AUG5118), and fail under `--strict`, on `augc run` and on `augc merge`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { augc } from './spawn-augc.js';

const SHOUT = resolve('examples/tools/upper_column.sh');
const LONG = 120_000;

function pipeline(quality: string): string {
  return `pipeline "few" {
  input "data.csv" { id = "id"  text = ["text"] }
  method shout = command(["${SHOUT}", "text"]) { io = stdio }
  method swap = random_word(action = "swap", aug_p = 0.5)
  combos { size = 1 }
  quality { ${quality} }
  output "out" { format = csv }
}
`;
}

const DATA = [
  'id,text',
  '1,the weather is lovely this morning',
  '2,I would like another cup of coffee',
  '3,she walked to the station in the rain',
  '4,we are planning a trip to the mountains',
].join('\n');

function workspace(quality: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'augc-few-'));
  writeFileSync(join(dir, 'few.aug'), pipeline(quality));
  writeFileSync(join(dir, 'data.csv'), `${DATA}\n`);
  return dir;
}

describe('a combo whose variants the quality filter all drops', () => {
  let dir = '';
  let run: Awaited<ReturnType<typeof augc>>;
  beforeAll(async () => {
    dir = workspace('max = 0.95');
    run = await augc(['run', join(dir, 'few.aug'), '--output', join(dir, 'out'), '--jobs', '2']);
  }, LONG);

  it('warns at the end of the run, naming the combo, its counts and the dominant reason', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      'warning[AUG5118]: combo `combo_1_shout` kept fewer than 10% of its variants after the quality filter',
    );
    expect(run.stderr).toContain(
      '`combo_1_shout` (shout): kept 0 of 4 variant(s) (0%); 4 dropped as above_max: more similar to the original than `quality.max` (0.95)',
    );
    expect(run.stderr).not.toMatch(/`combo_1_swap` \(swap\): kept/);
    expect(run.stdout).toMatch(/^variants {3}8 generated, 4 kept, 4 dropped by quality/m);
  });

  it('fails the run under --strict, with the outputs still written', async () => {
    const out = join(dir, 'strict');
    const strict = await augc(['run', join(dir, 'few.aug'), '--output', out, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('error[AUG5118]');
    expect(strict.stdout).toContain(`manifest   ${out}/manifest_final.csv`);
  });

  it('says the same on `augc merge`, and fails it under --strict', async () => {
    const out = join(dir, 'out');
    const merged = await augc(['merge', out]);
    expect(merged.code).toBe(0);
    expect(merged.stderr).toContain('warning[AUG5118]: combo `combo_1_shout`');
    const strict = await augc(['merge', out, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('error[AUG5118]');
  });

  it(
    'is quiet when the threshold is lowered, or when case counts',
    async () => {
      for (const quality of ['max = 0.95  min_kept = 0', 'max = 0.95  case_sensitive = true']) {
        const other = workspace(quality);
        const r = await augc(['run', join(other, 'few.aug'), '--output', join(other, 'out')]);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).not.toContain('AUG5118');
      }
    },
    LONG,
  );
});
