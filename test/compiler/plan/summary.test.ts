import { describe, expect, it } from 'vitest';
import { renderPlanSummary } from '../../../compiler/plan/summary.js';
import { GiB, combos, command, loc, pipeline, span, stdlib } from './ast-builder.js';
import { makePlan } from './plan-helpers.js';

const ast = pipeline({
  methods: [
    stdlib('syn', 'nlp_wordnet_syn'),
    stdlib('typo', 'keyboard_typo', { aug_char_p: 0.05 }),
    command('mlm', ['python', 'mlm.py'], { gpus: 1, memoryBytes: 16 * GiB }, 'img:1'),
  ],
  combos: combos({ up_to: 2 }, [['mlm', 'typo']]),
  chunk: { kind: 'rows', rows: loc(1000), span },
});

describe('renderPlanSummary', () => {
  const plan = makePlan(ast, { input: { rows: 2500 }, arrayLimit: 4, profile: 'hpc' });
  const text = renderPlanSummary(plan);

  it('shows the pipeline, methods with resolved params, combos, chunks and totals', () => {
    expect(text).toContain('pipeline   test-pipeline  (main.aug, profile hpc)');
    expect(text).toContain('input      data/in.csv  (csv, 2,500 rows)  text: text');
    expect(text).toContain('syn   wordnet_synonym(aug_max = null, aug_min = 1, aug_p = 0.1)');
    expect(text).toContain(
      'mlm   command python mlm.py  image img:1 (not run in a container)  [gpu, may change labels]',
    );
    const stdio = { ...plan, methods: plan.methods.map((m) => ({ ...m, io: 'stdio' as const })) };
    expect(renderPlanSummary(stdio)).toContain(
      'mlm   command python mlm.py  (stdin -> stdout)  image img:1',
    );
    expect(text).toContain('combos     5  (k=1: 3, k=2: 2)');
    expect(text).toContain(
      'combo_1_syn, combo_1_typo, combo_1_mlm, combo_2_syn+typo, combo_2_syn+mlm',
    );
    expect(text).toContain('chunks     3  (by rows, 1,000 rows each)');
    expect(text).toContain('total      15 tasks');
    expect(text).toContain('out/aug/{combo}/part-{chunk}.parquet  (15 parts)');
    expect(text).toContain('out/aug/_augc/tasks/{task}.json  (15 context records)');
    expect(text).toContain('out/aug/manifest_final.csv  (written by the merge step)');
  });

  it('shows groups with resources and ranges, and warns about split classes', () => {
    expect(text).toMatch(
      /cpu-1c-2g-1h-p2 {2}cpus 1, memory 2 GiB, walltime 1h {2}array \[0, 3\] {2}class tasks \[4, 7\]/,
    );
    expect(text).toContain('gpus 1');
    expect(text).not.toContain('combo(s)');
    expect(text).toMatch(/class tasks \[4, 7\] {2}\d+ combos?\n/);
    expect(text).toContain('resource class `cpu-1c-2g-1h` (9 tasks) is split into 3 array groups');
  });

  it('is plain text and deterministic', () => {
    expect(text).not.toContain('\u001b[');
    expect(
      renderPlanSummary(makePlan(ast, { input: { rows: 2500 }, arrayLimit: 4, profile: 'hpc' })),
    ).toBe(text);
    expect(renderPlanSummary(makePlan(ast, { input: { rows: 2500 } }))).not.toContain('warnings');
  });

  it('shows each target option with its unit and where it came from', () => {
    const targeted = {
      ...plan,
      target: 'slurm',
      targets: [
        {
          name: 'slurm',
          options: { partition: 'a', max_memory: 64 * GiB, max_walltime: 48 * 3600 },
          origins: { partition: 'env AUGC_SLURM_PARTITION', max_memory: 'pipeline' },
        },
        { name: 'local', options: {} },
      ],
    };
    const lines = renderPlanSummary(targeted).split('\n');
    const at = lines.indexOf('targets');
    expect(lines.slice(at, at + 6)).toEqual([
      'targets',
      '  slurm  (chosen with --target)',
      '    max_memory = 64GiB (pipeline)',
      '    max_walltime = 2d',
      '    partition = "a" (env AUGC_SLURM_PARTITION)',
      '  local  (no options)',
    ]);
    expect(text).not.toContain('targets\n');
  });
});
