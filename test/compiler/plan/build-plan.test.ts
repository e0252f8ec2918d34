import { describe, expect, it } from 'vitest';
import { canonicalJson, planHashOf, sha256Hex } from '../../../compiler/plan/canonical-json.js';
import { buildPlan } from '../../../compiler/plan/build-plan.js';
import { partPathOf, taskIdOf } from '../../../compiler/plan/task-at.js';
import {
  GiB,
  combos,
  command,
  cpuMethods,
  loc,
  lower,
  param,
  pipeline,
  span,
  stdlib,
} from './ast-builder.js';
import { makePlan, tryPlan } from './plan-helpers.js';

const rowsChunk = { chunk: { kind: 'rows' as const, rows: loc(50_000), span } };

describe('buildPlan chunks', () => {
  it('refuses rows chunking when the input could not be read', () => {
    const r = tryPlan(pipeline({ methods: cpuMethods(1), ...rowsChunk }));
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'AUG3501', severity: 'error' });
    expect(r.diagnostics[0]!.help).toContain('chunk { count = N }');
  });

  it('computes the chunk count from the row count', () => {
    const plan = makePlan(pipeline({ methods: cpuMethods(2), ...rowsChunk }), {
      input: { rows: 120_001, sha256: 'a'.repeat(64) },
    });
    expect(plan.chunks).toEqual({ mode: 'rows', count: 3, rowsPerChunk: 50_000 });
    expect(plan.input).toMatchObject({ rows: 120_001, sha256: 'a'.repeat(64) });
    expect(plan.taskCount).toBe(6);
  });

  it('uses the count as given, with rows per chunk when the rows are known', () => {
    const ast = pipeline({ methods: cpuMethods(1), chunk: { kind: 'count', count: loc(4), span } });
    expect(makePlan(ast).chunks).toEqual({ mode: 'count', count: 4 });
    expect(makePlan(ast, { input: { rows: 10 } }).chunks).toEqual({
      mode: 'count',
      count: 4,
      rowsPerChunk: 3,
    });
  });
});

describe('buildPlan resource classes and groups', () => {
  const mixed = pipeline({
    methods: [
      stdlib('syn', 'wordnet_synonym'),
      stdlib('typo', 'keyboard_typo'),
      command('mlm', ['python', 'mlm.py'], {
        gpus: 1,
        gpuType: 'a100',
        cpus: 4,
        memoryBytes: 16 * GiB,
        walltimeSeconds: 7200,
      }),
    ],
    combos: combos({ up_to: 2 }),
    chunk: { kind: 'count', count: loc(3), span },
  });

  it('puts combos with the same resources in one class and GPU combos apart', () => {
    const plan = makePlan(mixed);
    expect(plan.groups.map((g) => g.id)).toEqual(['cpu-1c-2g-1h', 'gpu1-a100-4c-16g-2h']);
    const [cpu, gpu] = plan.groups;
    expect(cpu!.classCombos.map((i) => plan.combos[i]!.id)).toEqual([
      'combo_1_syn',
      'combo_1_typo',
      'combo_2_syn+typo',
    ]);
    expect(gpu!.classCombos.map((i) => plan.combos[i]!.id)).toEqual([
      'combo_1_mlm',
      'combo_2_syn+mlm',
      'combo_2_typo+mlm',
    ]);
    expect(gpu!.resources).toMatchObject({ gpus: 1, gpuType: 'a100', cpus: 4 });
    expect([cpu!.size, gpu!.size, plan.taskCount]).toEqual([9, 9, 18]);
  });

  it('splits a class longer than the array limit with re-based starts', () => {
    const plan = makePlan(mixed, { arrayLimit: 4 });
    expect(plan.groups.map((g) => [g.id, g.start, g.size, g.classCombos.length])).toEqual([
      ['cpu-1c-2g-1h-p1', 0, 4, 2],
      ['cpu-1c-2g-1h-p2', 1, 4, 2],
      ['cpu-1c-2g-1h-p3', 2, 1, 1],
      ['gpu1-a100-4c-16g-2h-p1', 0, 4, 2],
      ['gpu1-a100-4c-16g-2h-p2', 1, 4, 2],
      ['gpu1-a100-4c-16g-2h-p3', 2, 1, 1],
    ]);
    expect(plan.taskCount).toBe(18);
  });

  it("takes the array limit from the selected target's max_array_size", () => {
    const ast = pipeline({
      ...mixed,
      targets: [
        { name: loc('slurm'), options: [{ name: loc('max_array_size'), value: param(5) }], span },
      ],
    });
    expect(makePlan(ast, { target: 'slurm' }).groups.map((g) => g.size)).toEqual([5, 4, 5, 4]);
    expect(makePlan(ast).groups.map((g) => g.size)).toEqual([9, 9]);
  });

  it('refuses a plan over the task budget, stating both numbers', () => {
    const r = tryPlan(
      pipeline({
        methods: cpuMethods(10),
        maxTasks: loc(100),
        chunk: { kind: 'count', count: loc(11), span },
      }),
    );
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0]!.code).toBe('AUG3502');
    expect(r.diagnostics[0]!.message).toBe('the plan has 110 tasks, over the budget of 100');
    expect(r.diagnostics[0]!.notes).toEqual(['10 combos x 11 chunks = 110 tasks']);
  });
});

