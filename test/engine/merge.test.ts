import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRows } from '../../engine/formats/read-rows.js';
import { mergeRun } from '../../engine/merge.js';
import { runTask } from '../../engine/run-task.js';
import { readTaskState } from '../../engine/task-state.js';
import type { TaskRecord } from '../../engine/task-record.js';
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
  type PlanSpec,
} from './task-fixture.js';

const typo = stdlibMethod('typo', 'keyboard_typo');
const swap = stdlibMethod('swap', 'random_word', { action: 'swap' });
const SPEC: PlanSpec = {
  methods: [typo, swap],
  combos: [combo('typo'), combo('swap'), combo('typo', 'swap')],
  chunks: 3,
  rows: 10,
  quality: { measure: 'chrf', min: 0.5, max: 0.98 },
};

async function finalFiles(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await listAll(root)) {
    if (
      f === 'manifest_final.csv' ||
      f === 'manifest_final.parquet' ||
      f.endsWith('meta.json') ||
      /part-\d+/.test(f)
    ) {
      out[f] = createHash('sha256')
        .update(await readFile(join(root, f)))
        .digest('hex');
    }
  }
  return out;
}

describe('mergeRun', () => {
  it('writes meta.json, manifest_final (csv and parquet) and the merged context', async () => {
    const plan = makePlan(SPEC);
    const ws = await workspace(plan, sentenceCsv(10));
    const records = await runTasks(plan, ws);
    const result = await mergeRun({ storage: ws.storage, plan });
    expect(result).toMatchObject({ ok: true, written: true, tasks: 9, complete: 9, problems: [] });
    const csv = await ws.storage.readText('manifest_final.csv');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('combo_id,methods,k,rows,variants,kept,dropped,path,sha256');
    expect(lines.slice(1, 4).map((l) => l.split(',')[0])).toEqual([
      'combo_1_typo',
      'combo_1_swap',
      'combo_2_typo+swap',
    ]);
    const mine = records
      .filter((r) => r.combo === 'combo_2_typo+swap')
      .sort((a, b) => a.chunk - b.chunk);
    const rows = mine.reduce((n, r) => n + r.rows_out, 0);
    const dropped = mine.reduce((n, r) => n + r.generated - r.kept, 0);
    const sha = createHash('sha256')
      .update(mine.map((r) => `${r.part.sha256}\n`).join(''))
      .digest('hex');
    expect(lines[3]).toBe(
      `combo_2_typo+swap,typo+swap,2,${rows},2,${rows},${dropped},combo_2_typo+swap,${sha}`,
    );
    const parquet: Record<string, unknown>[] = [];
    for await (const row of readRows(join(ws.dir, 'out', 'manifest_final.parquet'), 'parquet'))
      parquet.push(row);
    expect(parquet.map((r) => r['sha256'])).toEqual(result.manifest.map((r) => r.sha256));
    expect(Object.keys(parquet[0]!)).toEqual(lines[0]!.split(','));
    expect(parquet[2]!['combo_id']).toBe('combo_2_typo+swap');
    const meta = JSON.parse(await ws.storage.readText('combo_2_typo+swap/meta.json'));
    expect(meta).toMatchObject({
      combo_id: 'combo_2_typo+swap',
      k: 2,
      rows,
      sha256: sha,
      complete: true,
    });
    expect(meta.parts.map((p: { chunk: number }) => p.chunk)).toEqual([0, 1, 2]);
    const context = JSON.parse(await ws.storage.readText('_augc/context.json'));
    const ids = context.tasks.map((t: TaskRecord) => t.task);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toHaveLength(9);
    expect(result.totals).toMatchObject({ combos: 3, combosBySize: { '1': 2, '2': 1 } });
    expect(result.totals.rows).toBe(result.manifest.reduce((n, r) => n + Number(r.rows), 0));
  });

  it('gives byte-identical outputs for another order and for an interrupted, resumed run', async () => {
    const planA = makePlan(SPEC);
    const a = await workspace(planA, sentenceCsv(10));
    await runTasks(planA, a);
    await mergeRun({ storage: a.storage, plan: planA });

    const planB = makePlan(SPEC);
    const b = await workspace(planB, sentenceCsv(10));
    const tasks = allTasks(planB).reverse();
    await runTasks(planB, b, tasks.slice(0, 4));
    const controller = new AbortController();
    const interrupted = runTask({
      ...taskOptions(planB, b, tasks[4]!),
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(interrupted).rejects.toThrow(/interrupted/);
    expect(await b.storage.list(tasks[4]!.combo.id)).not.toContain(
      `${tasks[4]!.combo.id}/part-0000${tasks[4]!.chunk}.csv`,
    );
    expect((await mergeRun({ storage: b.storage, plan: planB })).ok).toBe(false);
    for (const task of tasks) {
      const state = await readTaskState(b.storage, planB, task);
      if (state.state !== 'complete') await runTask({ ...taskOptions(planB, b, task), attempt: 2 });
    }
    expect((await mergeRun({ storage: b.storage, plan: planB })).ok).toBe(true);

    const filesA = await finalFiles(join(a.dir, 'out'));
    expect(Object.keys(filesA)).toContain('manifest_final.parquet');
    expect(Object.keys(filesA)).toHaveLength(3 + 3 * 3 + 2);
    expect(await finalFiles(join(b.dir, 'out'))).toEqual(filesA);
  });

  it('names missing, failed and corrupt tasks and writes nothing final', async () => {
    const plan = makePlan(SPEC);
    const ws = await workspace(plan, sentenceCsv(10));
    const tasks = allTasks(plan);
    await runTasks(plan, ws, tasks.slice(0, 7));
    const broken = tasks[2]!;
    const part = join(ws.dir, 'out', `${broken.combo.id}/part-0000${broken.chunk}.csv`);
    const bytes = await readFile(part);
    bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 1;
    await writeFile(part, bytes);
    await ws.storage.writeAtomic(
      `_augc/attempts/${tasks[7]!.id}.1.json`,
      JSON.stringify({
        attempt: 1,
        state: 'failed',
        error_class: 'exit(1)',
        message: 'exited with code 1',
      }),
    );
    const result = await mergeRun({ storage: ws.storage, plan });
    expect(result.ok).toBe(false);
    expect(result.written).toBe(false);
    expect(result.problems.map((p) => [p.task, p.index, p.state])).toEqual([
      [broken.id, 2, 'corrupt'],
      [tasks[7]!.id, 7, 'failed'],
      [tasks[8]!.id, 8, 'missing'],
    ]);
    expect(result.problems[0]!.reason).toMatch(/sha256/);
    expect(await ws.storage.exists('manifest_final.csv')).toBe(false);
    expect(await ws.storage.exists('_augc/context.json')).toBe(false);

    const partial = await mergeRun({ storage: ws.storage, plan, allowPartial: true });
    expect(partial.written).toBe(true);
    expect(partial.manifest.map((r) => r.combo_id)).toEqual([
      'combo_1_typo',
      'combo_1_swap',
      'combo_2_typo+swap',
    ]);
    const meta = JSON.parse(await ws.storage.readText('combo_1_typo/meta.json'));
    expect(meta).toMatchObject({ complete: false, missing_chunks: [2] });
  });

  it('lists the combos that kept fewer than quality.minKept of their variants', async () => {
    const plan = makePlan(SPEC);
    const ws = await workspace(plan, sentenceCsv(10));
    const records = await runTasks(plan, ws);
    const withMinKept = (minKept: number) => ({
      ...plan,
      quality: { ...plan.quality, minKept },
    });
    // The threshold is not part of any cache key: the same records merge under each plan.
    const none = await mergeRun({ storage: ws.storage, plan: withMinKept(0) });
    expect(none.ok).toBe(true);
    expect(none.lowYield).toEqual([]);
    const all = await mergeRun({ storage: ws.storage, plan: withMinKept(1) });
    const expected = plan.combos
      .map((c) => {
        const mine = records.filter((r) => r.combo === c.id);
        const dropped: Record<string, number> = {};
        for (const r of mine)
          for (const [k, n] of Object.entries(r.dropped)) dropped[k] = (dropped[k] ?? 0) + n;
        const [reason, reasonCount] = Object.entries(dropped)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .reduce((best, e) => (e[1] > best[1] ? e : best), ['none', 0] as [string, number]);
        return {
          combo: c.id,
          methods: c.methods,
          generated: mine.reduce((n, r) => n + r.generated, 0),
          kept: mine.reduce((n, r) => n + r.kept, 0),
          reason,
          reasonCount,
        };
      })
      .filter((c) => c.kept < c.generated);
    expect(expected.length).toBeGreaterThan(0);
    expect(all.lowYield).toEqual(expected);
  });

  it('compares sizes only when hashes are not verified', async () => {
    const plan = makePlan({ ...SPEC, combos: [combo('typo')], chunks: 1 });
    const ws = await workspace(plan, sentenceCsv(4));
    const [record] = await runTasks(plan, ws);
    const path = join(ws.dir, 'out', record!.part.path);
    const bytes = await readFile(path);
    bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 1;
    await writeFile(path, bytes);
    expect((await mergeRun({ storage: ws.storage, plan, verifyHashes: false })).ok).toBe(true);
    expect((await mergeRun({ storage: ws.storage, plan })).problems[0]?.state).toBe('corrupt');
    await writeFile(path, bytes.subarray(1));
    expect(
      (await mergeRun({ storage: ws.storage, plan, verifyHashes: false })).problems[0]?.reason,
    ).toMatch(/bytes/);
  });
});
