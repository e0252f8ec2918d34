/**
 * A balancing SMOTE end to end: with `sampling_strategy = auto` each variant raises every class to
 * the majority's count (60 responders: 30 partial and 48 resistant rows per variant), and
 * `augc_variant` numbers the resamplings; a method after it works on its rows one for one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../../engine/formats/read-rows.js';
import { augc } from '../cli/spawn-augc.js';

const LONG = 120_000;
const dir = mkdtempSync(join(tmpdir(), 'augc-balanced-'));
const out = join(dir, 'out');
const PIPELINE = `pipeline "balanced" {
  seed = 7
  input "${resolve('examples/data/cell-lines.csv')}" {
    id = "sample_id"
    features = ["BRCA1", "TP53", "EGFR", "MYC"]
    label = "response"
  }
  method smote = smote(k_neighbors = 3, sampling_strategy = auto)
  method noise = gaussian_noise(sigma = 0.05)
  combos {
    list = [smote, smote + noise]
  }
  variants = 2
  output "${out}" {
    format = parquet
  }
}
`;

async function counts(combo: string): Promise<Record<string, number>> {
  const seen: Record<string, number> = {};
  for await (const row of readRows(join(out, combo, 'part-00000.parquet'), 'parquet')) {
    const key = `${String(row['response'])}/${String(row['augc_variant'])}`;
    seen[key] = (seen[key] ?? 0) + 1;
  }
  return seen;
}

describe('smote with sampling_strategy = auto', () => {
  beforeAll(async () => {
    writeFileSync(join(dir, 'balanced.aug'), PIPELINE);
    const run = await augc(['run', join(dir, 'balanced.aug')]);
    expect(run.code, run.stderr).toBe(0);
  }, LONG);

  it('raises every class to the majority count once per variant', async () => {
    const balanced = { 'partial/0': 30, 'resistant/0': 48, 'partial/1': 30, 'resistant/1': 48 };
    expect(await counts('combo_1_smote')).toEqual(balanced);
    expect(await counts('combo_2_smote+noise')).toEqual(balanced);
  });
});
