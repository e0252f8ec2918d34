// A task record as a worker leaves it, for benches that build a finished run without running it
// (merge, vs-merge): real cache keys, so `augc merge` verifies them as it would a real run's.
import { createHash } from 'node:crypto';
import { cacheKeyOf } from '../../dist/engine/cache-key.js';

/** `counts` overrides the row figures (rows_in, generated, rows_out, kept, dropped). */
export function taskRecordOf(plan, task, part, counts = {}) {
  const chunkSha256 = createHash('sha256').update(task.id).digest('hex');
  return {
    record_version: 1,
    task: task.id,
    group: task.group,
    index: task.index,
    combo: task.combo.id,
    combo_index: task.comboIndex,
    methods: task.combo.methods,
    k: task.combo.k,
    chunk: task.chunk,
    attempt: 1,
    host: 'bench',
    pid: 1,
    worker: 'bench',
    start: '2026-01-01T00:00:00.000Z',
    end: '2026-01-01T00:00:01.000Z',
    rows_in: 1,
    generated: 1,
    rows_out: 1,
    kept: 1,
    dropped: { unchanged: 0, duplicate: 0, below_min: 0, above_max: 0 },
    ...counts,
    quality: plan.quality,
    params: [],
    seed: { plan: plan.seed, task: task.seed },
    variants: plan.variants,
    input: { path: `_augc/chunks/chunk-${task.chunk}.jsonl`, sha256: chunkSha256 },
    part,
    augc_version: plan.compilerVersion,
    plan_hash: plan.planHash,
    cache_key: cacheKeyOf({ plan, task, chunkSha256 }),
  };
}
