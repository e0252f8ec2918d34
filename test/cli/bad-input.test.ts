/**
 * Bad input data through `augc run` end to end (issue 5 §2): under `on_bad_row = fail` (the
 * default) a clear error naming the file and row, exit 1 (or 66 for a file that cannot be read),
 * never a stack trace; under `skip` the run completes, the skipped rows are counted in the merge
 * totals and the merged context, and listed in `_augc/chunks/rejects.jsonl`. The readers' own
 * cases are in test/engine/formats/ and test/engine/split.test.ts.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { augc } from './spawn-augc.js';

interface Case {
  name: string;
  file: string;
  bytes: string | Buffer;
  /** Under `fail`: the message (after `error[AUG....]: `) must contain these. */
  fail: string[];
  /** Under `skip`: rows skipped, and the good rows that reach the output. */
  skipped: number;
  rowsOut: number;
}

const BAD: Case[] = [
  {
    name: 'unbalanced quotes',
    file: 'quotes.csv',
    bytes: 'id,text\n1,fine row\n2,"never closed\n',
    fail: ['quotes.csv:3: row 2: unterminated quoted field'],
    skipped: 1,
    rowsOut: 1,
  },
  {
    name: 'wrong column counts',
    file: 'columns.csv',
    bytes: 'id,text\n1,fine row\n2,one,too many\n3,x\n4\n',
    fail: ['columns.csv:3: row 2: expected 2 fields'],
    skipped: 2,
    rowsOut: 2,
  },
  {
    name: 'invalid UTF-8',
    file: 'latin1.csv',
    bytes: Buffer.concat([
      Buffer.from('id,text\n1,fine row\n2,caf'),
      Buffer.from([0xe9, 0xff]),
      Buffer.from(' au lait\n3,x\n'),
    ]),
    fail: ['latin1.csv:3: row 2: invalid UTF-8'],
    skipped: 1,
    rowsOut: 2,
  },
  {
    name: 'non-string values in text columns (JSONL)',
    file: 'typed.jsonl',
    bytes:
      '{"id":1,"text":"fine row"}\n{"id":2,"text":42}\n{"id":3,"text":{"a":1}}\n{"id":4,"text":true}\n',
    fail: ['typed.jsonl:2: row 2: text column `text` holds a number (42), not text'],
    skipped: 3,
    rowsOut: 1,
  },
  {
    name: 'a JSONL line that is not an object',
    file: 'broken.jsonl',
    bytes: '{"id":1,"text":"fine row"}\n{"id":2,"text":"cut\n[1,2]\n',
    fail: ['broken.jsonl:2: row 2'],
    skipped: 2,
    rowsOut: 1,
  },
];

function pipeline(file: string, policy: string, method = 'keyboard_typo(aug_char_p = 0.1)') {
  return `pipeline "bad" {
  input "${file}" { id = "id"  text = ["text"]${policy === '' ? '' : `  on_bad_row = ${policy}`} }
  method m = ${method}
  output "out" { format = jsonl }
}
`;
}

function workspace(file: string, bytes: string | Buffer, aug: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'augc-bad-'));
  writeFileSync(join(dir, file), bytes);
  writeFileSync(join(dir, 'p.aug'), aug);
  return dir;
}

async function runIn(dir: string) {
  return augc(['run', join(dir, 'p.aug'), '--output', join(dir, 'out')]);
}

function noStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toContain('AUG5099');
}

describe('bad input rows through augc run', () => {
  for (const c of BAD) {
    it(`${c.name}: fails by default naming the file and row`, async () => {
      const dir = workspace(c.file, c.bytes, pipeline(c.file, ''));
      const r = await runIn(dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('error[AUG5111]');
      for (const text of c.fail) expect(r.stderr).toContain(text);
      noStackTrace(r.stderr);
      expect(existsSync(join(dir, 'out', 'manifest_final.csv'))).toBe(false);
    });

    it(`${c.name}: under skip, completes and counts and lists the skipped rows`, async () => {
      const dir = workspace(c.file, c.bytes, pipeline(c.file, 'skip'));
      const r = await runIn(dir);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`note: ${c.skipped} bad input row(s) skipped`);
      expect(r.stdout).toContain(`rejected   ${c.skipped} bad input row(s) skipped`);
      const out = join(dir, 'out');
      const rejects = readFileSync(join(out, '_augc/chunks/rejects.jsonl'), 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as { row: number; message: string });
      expect(rejects).toHaveLength(c.skipped);
      for (const reject of rejects) expect(reject.row).toBeGreaterThan(0);
      const context = JSON.parse(readFileSync(join(out, '_augc/context.json'), 'utf8')) as {
        input_rejected: number;
        tasks: { rows_in: number }[];
      };
      expect(context.input_rejected).toBe(c.skipped);
      expect(context.tasks.reduce((n, t) => n + t.rows_in, 0)).toBe(c.rowsOut);
      const merged = await augc(['merge', out]);
      expect(merged.stdout).toContain(`rejected   ${c.skipped} bad input row(s) skipped`);
    });
  }
});

