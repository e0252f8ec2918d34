/**
 * A batch target's finalizer merges in its own job; `augc run --wait` then reports that merge
 * without merging again. The combos that kept too few variants (AUG5118) must be reported from
 * that summary the same way as from a merge done here, and fail the run under `--strict`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileStorage } from '../../../engine/storage/file-storage.js';
import type { LowYieldCombo } from '../../../engine/low-yield.js';
import { finishRun } from '../../../runtimes/run/finish-run.js';
import { collectEvents } from '../../../runtimes/run/run-outcome.js';
import type { MergeSummary, Runtime } from '../../../runtimes/runtime.js';
import { combo, makePlan, stdlibMethod } from '../../engine/task-fixture.js';

const plan = makePlan({
  methods: [stdlibMethod('typo', 'keyboard_typo')],
  combos: [combo('typo')],
  quality: { measure: 'chrf', min: 0, max: 0.95, minKept: 0.25 },
});

const few: LowYieldCombo = {
  combo: 'combo_1_typo',
  methods: ['typo'],
  generated: 40,
  kept: 3,
  reason: 'above_max',
  reasonCount: 37,
};

function merged(lowYield: LowYieldCombo[]): MergeSummary {
  const totals = {
    combos: 1,
    rows: 3,
    combosBySize: { '1': 1 },
    rowsPerCombo: { min: 3, max: 3, mean: 3 },
    generated: 40,
    kept: 3,
    dropped: { above_max: 37 },
    droppedTotal: 37,
    inputRejected: 0,
  };
  return { ok: true, written: true, tasks: 1, complete: 1, totals, lowYield };
}

const runtime = {
  name: 'slurm',
  capabilities: { detached: true, finalizesItself: true },
} as unknown as Runtime;

async function finish(lowYield: LowYieldCombo[], strict: boolean) {
  const events = collectEvents();
  const outcome = await finishRun(
    {
      plan,
      // The run's folder, where the finalizer would have written its report (here: none).
      storage: createFileStorage(mkdtempSync(join(tmpdir(), 'augc-finish-'))),
      runtime,
      allowPartial: false,
      strict,
      command: 'augc run x.aug',
    },
    { state: 'completed', completed: 1, merged: merged(lowYield) },
    events,
  );
  return { outcome, events };
}

describe('finishRun with a merge the finalizer did', () => {
  it('warns about each combo that kept fewer than quality.min_kept of its variants', async () => {
    const { outcome, events } = await finish([few], false);
    expect(outcome.status).toBe('ok');
    expect(events.diagnostics).toHaveLength(1);
    const [d] = events.diagnostics;
    expect(d).toMatchObject({ code: 'AUG5118', severity: 'warning' });
    expect(d?.message).toBe(
      'combo `combo_1_typo` kept fewer than 25% of its variants after the quality filter',
    );
    expect(d?.notes).toEqual([
      '`combo_1_typo` (typo): kept 3 of 40 variant(s) (7.5%); 37 dropped as above_max: more similar to the original than `quality.max` (0.95)',
    ]);
  });

  it('fails under --strict, and says nothing when every combo kept enough', async () => {
    const strict = await finish([few], true);
    expect(strict.outcome.status).toBe('failed');
    expect(strict.events.diagnostics[0]).toMatchObject({ code: 'AUG5118', severity: 'error' });
    const fine = await finish([], true);
    expect(fine.outcome.status).toBe('ok');
    expect(fine.events.diagnostics).toEqual([]);
  });
});
