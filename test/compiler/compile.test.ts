import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { checkFile, compileFile } from '../../compiler/compile.js';
import { probeInput } from '../../engine/probe-input.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'augc-compile-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const PIPELINE = `pipeline "p" {
  input "in.csv" { id = "id"  text = ["text"] }
  method typo = keyboard_typo()
  chunk { rows = 2 }
  output "out"
}
`;

describe('compileFile', () => {
  test('resolves the input against the .aug file and stores it relative to the working directory', async () => {
    const dir = project({ 'p.aug': PIPELINE, 'in.csv': 'id,text\n1,a b\n2,c d\n3,e f\n' });
    const result = await compileFile(join(dir, 'p.aug'), { probeInput, cwd: dir });
    expect(result.diagnostics).toEqual([]);
    expect(result.plan?.input).toMatchObject({ uri: 'in.csv', rows: 3 });
    expect(result.plan?.chunks).toMatchObject({ mode: 'rows', count: 2 });
  });

  test('a missing input is a warning for check, and rows-mode chunking then cannot be planned', async () => {
    const dir = project({ 'p.aug': PIPELINE });
    const checked = await checkFile(join(dir, 'p.aug'), { probeInput, cwd: dir });
    expect(checked.diagnostics.map((d) => [d.code, d.severity])).toEqual([['AUG2202', 'warning']]);
    const fromParent = await checkFile(join(dir, 'p.aug'), { probeInput, cwd: join(dir, '..') });
    expect(fromParent.diagnostics[0]!.message).toBe(
      'input `in.csv` does not exist, so its columns were not checked',
    );
    const planned = await compileFile(join(dir, 'p.aug'), { probeInput, cwd: dir });
    expect(planned.plan).toBeUndefined();
    expect(planned.diagnostics.map((d) => d.code)).toEqual(['AUG2202', 'AUG3501']);
  });

  test('an unreadable input is an error naming the file', async () => {
    const dir = project({ 'p.aug': PIPELINE, 'in.csv': '' });
    const result = await checkFile(join(dir, 'p.aug'), { probeInput, cwd: dir });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['AUG2201']);
    expect(result.diagnostics[0]!.message).toBe('cannot read input `in.csv`');
    expect(result.diagnostics[0]!.notes?.[0]).toMatch(/in\.csv.*empty/);
  });

  test('a gzipped input is probed like the plain file: its columns are checked, its rows counted', async () => {
    const gzPipeline = PIPELINE.replace('"in.csv"', '"in.csv.gz"');
    const dir = project({ 'p.aug': gzPipeline });
    writeFileSync(join(dir, 'in.csv.gz'), gzipSync('id,text\n1,a b\n2,c d\n3,e f\n'));
    const planned = await compileFile(join(dir, 'p.aug'), { probeInput, cwd: dir });
    expect(planned.diagnostics).toEqual([]);
    expect(planned.plan?.input).toMatchObject({ uri: 'in.csv.gz', format: 'csv', rows: 3 });
    writeFileSync(join(dir, 'in.csv.gz'), gzipSync('id,body\n1,a b\n'));
    const checked = await checkFile(join(dir, 'p.aug'), { probeInput, cwd: dir });
    expect(checked.diagnostics.map((d) => d.code)).toEqual(['AUG2115']);
  });
});