describe('whole-file problems through augc run', () => {
  it('an empty file: a clear error naming it (exit 1), no stack trace', async () => {
    const dir = workspace('empty.csv', '', pipeline('empty.csv', ''));
    const r = await runIn(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('empty.csv');
    expect(r.stderr).toMatch(/error\[AUG\d{4}\]/);
    noStackTrace(r.stderr);
  });

  it('a header-only file: runs to an empty output with a note', async () => {
    const dir = workspace('header.csv', 'id,text\n', pipeline('header.csv', ''));
    const r = await runIn(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('note: ');
    expect(r.stderr).toContain('header.csv has no data rows');
    expect(r.stdout).toMatch(/rows\s+0\n/);
  });

  it('a missing column: an error naming the column and the file', async () => {
    const dir = workspace('cols.csv', 'id,body\n1,hello\n', pipeline('cols.csv', 'skip'));
    const r = await runIn(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/column `text` is not in `[^`]*cols\.csv`/);
    noStackTrace(r.stderr);
  });

  it('a missing column in a plan run after the data changed: AUG5111 naming file and column', async () => {
    const dir = workspace('data.csv', 'id,text\n1,hello\n', pipeline('data.csv', ''));
    const plan = join(dir, 'plan.json');
    expect((await augc(['plan', join(dir, 'p.aug'), '-o', plan])).code).toBe(0);
    writeFileSync(join(dir, 'data.csv'), 'id,body\n1,hello\n');
    const r = await augc(['run', plan, '--output', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[AUG5111]');
    expect(r.stderr).toContain('data.csv');
    expect(r.stderr).toContain('missing column `text`');
    noStackTrace(r.stderr);
  });

  it('a missing file: exit 66 with its name', async () => {
    const dir = workspace('other.csv', 'id,text\n', pipeline('nowhere.csv', ''));
    const r = await runIn(dir);
    expect(r.code).toBe(66);
    expect(r.stderr).toContain('error[AUG5002]: file not found');
    expect(r.stderr).toContain('nowhere.csv');
    noStackTrace(r.stderr);
  });
});

describe('inputs that are odd but valid run end to end', () => {
  it('a BOM, mixed line endings and empty text cells: every row read, the BOM not in a name', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('id,text\r\n1,first row\n2,\r3,""\r\n4,fourth row\n'),
    ]);
    const dir = workspace('odd.csv', bytes, pipeline('odd.csv', ''));
    const r = await runIn(dir);
    expect(r.code, r.stderr).toBe(0);
    const context = JSON.parse(readFileSync(join(dir, 'out/_augc/context.json'), 'utf8')) as {
      input_rejected: number;
      tasks: { rows_in: number }[];
    };
    expect(context.tasks[0]!.rows_in).toBe(4);
    expect(context.input_rejected).toBe(0);
    const part = readFileSync(join(dir, 'out/combo_1_m/part-00000.jsonl'), 'utf8');
    expect(part).toContain('"id":"1"');
    expect(part).not.toContain('\ufeff');
  });

  it('a 10 MB single field is carried through a command method whole', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const sed =
      'command(["sh", "-c", "sed s/xxxxxxxxxx/xxxxxxxxxy/ \\"$AUGC_INPUT\\" > \\"$AUGC_OUTPUT\\""])';
    const aug = pipeline('big.csv', '', sed).replace(
      'output',
      'quality { min = 0  max = 1 }\n  output',
    );
    const dir = workspace('big.csv', `id,text\n1,${big}\n2,short row xxxxxxxxxx\n`, aug);
    const r = await runIn(dir);
    expect(r.code, r.stderr).toBe(0);
    const lines = readFileSync(join(dir, 'out/combo_1_m/part-00000.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    const texts = lines.map((l) => (JSON.parse(l) as { text: string }).text);
    expect(texts[0]).toHaveLength(big.length);
    expect(texts[0]!.startsWith('xxxxxxxxxy')).toBe(true);
    expect(texts[1]).toBe('short row xxxxxxxxxy');
  }, 120_000);
});
