/**
 * The `command` example end to end: a Python script in files mode and a shell filter in stdio
 * mode, run from the repository and from another directory (their paths are relative to the
 * pipeline file, so both runs find them and write the same bytes).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../../engine/formats/read-rows.js';
import type { TableRow } from '../../stdlib/method.js';
import { augc } from '../cli/spawn-augc.js';

const LONG = 120_000;
const base = mkdtempSync(join(tmpdir(), 'augc-own-command-'));
const out = join(base, 'out');
const elsewhere = join(base, 'elsewhere');

function sources(): Map<string, string> {
  const lines = readFileSync('examples/data/clinical-sentences.csv', 'utf8').trim().split('\n');
  return new Map(lines.slice(1).map((l) => [l.slice(0, 4), l.slice(6, l.indexOf('",'))]));
}

async function rowsOf(root: string, combo: string): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for (const part of readdirSync(join(root, combo))
    .filter((f) => f.endsWith('.csv'))
    .sort())
    for await (const row of readRows(join(root, combo, part), 'csv')) rows.push(row);
  return rows;
}

const words = (text: string): string => text.split(' ').sort().join(' ');

describe('examples/own-command.aug', () => {
  beforeAll(async () => {
    const run = await augc(['run', 'examples/own-command.aug', '--output', out]);
    expect(run.code, run.stderr).toBe(0);
    // The same pipeline run from another directory, naming the file by its absolute path.
    const args = [resolve('bin/augc.js'), 'run', resolve('examples/own-command.aug')];
    await promisify(execFile)(process.execPath, [...args, '--output', elsewhere], {
      cwd: base,
      env: { ...process.env, NO_COLOR: '1' },
    });
  }, LONG);

  it('swaps adjacent words with the seed it is given (files mode)', async () => {
    const source = sources();
    const rows = await rowsOf(out, 'combo_1_swap');
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      const text = String(row['sentence_text']);
      expect(words(text)).toBe(words(source.get(String(row['sentence_id']))!));
    }
    expect(rows.filter((r) => r['sentence_text'] !== source.get(String(r['sentence_id'])))).toEqual(
      rows,
    );
  });

  it('upper-cases the column through stdin and stdout (io = stdio), after the swap in a pair', async () => {
    const source = sources();
    const shout = await rowsOf(out, 'combo_1_shout');
    expect(shout).toHaveLength(60);
    for (const row of shout)
      expect(row['sentence_text']).toBe(source.get(String(row['sentence_id']))!.toUpperCase());
    for (const row of await rowsOf(out, 'combo_2_swap+shout')) {
      const text = String(row['sentence_text']);
      expect(text).toBe(text.toUpperCase());
      expect(words(text)).toBe(words(source.get(String(row['sentence_id']))!.toUpperCase()));
    }
  });

  it('finds its programs from any directory and writes the same rows', async () => {
    for (const combo of ['combo_1_swap', 'combo_1_shout', 'combo_2_swap+shout']) {
      for (const part of ['part-00000.csv', 'part-00001.csv'])
        expect(readFileSync(join(elsewhere, combo, part), 'utf8'), `${combo}/${part}`).toBe(
          readFileSync(join(out, combo, part), 'utf8'),
        );
    }
    expect(readFileSync(join(elsewhere, 'manifest_final.csv'), 'utf8')).toBe(
      readFileSync(join(out, 'manifest_final.csv'), 'utf8'),
    );
  });
});