describe('buildPlan artifact', () => {
  const ast = pipeline({ methods: cpuMethods(3), combos: combos({ up_to: 2 }) });

  it('fills the layout templates', () => {
    const plan = makePlan(ast);
    expect(plan.layout).toEqual({
      part: '{combo}/part-{chunk}.{ext}',
      context: '_augc/tasks/{task}.json',
      manifestRow: '_augc/manifest/{task}.csv',
      meta: '{combo}/meta.json',
      manifest: 'manifest_final.csv',
    });
    expect(taskIdOf('combo_2_m0+m1', 3)).toBe('combo_2_m0+m1.c00003');
    expect(partPathOf(plan, 'combo_2_m0+m1', 12)).toBe('combo_2_m0+m1/part-00012.parquet');
  });

  it('is deterministic and hashed over its canonical JSON', () => {
    const a = makePlan(ast, { profile: 'hpc', target: 'local' });
    const b = makePlan(ast, { profile: 'hpc', target: 'local' });
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(a.planHash).toMatch(/^[0-9a-f]{64}$/);
    const rest: Partial<typeof a> = { ...a };
    delete rest.planHash;
    expect(a.planHash).toBe(sha256Hex(canonicalJson(rest)));
    expect(planHashOf(a)).toBe(a.planHash);
    expect(a).toMatchObject({ profile: 'hpc', target: 'local', formatVersion: 1 });
    expect(makePlan({ ...ast, seed: loc(1) }).planHash).not.toBe(a.planHash);
  });

  it('hashes the sources with their paths', () => {
    const base = makePlan(ast).sourceHash;
    const renamed = makePlan(ast, { sources: [{ file: 'other.aug', text: ast.sources[0]!.text }] });
    const moved = makePlan(ast, {
      sources: [
        { file: 'main.aug', text: 'ab' },
        { file: 'x.aug', text: 'c' },
      ],
    });
    const movedBack = makePlan(ast, {
      sources: [
        { file: 'main.aug', text: 'a' },
        { file: 'x.aug', text: 'bc' },
      ],
    });
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(renamed.sourceHash).not.toBe(base);
    expect(moved.sourceHash).not.toBe(movedBack.sourceHash);
  });

  it('reports a plan that fails its own schema as a compiler bug (AUG3003)', () => {
    const ir = lower(ast);
    const r = buildPlan(
      { ...ir, seed: 1.5 },
      { sources: [], sourceFile: 'main.aug', compilerVersion: '0.1.0' },
    );
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['AUG3003']);
    expect(r.diagnostics[0]!.notes!.join('\n')).toContain('/seed');
  });

  it('holds no absolute path and does not grow with the input rows', () => {
    const small = makePlan({ ...ast, ...rowsChunk }, { input: { rows: 100_000 } });
    const large = makePlan({ ...ast, ...rowsChunk }, { input: { rows: 100_000_000 } });
    expect(JSON.stringify(small)).not.toMatch(/"\/(?!models)/);
    expect(large.taskCount).toBe(small.taskCount * 1000);
    expect(JSON.stringify(large).length - JSON.stringify(small).length).toBeLessThan(32);
  });
});
