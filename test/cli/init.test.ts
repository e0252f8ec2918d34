import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../cli/exit-codes.js';
import { createRowWriter } from '../../engine/formats/row-writer.js';
import { runCli } from './run-cli.js';
import { augc } from './spawn-augc.js';

const LONG = 120_000;
const fresh = (): string => mkdtempSync(join(tmpdir(), 'augc-init-'));

describe('augc init', () => {
  it(
    'writes a text pipeline over the example CSV that checks and runs',
    async () => {
      const dir = fresh();
      const file = join(dir, 'clinical.aug');
      const init = await runCli(['init', 'examples/data/clinical-sentences.csv', '-o', file]);
      expect(init.code, init.stderr).toBe(EXIT.ok);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('id = "sentence_id"');
      expect(text).toContain('text = ["sentence_text"]');
      expect(text).toContain('label = "status"');
      expect(text).toContain('keep = ["DSM5_symptom"]');
      expect(await runCli(['check', file])).toEqual({ code: EXIT.ok, stdout: '', stderr: '' });
      expect(await runCli(['fmt', '--check', file])).toMatchObject({ code: EXIT.ok });
      const run = await augc(['run', file, '--output', join(dir, 'out')]);
      expect(run.code, run.stderr).toBe(0);
      expect(existsSync(join(dir, 'out', 'manifest_final.csv'))).toBe(true);
    },
    LONG,
  );

  it('writes a tabular pipeline (numeric features) over the example cell lines', async () => {
    const file = join(fresh(), 'cells.aug');
    expect((await runCli(['init', 'examples/data/cell-lines.csv', '-o', file])).code).toBe(EXIT.ok);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('features = ["BRCA1", "TP53", "EGFR", "MYC"]');
    expect(text).toContain('label = "response"');
    expect(await runCli(['check', file])).toEqual({ code: EXIT.ok, stdout: '', stderr: '' });
  });

  it('reads JSONL and Parquet headers through the engine formats', async () => {
    const dir = fresh();
    const rows = [
      { uid: 'a', review: 'the screen broke after a week of use', sentiment: 'neg' },
      { uid: 'b', review: 'works as described and arrived early', sentiment: 'pos' },
    ];
    writeFileSync(join(dir, 'r.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const parquet = await createRowWriter(join(dir, 'r.parquet'), 'parquet', [
      'uid',
      'review',
      'sentiment',
    ]);
    for (const r of rows) await parquet.write(r);
    await parquet.commit();
    for (const data of ['r.jsonl', 'r.parquet']) {
      const file = join(dir, `${data}.aug`);
      expect((await runCli(['init', join(dir, data), '-o', file])).code, data).toBe(EXIT.ok);
      const text = readFileSync(file, 'utf8');
      expect(text, data).toContain(`input "${data}"`);
      expect(text, data).toContain('id = "uid"');
      expect(text, data).toContain('text = ["review"]');
      expect(text, data).toContain('label = "sentiment"');
      expect(await runCli(['check', file])).toEqual({ code: EXIT.ok, stdout: '', stderr: '' });
    }
  });

  it('refuses to overwrite a file unless --force', async () => {
    const file = join(fresh(), 'x.aug');
    writeFileSync(file, 'keep me');
    const refused = await runCli(['init', 'examples/data/cell-lines.csv', '-o', file]);
    expect(refused.code).toBe(EXIT.failure);
    expect(refused.stderr).toContain('error[AUG5007]');
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    const forced = await runCli(['init', 'examples/data/cell-lines.csv', '-o', file, '--force']);
    expect(forced.code).toBe(EXIT.ok);
    expect(readFileSync(file, 'utf8')).toContain('pipeline "cell-lines"');
  });

  it('exits 66 for missing data and 1 when no column can be augmented', async () => {
    expect((await runCli(['init', 'no/such.csv'])).code).toBe(EXIT.noInput);
    const dir = fresh();
    writeFileSync(join(dir, 'codes.csv'), 'id,code\n1,A\n2,B\n');
    const run = await runCli(['init', join(dir, 'codes.csv'), '-o', join(dir, 'c.aug')]);
    expect(run.code).toBe(EXIT.failure);
    expect(run.stderr).toContain('error[AUG5008]');
  });
});
