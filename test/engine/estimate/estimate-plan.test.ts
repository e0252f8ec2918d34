/**
 * The estimate's arithmetic on a hand-made plan and speed table, every figure worked out by hand
 * in the comments. Two combos (typo; typo + swap) over 25 rows in 2 chunks (13 and 12 rows), 2
 * variants, chrf: one group of 4 tasks, 1 CPU, 2 GiB.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../compiler/plan/types.js';
import { chunkRows, estimatePlan } from '../../../engine/estimate/estimate-plan.js';
import { combo, commandMethod, makePlan, stdlibMethod } from '../task-fixture.js';
import { TABLE } from './speed-fixture.js';

function plan(extra: Partial<Plan> = {}): Plan {
  const p = makePlan({
    methods: [stdlibMethod('typo', 'keyboard_typo'), stdlibMethod('swap', 'random_word')],
    combos: [combo('typo'), combo('typo', 'swap')],
    chunks: 2,
    rows: 25,
    input: { rows: 25 },
    quality: { measure: 'chrf', min: 0.5, max: 0.9 },
  });
  return { ...p, ...extra };
}

const slurm = (options = {}) => ({ name: 'slurm', options });
const near = (a: number | undefined, b: number): void => expect(a).toBeCloseTo(b, 9);

describe('estimatePlan', () => {
  it('sizes chunks from the rows the plan knew', () => {
    expect([chunkRows(plan(), 0), chunkRows(plan(), 1)]).toEqual([13, 12]);
  });

  it('adds the task and worker start, each method load, and variant-rows x speed (batch target)', () => {
    const e = estimatePlan({
      plan: plan(),
      table: TABLE,
      history: new Map(),
      target: slurm({ price_vcpu_hour: 0.05, price_gib_hour: 0.01 }),
    });
    // fixed 0.5 + 2 + load 1 = 3.5; typo: 0.01 + chrf 0.001 = 0.011/variant-row; + swap 0.013.
    // typo: 3.5 + 26 x 0.011 = 3.786, 3.5 + 24 x 0.011 = 3.764;
    // typo+swap: 3.5 + 26 x 0.013 = 3.838, 3.5 + 24 x 0.013 = 3.812. Sum 15.2 s.
    const [g] = e.groups;
    expect(g?.tasks).toBe(4);
    near(g?.meanSeconds, 3.8);
    near(g?.maxSeconds, 3.838);
    near(g?.hours?.coreHours, 15.2 / 3600);
    near(g?.hours?.gibHours, (15.2 * 2) / 3600);
    near(g?.hours?.gpuHours, 0);
    // 0.05 per core-hour and 0.01 per GiB-hour.
    near(g?.hours?.cost, (15.2 / 3600) * 0.05 + ((15.2 * 2) / 3600) * 0.01);
    near(e.total.hours?.cost, g?.hours?.cost ?? NaN);
    expect(e.total).toMatchObject({ tasks: 4, complete: true });
    expect(e.prices).toEqual({ price_vcpu_hour: 0.05, price_gib_hour: 0.01 });
    expect(e.diagnostics).toEqual([]);
  });

  it("spreads a method's load over the local pool's workers and starts no worker per task", () => {
    const e = estimatePlan({
      plan: plan(),
      table: TABLE,
      history: new Map(),
      target: { name: 'local', options: {} },
      workers: 2,
    });
    // typo runs in 4 tasks; 2 workers load it once each: 2 x 1 s / 4 = 0.5 s per task.
    // typo: 1.0 + 0.286, 1.0 + 0.264; typo+swap: 1.0 + 0.338, 1.0 + 0.312. Sum 5.2 s.
    near(e.groups[0]?.meanSeconds, 1.3);
    near(e.groups[0]?.hours?.coreHours, 5.2 / 3600);
    expect(e.groups[0]?.hours?.cost).toBeUndefined();
  });

  it('prefers speeds measured in earlier runs, and adds the load the table knows', () => {
    const e = estimatePlan({
      plan: plan(),
      table: TABLE,
      history: new Map([['stdlib:keyboard_typo', { secondsPerVariant: 0.02, tasks: 3 }]]),
      target: slurm(),
    });
    expect(e.methods.map((m) => [m.id, m.source, m.secondsPerVariant, m.tasks])).toEqual([
      ['typo', 'history', 0.02, 3],
      ['swap', 'built-in', 0.002, undefined],
    ]);
    // fixed 2.5 + load 1; typo 0.021 and typo+swap 0.023 per variant-row: 3.5 + 26 x 0.023.
    near(e.groups[0]?.maxSeconds, 4.098);
    // A load the history measured replaces the table's: 2.5 + 0.2 + 26 x 0.023.
    const measured = { secondsPerVariant: 0.02, tasks: 3, loadSeconds: 0.2 };
    const again = estimatePlan({
      plan: plan(),
      table: TABLE,
      history: new Map([['stdlib:keyboard_typo', measured]]),
      target: slurm(),
    });
    near(again.groups[0]?.maxSeconds, 3.298);
  });

  it('warns when the longest task outlasts its walltime, and above the quotas', () => {
    const p = plan();
    const group = { ...p.groups[0]!, resources: { ...p.groups[0]!.resources, walltimeSeconds: 3 } };
    const e = estimatePlan({
      plan: { ...p, groups: [group] },
      table: TABLE,
      history: new Map(),
      target: slurm({ quota_tasks: 3, quota_core_hours: 0.001 }),
    });
    expect(e.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      [
        'AUG4030',
        'warning',
        `group \`${group.id}\`: its longest task is expected to take 3.8s, over its walltime of 3s`,
      ],
      [
        'AUG4031',
        'warning',
        "the run's arrays hold 4 tasks, over `quota_tasks = 3` of target `slurm`",
      ],
      [
        'AUG4031',
        'warning',
        'the run is expected to use 0.00422 core-hours, over `quota_core_hours = 0.001` of target `slurm`',
      ],
    ]);
  });

  it('leaves out the groups of a method nothing measured, and says so', () => {
    const p = plan({
      methods: [stdlibMethod('typo', 'keyboard_typo'), commandMethod('mine', ['python', 'x.py'])],
      combos: [combo('typo'), combo('mine')],
    });
    const e = estimatePlan({ plan: p, table: TABLE, history: new Map(), target: slurm() });
    expect(e.groups[0]).toMatchObject({ unknown: ['mine'] });
    expect(e.groups[0]?.meanSeconds).toBeUndefined();
    expect(e.total.complete).toBe(false);
    expect(e.diagnostics.map((d) => d.code)).toEqual(['AUG4032']);
    expect(e.diagnostics[0]?.message).toContain('method `mine` (command python)');
  });

  it('takes every chunk as full when the plan could not read the input', () => {
    const p = plan();
    const input = { ...p.input };
    delete input.rows;
    const e = estimatePlan({
      plan: { ...p, input },
      table: TABLE,
      history: new Map(),
      target: slurm(),
    });
    // 13 rows in both chunks: typo 3.786 twice, typo+swap 3.838 twice.
    near(e.groups[0]?.meanSeconds, (3.786 + 3.838) / 2);
    expect(e.notes).toEqual([
      'the input could not be read when the plan was made: every chunk is taken as full',
    ]);
  });
});
