/**
 * What merge writes from the task records: `<combo>/meta.json`, `manifest_final.csv` and its
 * Parquet copy. Everything here is a function of the plan and the records' deterministic fields
 * (counts, hashes), never of hosts, times or execution order, so a run gives the same bytes
 * however it was scheduled, interrupted or resumed.
 */
import { createHash } from 'node:crypto';
import { partPathOf } from '../compiler/plan/task-at.js';
import type { Plan, PlanCombo } from '../compiler/plan/types.js';
import { csvText } from './csv-text.js';
import { mapLimit } from './map-limit.js';
import { createSinkRowWriter } from './formats/row-writer.js';
import type { Storage } from './storage/storage.js';
import {
  droppedTotal,
  MANIFEST_COLUMNS,
  type ManifestRow,
  type TaskRecord,
} from './task-record.js';

export interface ComboSummary {
  combo: PlanCombo;
  /** The combo's folder relative to the output root (`path` in manifest_final). */
  path: string;
  records: TaskRecord[];
  missingChunks: number[];
  rows: number;
  generated: number;
  kept: number;
  dropped: Record<string, number>;
  /** sha256 over the parts' hex sha256s, each followed by `\n`, in chunk order. */
  sha256: string;
}

function comboDirOf(plan: Plan, comboId: string): string {
  const part = partPathOf(plan, comboId, 0);
  const slash = part.lastIndexOf('/');
  return slash === -1 ? '.' : part.slice(0, slash);
}

function sumDropped(records: readonly TaskRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records)
    for (const [reason, n] of Object.entries(r.dropped)) out[reason] = (out[reason] ?? 0) + n;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** `records` are the complete tasks' records of this combo, in any order. */
export function summarizeCombo(plan: Plan, combo: PlanCombo, records: TaskRecord[]): ComboSummary {
  const sorted = [...records].sort((a, b) => a.chunk - b.chunk);
  const have = new Set(sorted.map((r) => r.chunk));
  const hash = createHash('sha256');
  for (const r of sorted) hash.update(`${r.part.sha256}\n`);
  return {
    combo,
    path: comboDirOf(plan, combo.id),
    records: sorted,
    missingChunks: Array.from({ length: plan.chunks.count }, (_, i) => i).filter(
      (i) => !have.has(i),
    ),
    rows: sorted.reduce((n, r) => n + r.rows_out, 0),
    generated: sorted.reduce((n, r) => n + r.generated, 0),
    kept: sorted.reduce((n, r) => n + r.kept, 0),
    dropped: sumDropped(sorted),
    sha256: hash.digest('hex'),
  };
}

export function manifestRowOf(plan: Plan, s: ComboSummary): ManifestRow {
  return {
    combo_id: s.combo.id,
    methods: s.combo.methods.join('+'),
    k: s.combo.k,
    rows: s.rows,
    variants: plan.variants,
    kept: s.kept,
    dropped: droppedTotal(s.dropped),
    path: s.path,
    sha256: s.sha256,
  };
}

function metaOf(plan: Plan, s: ComboSummary): unknown {
  return {
    combo_id: s.combo.id,
    methods: s.combo.methods,
    k: s.combo.k,
    variants: plan.variants,
    seed: plan.seed,
    augc_version: plan.compilerVersion,
    params: s.combo.methods.map((id) => {
      const m = plan.methods.find((pm) => pm.id === id);
      return {
        id,
        kind: m?.kind,
        method: m?.method ?? null,
        params: m?.params ?? {},
        argv: m?.argv ?? null,
      };
    }),
    quality: plan.quality,
    rows: s.rows,
    generated: s.generated,
    kept: s.kept,
    dropped: s.dropped,
    dropped_total: droppedTotal(s.dropped),
    format: plan.output.format,
    parts: s.records.map((r) => ({
      chunk: r.chunk,
      path: r.part.path,
      rows: r.rows_out,
      bytes: r.part.bytes,
      sha256: r.part.sha256,
    })),
    sha256: s.sha256,
    complete: s.missingChunks.length === 0,
    missing_chunks: s.missingChunks,
  };
}

export async function writeMetas(
  storage: Storage,
  plan: Plan,
  summaries: readonly ComboSummary[],
): Promise<void> {
  // In parallel: each atomic write waits for an fsync.
  await mapLimit(summaries, 16, (s) => {
    const path = plan.layout.meta.replaceAll('{combo}', s.combo.id);
    return storage.writeAtomic(path, `${JSON.stringify(metaOf(plan, s), null, 2)}\n`);
  });
}

const MANIFEST_TYPES = {
  combo_id: 'string',
  methods: 'string',
  k: 'integer',
  rows: 'integer',
  variants: 'integer',
  kept: 'integer',
  dropped: 'integer',
  path: 'string',
  sha256: 'string',
} as const;

/** The Parquet copy sits beside the CSV manifest, with the same name and a `.parquet` suffix. */
export function manifestParquetPathOf(plan: Plan): string {
  return plan.layout.manifest.replace(/(\.csv)?$/, '.parquet');
}

export async function writeManifests(
  storage: Storage,
  plan: Plan,
  rows: readonly ManifestRow[],
): Promise<void> {
  await storage.writeAtomic(plan.layout.manifest, csvText(MANIFEST_COLUMNS, rows));
  const path = manifestParquetPathOf(plan);
  const writer = createSinkRowWriter(
    await storage.createWriteStream(path),
    path,
    'parquet',
    MANIFEST_COLUMNS,
    {
      types: MANIFEST_TYPES,
    },
  );
  try {
    for (const row of rows) await writer.write(row);
    await writer.commit();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
