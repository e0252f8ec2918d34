import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILER_VERSION } from '../../compiler/version.js';
import { readRows } from '../../engine/formats/read-rows.js';
import { runTask } from '../../engine/run-task.js';
import { isTaskFailure } from '../../engine/task-failure.js';
import {
  allTasks,
  combo,
  listAll,
  makePlan,
  runTasks,
  sentenceCsv,
  stdlibMethod,
  taskOptions,
  workspace,
} from './task-fixture.js';

const typo = stdlibMethod('typo', 'keyboard_typo', { aug_char_p: 0.3, aug_word_p: 0.3 });
const swap = stdlibMethod('swap', 'random_word', { action: 'swap', aug_p: 0.3 });

async function partRows(root: string, path: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const row of readRows(join(root, path), 'jsonl')) rows.push(row);
  return rows;
}

describe('runTask', () => {
  it('writes identical parts whatever order the chunks run in', async () => {
    const spec = {
      methods: [typo, swap],
      combos: [combo('typo'), combo('typo', 'swap')],
      chunks: 3,
      rows: 12,
    };
    const planA = makePlan(spec);
    const planB = makePlan(spec);
    const a = await workspace(planA, sentenceCsv(12));
    const b = await workspace(planB, sentenceCsv(12));
    await runTasks(planA, a);
    await runTasks(planB, b, allTasks(planB).reverse());
    const records = allTasks(planA).map((t) => `_augc/tasks/${t.id}.json`);
    for (const path of records) {
      const ra = JSON.parse(await a.storage.readText(path));
      const rb = JSON.parse(await b.storage.readText(path));
      expect(rb.part.sha256).toBe(ra.part.sha256);
      expect(await b.storage.readText(rb.part.path)).toBe(await a.storage.readText(ra.part.path));
    }
  });

  it('gives each row the same variants whatever the chunking (text methods)', async () => {
    const rowsOf = async (chunks: number): Promise<unknown[]> => {
      const plan = makePlan({
        methods: [typo],
        combos: [combo('typo')],
        chunks,
        rows: 10,
        format: 'jsonl',
      });
      const ws = await workspace(plan, sentenceCsv(10));
      const records = await runTasks(plan, ws);
      const all: unknown[] = [];
      for (const r of records) all.push(...(await partRows(join(ws.dir, 'out'), r.part.path)));
      return all;
    };
    const one = await rowsOf(1);
    expect(one.length).toBeGreaterThan(0);
    expect(await rowsOf(4)).toEqual(one);
  });

  it('carries protected, keep and label columns unchanged and drops the rest', async () => {
    const plan = makePlan({
      methods: [typo],
      combos: [combo('typo')],
      rows: 8,
      format: 'jsonl',
      variants: 3,
    });
    const ws = await workspace(plan, sentenceCsv(8));
    const [record] = await runTasks(plan, ws);
    const input: Record<string, unknown>[] = [];
    for await (const row of readRows(join(ws.dir, 'input.csv'), 'csv')) input.push(row);
    const byId = new Map(input.map((r) => [r['sentence_id'], r]));
    const rows = await partRows(join(ws.dir, 'out'), record!.part.path);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual([
        'sentence_id',
        'augc_row',
        'sentence',
        'label',
        'symptom',
        'evidence',
        'augc_variant',
        'augc_combo',
        'augc_similarity',
      ]);
      const source = byId.get(row['sentence_id'])!;
      expect(input[Number(row['augc_row']) - 1]).toBe(source);
      expect(row['evidence']).toBe(source['evidence']);
      expect(row['symptom']).toBe(source['symptom']);
      expect(row['label']).toBe(source['label']);
      expect(row['sentence']).not.toBe(source['sentence']);
      expect(row['augc_combo']).toBe('combo_1_typo');
    }
  });

  it('puts `augc_row` first when no id is declared, tracing each variant to its input row', async () => {
    const plan = makePlan({
      methods: [typo],
      combos: [combo('typo')],
      rows: 6,
      chunks: 2,
      format: 'jsonl',
    });
    delete plan.input.id;
    const ws = await workspace(plan, sentenceCsv(6));
    const records = await runTasks(plan, ws);
    const input: Record<string, unknown>[] = [];
    for await (const row of readRows(join(ws.dir, 'input.csv'), 'csv')) input.push(row);
    const rows: Record<string, unknown>[] = [];
    for (const r of records) rows.push(...(await partRows(join(ws.dir, 'out'), r.part.path)));
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0]!)[0]).toBe('augc_row');
    expect(new Set(rows.map((r) => Number(r['augc_row'])))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    for (const row of rows) {
      expect(row['evidence']).toBe(input[Number(row['augc_row']) - 1]!['evidence']);
    }
  });

  it('passes protect_keywords to the methods', async () => {
    const words = ['slept', 'worthless', 'appetite', 'everyone', 'concentrate', 'morning'];
    const heavy = stdlibMethod('typo', 'keyboard_typo', {
      aug_char_p: 1,
      aug_word_p: 1,
      aug_word_max: 100,
    });
    const plan = makePlan({
      methods: [heavy],
      combos: [combo('typo')],
      rows: 6,
      format: 'jsonl',
      input: { protectKeywords: words },
    });
    const ws = await workspace(plan, sentenceCsv(6));
    const [record] = await runTasks(plan, ws);
    const rows = await partRows(join(ws.dir, 'out'), record!.part.path);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const text = String(row['sentence']);
      expect(words.some((w) => text.includes(w))).toBe(true);
    }
  });

  it('counts what the quality filter drops, by reason', async () => {
    const plan = makePlan({
      methods: [typo],
      combos: [combo('typo')],
      rows: 12,
      variants: 4,
      quality: { measure: 'chrf', min: 0.6, max: 0.97 },
      format: 'jsonl',
    });
    const ws = await workspace(plan, sentenceCsv(12));
    const [record] = await runTasks(plan, ws);
    const r = record!;
    expect(r.rows_in).toBe(12);
    expect(r.generated).toBe(48);
    const dropped = Object.values(r.dropped).reduce((a, b) => a + b, 0);
    expect(r.dropped['below_min']).toBeGreaterThan(0);
    expect(r.kept).toBeGreaterThan(0);
    expect(r.kept + dropped).toBe(r.generated);
    expect(r.rows_out).toBe(r.kept);
    const rows = await partRows(join(ws.dir, 'out'), r.part.path);
    expect(rows).toHaveLength(r.kept);
    for (const row of rows) {
      expect(row['augc_similarity']).toBeGreaterThanOrEqual(0.6);
      expect(row['augc_similarity']).toBeLessThanOrEqual(0.97);
    }
  });

  it('writes the record last, with the part hash, cache key and params', async () => {
    const plan = makePlan({ methods: [typo], combos: [combo('typo')], rows: 4 });
    const ws = await workspace(plan, sentenceCsv(4));
    const [record] = await runTasks(plan, ws);
    const r = record!;
    expect(r.part.sha256).toBe(await ws.storage.sha256(r.part.path));
    expect(r.input.sha256).toBe(ws.split.chunks[0]!.sha256);
    expect(r.params).toEqual([
      expect.objectContaining({ id: 'typo', method: 'keyboard_typo', params: typo.params }),
    ]);
    expect(JSON.parse(await ws.storage.readText(`_augc/tasks/${r.task}.json`))).toEqual(r);
    // What the run report sets against the group's request, and its similarity histogram.
    expect(r.cpu_seconds).toBeGreaterThan(0);
    expect(r.peak_rss_bytes).toBeGreaterThan(1 << 20);
    const binned = (r.similarity_histogram ?? []).reduce((a, b) => a + b, 0);
    expect(r.similarity_histogram).toHaveLength(20);
    expect(binned).toBe(r.generated - r.dropped['unchanged']! - r.dropped['duplicate']!);
    const manifestRow = await ws.storage.readText(`_augc/manifest/${r.task}.csv`);
    expect(manifestRow).toBe(
      `combo_id,methods,k,rows,variants,kept,dropped,path,sha256\r\n` +
        `combo_1_typo,typo,1,${r.rows_out},2,${r.kept},${r.generated - r.kept},${r.part.path},${r.part.sha256}\r\n`,
    );
  });

  it('records every field of the task context (issue 3 §3)', async () => {
    const plan = makePlan({ methods: [typo, swap], combos: [combo('typo', 'swap')], rows: 4 });
    const ws = await workspace(plan, sentenceCsv(4));
    const [r] = await runTasks(plan, ws);
    const task = allTasks(plan)[0]!;
    expect(r).toMatchObject({
      task: task.id,
      group: task.group,
      index: task.index,
      combo: task.combo.id,
      chunk: 0,
      attempt: 1,
      host: hostname(),
      pid: process.pid,
      rows_in: 4,
      generated: 8,
      augc_version: COMPILER_VERSION,
      seed: { plan: 42, task: expect.stringMatching(/^[0-9a-f]{16}$/) },
      input: { path: '_augc/chunks/chunk-00000.jsonl', sha256: ws.split.chunks[0]!.sha256 },
      part: {
        path: 'combo_2_typo+swap/part-00000.csv',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    expect(Date.parse(r!.start)).toBeLessThanOrEqual(Date.parse(r!.end));
    expect(new Date(r!.end).toISOString()).toBe(r!.end);
    expect(Object.keys(r!.dropped).sort()).toEqual([
      'above_max',
      'below_min',
      'duplicate',
      'unchanged',
    ]);
    const dropped = Object.values(r!.dropped).reduce((a, b) => a + b, 0);
    expect(r!.kept + dropped).toBe(r!.generated);
    expect(r!.rows_out).toBe(r!.kept);
    expect(r!.params.map((p) => [p.id, p.method, p.params])).toEqual([
      ['typo', 'keyboard_typo', typo.params],
      ['swap', 'random_word', swap.params],
    ]);
  });

  it('leaves no temp file and no record when aborted mid-chunk', async () => {
    const plan = makePlan({ methods: [typo], combos: [combo('typo')], rows: 600, variants: 1 });
    const ws = await workspace(plan, sentenceCsv(600));
    const [task] = allTasks(plan);
    const controller = new AbortController();
    const run = runTask({
      ...taskOptions(plan, ws, task!),
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 300) controller.abort();
      },
    });
    const error = await run.catch((e: unknown) => e);
    expect(isTaskFailure(error)).toBe(true);
    if (!isTaskFailure(error)) return;
    expect(error.attempt.state).toBe('interrupted');
    const files = await listAll(join(ws.dir, 'out'));
    expect(files.filter((f) => !f.startsWith('_augc/chunks/'))).toEqual([
      `_augc/attempts/${task!.id}.1.json`,
    ]);
  });

  it('synthesizes rows x variants rows for a tabular combo', async () => {
    const noise = stdlibMethod('noise', 'gaussian_noise', { sigma: 0.1 });
    const plan = makePlan({
      methods: [noise],
      combos: [combo('noise')],
      rows: 9,
      variants: 2,
      format: 'jsonl',
      input: { id: 'id', text: [], features: ['a', 'b'], label: 'label', keep: [], protect: ['c'] },
    });
    const csv = [
      'id,a,b,c,label',
      ...Array.from({ length: 9 }, (_, i) => `${i},${i * 1.5},${10 - i},${i % 3},${i % 2}`),
    ].join('\n');
    const ws = await workspace(plan, `${csv}\n`);
    const [record] = await runTasks(plan, ws);
    expect(record!.rows_in).toBe(9);
    expect(record!.rows_out).toBe(18);
    const rows = await partRows(join(ws.dir, 'out'), record!.part.path);
    expect(rows.map((r) => r['augc_variant'])).toEqual([...Array(9).fill(0), ...Array(9).fill(1)]);
    // gaussian_noise perturbs row t mod 9 for synthetic row t: each variant traces rows 1..9.
    const ordinals = Array.from({ length: 9 }, (_, i) => i + 1);
    expect(rows.map((r) => r['augc_row'])).toEqual([...ordinals, ...ordinals]);
    expect(rows.map((r) => r['id'])).toEqual(rows.map((r) => String(Number(r['augc_row']) - 1)));
    expect(rows.every((r) => typeof r['a'] === 'number')).toBe(true);
    // The features are carried and perturbed; the label and the protected column are copied.
    const source = (r: Record<string, unknown>) => Number(r['augc_row']) - 1;
    expect(rows.filter((r) => r['a'] !== source(r) * 1.5).length).toBeGreaterThan(9);
    expect(rows.filter((r) => r['b'] !== 10 - source(r)).length).toBeGreaterThan(9);
    expect(rows.map((r) => String(r['label']))).toEqual(rows.map((r) => String(source(r) % 2)));
    expect(rows.map((r) => String(r['c']))).toEqual(rows.map((r) => String(source(r) % 3)));
  });

  it('rejects a feature cell that is not a number, naming the row', async () => {
    const noise = stdlibMethod('noise', 'gaussian_noise');
    const plan = makePlan({
      methods: [noise],
      combos: [combo('noise')],
      rows: 2,
      input: { id: 'id', text: [], features: ['a'], label: 'label', keep: [], protect: [] },
    });
    await expect(workspace(plan, 'id,a,label\n0,1.5,x\n1,high,y\n')).rejects.toThrow(
      /feature column `a` holds "high", not a number/,
    );
  });

  it('fails a combo that mixes tabular and text methods, recording why', async () => {
    const noise = stdlibMethod('noise', 'gaussian_noise');
    const plan = makePlan({ methods: [typo, noise], combos: [combo('typo', 'noise')], rows: 2 });
    const ws = await workspace(plan, sentenceCsv(2));
    const [task] = allTasks(plan);
    await expect(runTask(taskOptions(plan, ws, task!))).rejects.toThrow(/mixes tabular methods/);
    const attempt = JSON.parse(
      await readFile(join(ws.dir, 'out', `_augc/attempts/${task!.id}.1.json`), 'utf8'),
    );
    expect(attempt).toMatchObject({ state: 'failed', error_class: 'error', attempt: 1 });
    expect(await ws.storage.exists(`_augc/tasks/${task!.id}.json`)).toBe(false);
  });

  it('writes a header-only part for an empty chunk', async () => {
    const plan = makePlan({ methods: [typo], combos: [combo('typo')], chunks: 3, rows: 2 });
    const ws = await workspace(plan, sentenceCsv(2));
    const records = await runTasks(plan, ws);
    expect(records.map((r) => r.rows_in)).toEqual([1, 1, 0]);
    expect(await ws.storage.readText(records[2]!.part.path)).toBe(
      'sentence_id,augc_row,sentence,label,symptom,evidence,augc_variant,augc_combo,augc_similarity\n',
    );
  });

  it('writes Parquet parts that read back, identically on a second run', async () => {
    const spec = { methods: [typo], combos: [combo('typo')], rows: 6, format: 'parquet' as const };
    const planA = makePlan(spec);
    const planB = makePlan(spec);
    const a = await workspace(planA, sentenceCsv(6));
    const b = await workspace(planB, sentenceCsv(6));
    const [ra] = await runTasks(planA, a);
    const [rb] = await runTasks(planB, b);
    expect(rb!.part.sha256).toBe(ra!.part.sha256);
    const rows: Record<string, unknown>[] = [];
    for await (const row of readRows(join(a.dir, 'out', ra!.part.path), 'parquet')) rows.push(row);
    expect(rows).toHaveLength(ra!.rows_out);
    expect(rows[0]).toMatchObject({ augc_combo: 'combo_1_typo', augc_variant: 0 });
  });
});
