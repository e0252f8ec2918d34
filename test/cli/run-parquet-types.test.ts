/**
 * A Parquet input's own column types survive a run to a Parquet output: the chunk files in
 * between are JSONL, where an INT64 and a DOUBLE are both a JSON number. Parts are read back with
 * a footer parser that shares no code with hyparquet (physical types) and with hyparquet (values,
 * INT64 as bigint). pandas cannot be the reader here: Debian ships python3-pandas but neither
 * pyarrow nor fastparquet, its Parquet engines.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { parquetWriteBuffer, type BasicType } from 'hyparquet-writer';
import type { TableRow } from '../../stdlib/method.js';
import { parquetPhysicalTypes } from '../engine/formats/parquet-footer.js';
import { augc } from './spawn-augc.js';

const LONG = 120_000;
/** Above 2^53: an INT64 that a DOUBLE cannot hold. */
const BIG_ID = '9007199254740993';

/** The input's columns, written by hyparquet-writer itself (not by augc's writer). */
const TYPES: Record<string, BasicType> = {
  id: 'INT64',
  text: 'STRING',
  age: 'INT64',
  n32: 'INT32',
  f: 'FLOAT',
  score: 'DOUBLE',
  flag: 'BOOLEAN',
  grade: 'INT64',
};

function inputBytes(): Uint8Array {
  const data = rows();
  const columnData = Object.entries(TYPES).map(([name, type]) => ({
    name,
    type,
    data: data.map((r) => (type === 'INT64' ? BigInt(r[name] as string | number) : r[name])),
  }));
  return new Uint8Array(parquetWriteBuffer({ columnData: columnData as never }));
}

const SENTENCES = [
  'the weather is lovely this morning',
  'I would like another cup of coffee',
  'she walked to the station in the rain',
  'we are planning a trip to the mountains',
  'he reads a newspaper every evening',
  'the children played in the garden all day',
];

function rows(): TableRow[] {
  return SENTENCES.map((text, i) => ({
    id: i === 0 ? BIG_ID : i + 1,
    text,
    age: 30 + i,
    n32: 5 - 2 * i,
    f: 0.5 + i,
    score: i / 3,
    flag: i % 2 === 0,
    grade: i % 2,
  }));
}

const TEXT = `pipeline "typed" {
  input "data.parquet" { id = "id"  text = ["text"]  keep = ["age", "n32", "f", "score", "flag"] }
  method typo = keyboard_typo(aug_char_p = 0.1)
  output "out-text" { format = parquet }
}
`;

const TABULAR = `pipeline "typed-tab" {
  input "data.parquet" { id = "id"  features = ["age", "score"]  label = "grade"  keep = ["n32", "flag"] }
  method noise = gaussian_noise()
  output "out-tab" { format = parquet }
}
`;

async function partOf(root: string, combo: string) {
  const path = join(
    root,
    combo,
    readdirSync(join(root, combo)).find((f) => f.endsWith('.parquet'))!,
  );
  const values = await parquetReadObjects({ file: await asyncBufferFromFile(path) });
  return { types: parquetPhysicalTypes(path), values };
}

describe('a Parquet input run to a Parquet output', () => {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'augc-ptypes-'));
    writeFileSync(join(dir, 'data.parquet'), inputBytes());
    writeFileSync(join(dir, 'text.aug'), TEXT);
    writeFileSync(join(dir, 'tab.aug'), TABULAR);
    for (const [aug, out] of [
      ['text.aug', 'out-text'],
      ['tab.aug', 'out-tab'],
    ] as const) {
      const r = await augc(['run', join(dir, aug), '--output', join(dir, out)]);
      expect(r.code, r.stderr).toBe(0);
    }
  }, LONG);

  it('reads the input as written: INT64, INT32, FLOAT, DOUBLE, BOOLEAN, strings', () => {
    expect(parquetPhysicalTypes(join(dir, 'data.parquet'))).toEqual({
      id: 'INT64',
      text: 'BYTE_ARRAY',
      age: 'INT64',
      n32: 'INT32',
      f: 'FLOAT',
      score: 'DOUBLE',
      flag: 'BOOLEAN',
      grade: 'INT64',
    });
  });

  it('keeps every input column type in a text combo, and INT64 values exactly', async () => {
    const { types, values } = await partOf(join(dir, 'out-text'), 'combo_1_typo');
    expect(types).toEqual({
      id: 'INT64',
      augc_row: 'INT64',
      text: 'BYTE_ARRAY',
      age: 'INT64',
      n32: 'INT32',
      f: 'FLOAT',
      score: 'DOUBLE',
      flag: 'BOOLEAN',
      augc_variant: 'INT64',
      augc_combo: 'BYTE_ARRAY',
      augc_similarity: 'DOUBLE',
    });
    const byRow = new Map(values.map((v) => [Number(v['augc_row']), v]));
    const source = rows();
    for (const [row, v] of byRow) {
      const s = source[row - 1]!;
      expect(v['id']).toBe(BigInt(s['id'] as string | number));
      expect([v['age'], v['n32'], v['f'], v['score'], v['flag']]).toEqual([
        BigInt(s['age'] as number),
        s['n32'],
        s['f'],
        s['score'],
        s['flag'],
      ]);
    }
    expect(byRow.get(1)?.['id']).toBe(BigInt(BIG_ID));
  });

  it('writes a tabular combo\u2019s computed INT64 features as DOUBLE, the rest as typed', async () => {
    const { types, values } = await partOf(join(dir, 'out-tab'), 'combo_1_noise');
    expect(types).toMatchObject({
      id: 'INT64',
      age: 'DOUBLE',
      score: 'DOUBLE',
      grade: 'INT64',
      n32: 'INT32',
      flag: 'BOOLEAN',
    });
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(typeof v['grade']).toBe('bigint');
  });
});
