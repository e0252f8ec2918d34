/**
 * The tabular example end to end: every combo's part carries the feature columns, the numbers are
 * perturbed, and the label and kept columns are those of the source row.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../../engine/formats/read-rows.js';
import type { TableRow } from '../../stdlib/method.js';
import { augc } from '../cli/spawn-augc.js';
import { parquetPhysicalTypes } from '../engine/formats/parquet-footer.js';

const LONG = 120_000;
const FEATURES = ['BRCA1', 'TP53', 'EGFR', 'MYC'];
const COMBOS = ['combo_1_noise', 'combo_1_smote', 'combo_1_mask', 'combo_2_noise+smote'];
const out = join(mkdtempSync(join(tmpdir(), 'augc-tabular-')), 'out');

/** The input rows by sample id (CSV cells as strings). */
function sourceRows(): Map<string, string[]> {
  const lines = readFileSync('examples/data/cell-lines.csv', 'utf8').trim().split('\n');
  return new Map(lines.slice(1).map((l) => [l.split(',')[0]!, l.split(',')]));
}

async function partOf(combo: string): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of readRows(join(out, combo, 'part-00000.parquet'), 'parquet'))
    rows.push(row);
  return rows;
}

/** How many rows have at least one feature that differs from the source row's. */
function perturbed(rows: TableRow[], source: Map<string, string[]>): number {
  return rows.filter((r) => {
    const s = source.get(String(r['sample_id']))!;
    return FEATURES.some((f, j) => Math.abs(Number(r[f]) - Number(s[j + 1])) > 1e-9);
  }).length;
}

describe('examples/cell-lines-tabular.aug', () => {
  beforeAll(async () => {
    const run = await augc(['run', 'examples/cell-lines-tabular.aug', '--output', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/combos\s+4 {2}\(k=1: 3, k=2: 1\)/);
  }, LONG);

  it('writes numeric features, perturbed, with the label and kept columns of the source row', async () => {
    const source = sourceRows();
    for (const combo of COMBOS) {
      const rows = await partOf(combo);
      expect(rows, combo).toHaveLength(102);
      for (const r of rows) {
        const s = source.get(String(r['sample_id']))!;
        for (const f of FEATURES) expect(typeof r[f], `${combo} ${f}`).toBe('number');
        expect([r['response'], r['batch']], combo).toEqual([s[5], s[6]]);
      }
      // Noise and SMOTE move every row; masking with p_m = 0.2 over 4 features moves most.
      const moved = perturbed(rows, source);
      expect(moved, combo).toBeGreaterThan(combo === 'combo_1_mask' ? 30 : 100);
    }
  });

  it('lists every combo in manifest_final with its rows', () => {
    const manifest = readFileSync(join(out, 'manifest_final.csv'), 'utf8').trim().split(/\r?\n/);
    expect(manifest[0]).toBe('combo_id,methods,k,rows,variants,kept,dropped,path,sha256');
    expect(manifest.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      'combo_1_noise,noise,1,102',
      'combo_1_smote,smote,1,102',
      'combo_1_mask,mask,1,102',
      'combo_2_noise+smote,noise+smote,2,102',
    ]);
  });

  it('writes counts and ordinals as INT64, features as DOUBLE (pandas reads 70, not 70.0)', () => {
    const part = parquetPhysicalTypes(join(out, 'combo_1_smote', 'part-00000.parquet'));
    expect([part['augc_row'], part['augc_variant'], part['BRCA1']]).toEqual([
      'INT64',
      'INT64',
      'DOUBLE',
    ]);
    const manifest = parquetPhysicalTypes(join(out, 'manifest_final.parquet'));
    for (const column of ['k', 'rows', 'variants', 'kept', 'dropped'])
      expect(manifest[column], column).toBe('INT64');
  });
});
