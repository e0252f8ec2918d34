import { normalize } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileFile, type CompileOptions } from '../../compiler/compile.js';

// Every concept of the language (issue 2, section 2) written in source form, compiled to a plan,
// and checked in the plan: one place that shows each of them works end to end.
const MAIN = String.raw`// line comment
# hash comment
/* block
   comment */
include "common/targets.aug"
import "conf/augment_methods.yaml"

pipeline "redsm5-sweep" {
  seed = 1_000_000
  max_tasks = 10_000
  input "data/sentences.csv" {
    format = csv
    id = "sentence_id"
    text = ["sentence_text"]
    label = "status"
    keep = ["DSM5_symptom"]
    protect = ["evidence"]
    protect_keywords = ["not", "tab\there", "caf\u00e9 \u{1F600} \"q\" \\"]
    on_bad_row = skip
  }
  method syn = wordnet_synonym(aug_p = 0.1, aug_max = 10)
  method typo = keyboard_typo(aug_char_p = 0.05) { resources { cpus = 2  memory = 512MiB } }
  method mlm = command("python tools/mlm_sub.py --model 'roberta base'") {
    image = "ghcr.io/lab/aug-gpu:1.4"
    env { HF_HOME = "/models" }
    pass_env = ["HF_TOKEN"]
    resources { gpus = 1  gpu_type = "a100"  cpus = 4  memory = 16GiB  walltime = 2h  queue = "gpu" }
  }
  combos { up_to = 2  exclude = [mlm + typo]  order = [typo, syn, spell, mlm] }
  variants = 2
  quality { measure = levenshtein  min = 0.5  max = 0.95 }
  chunk { count = 4 }
  resources { cpus = 1  memory = 2GB  walltime = 30m  account = "lab"  queue = "short" }
  retry {
    attempts = 3
    backoff = exponential(10s, max = 5m, factor = 3)
    on = [preempted, timeout, oom, exit(137), signal(KILL)]
    escalate { memory = 2x  walltime = 1.5x }
  }
  output "s3://bucket/augsets" { format = jsonl }
  profile small {
    variants = 1
    combos { size = 1 }
    target slurm { partition = "debug" }
  }
}
`;

const FILES: Record<string, string> = {
  'main.aug': MAIN,
  'common/targets.aug': [
    'target slurm { partition = "compute"  account = "lab"  array_limit = 50  max_gpus = 4 }',
    'target aws-batch { queue = "aug-gpu"  region = "us-east-1" }',
    '',
  ].join('\n'),
  'conf/augment_methods.yaml': [
    'methods:',
    '  - id: spell',
    '    method: nlp_spelling',
    '    params: { aug_p: 0.2 }',
    '  - id: unused',
    '    method: ocr',
    '    enabled: false',
    '',
  ].join('\n'),
};

function compile(opts: CompileOptions = {}) {
  return compileFile('main.aug', {
    ...opts,
    cwd: '/',
    readFile: (path) => {
      const text = FILES[normalize(path)];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
  });
}

const GiB = 1024 ** 3;

describe('the language, end to end', () => {
  test('every concept compiles into the plan', async () => {
    const { plan, diagnostics } = await compile();
    // Planned for no target, the plan is local's, which runs `mlm` without its image: said, not silent.
    expect(diagnostics.map((d) => `${d.code}:${d.severity}`)).toEqual(['AUG4012:warning']);
    expect(plan).toBeDefined();
    const p = plan!;
    expect([p.pipeline, p.seed, p.variants]).toEqual(['redsm5-sweep', 1_000_000, 2]);
    expect(p.input).toMatchObject({
      uri: 'data/sentences.csv',
      format: 'csv',
      id: 'sentence_id',
      text: ['sentence_text'],
      label: 'status',
      keep: ['DSM5_symptom'],
      protect: ['evidence'],
      protectKeywords: ['not', 'tab\there', 'café 😀 "q" \\'],
      onBadRow: 'skip',
    });
    expect(p.methods.map((m) => m.id)).toEqual(['spell', 'syn', 'typo', 'mlm']);
    const byId = Object.fromEntries(p.methods.map((m) => [m.id, m]));
    expect(byId['spell']).toMatchObject({ method: 'spelling', params: { aug_p: 0.2 } });
    expect(byId['syn']!.params).toMatchObject({ aug_p: 0.1, aug_max: 10 });
    // Per-method overrides, per key; the rest comes from the pipeline's resources.
    expect(byId['typo']!.resources).toEqual({
      cpus: 2,
      memoryBytes: 512 * 1024 ** 2,
      gpus: 0,
      walltimeSeconds: 1800,
      queue: 'short',
      account: 'lab',
    });
    expect(byId['syn']!.resources.memoryBytes).toBe(2e9);
    expect(byId['mlm']).toMatchObject({
      kind: 'command',
      argv: ['python', 'tools/mlm_sub.py', '--model', 'roberta base'],
      image: 'ghcr.io/lab/aug-gpu:1.4',
      env: { HF_HOME: '/models' },
      passEnv: ['HF_TOKEN'],
      gpu: true,
      resources: {
        gpus: 1,
        gpuType: 'a100',
        cpus: 4,
        memoryBytes: 16 * GiB,
        walltimeSeconds: 7200,
        queue: 'gpu',
        account: 'lab',
      },
    });
  });

  test('combos, quality, chunks, retry, output and targets', async () => {
    const p = (await compile()).plan!;
    // up_to = 2 over 4 methods is 10 combos; the exclusion removes typo + mlm.
    expect(p.combos.map((c) => c.id)).toEqual([
      'combo_1_typo',
      'combo_1_syn',
      'combo_1_spell',
      'combo_1_mlm',
      'combo_2_typo+syn',
      'combo_2_typo+spell',
      'combo_2_syn+spell',
      'combo_2_syn+mlm',
      'combo_2_spell+mlm',
    ]);
    expect(p.quality).toEqual({ measure: 'levenshtein', min: 0.5, max: 0.95 });
    expect(p.chunks).toMatchObject({ mode: 'count', count: 4 });
    expect(p.taskCount).toBe(9 * 4);
    expect(p.retry).toEqual({
      attempts: 3,
      backoff: { kind: 'exponential', baseSeconds: 10, maxSeconds: 300, factor: 3 },
      on: [
        { kind: 'preempted' },
        { kind: 'timeout' },
        { kind: 'oom' },
        { kind: 'exit', code: 137 },
        { kind: 'signal', signal: 'SIGKILL' },
      ],
      escalate: [
        { resource: 'memory', factor: 2 },
        { resource: 'walltime', factor: 1.5 },
      ],
    });
    expect(p.output).toEqual({ uri: 's3://bucket/augsets', format: 'jsonl' });
    expect(p.targets).toEqual([
      {
        name: 'slurm',
        options: { partition: 'compute', account: 'lab', array_limit: 50, max_gpus: 4 },
        // An included file is part of the pipeline.
        origins: {
          partition: 'pipeline',
          account: 'pipeline',
          array_limit: 'pipeline',
          max_gpus: 'pipeline',
        },
      },
      {
        name: 'aws-batch',
        options: { queue: 'aug-gpu', region: 'us-east-1' },
        origins: { queue: 'pipeline', region: 'pipeline' },
      },
    ]);
    // GPU combos run in their own array group, apart from the CPU ones.
    const gpuGroups = p.groups.filter((g) => g.resources.gpus > 0);
    expect(gpuGroups.length).toBeGreaterThan(0);
    expect(p.groups.filter((g) => g.resources.gpus === 0).length).toBeGreaterThan(0);
  });

  test('a profile and --set overrides', async () => {
    // Rows chunking needs the input's row count, and the input cannot be read here.
    const rows = await compile({ profile: 'small', sets: ['chunk.rows=1_000'] });
    expect(rows.plan).toBeUndefined();
    // With singletons only, the `mlm + typo` exclusion removes nothing: a warning (AUG2111).
    expect(rows.diagnostics.map((d) => d.code)).toEqual(['AUG2111', 'AUG4012', 'AUG3501']);
    const small = (await compile({ profile: 'small', sets: ['seed=7'] })).plan!;
    expect([small.profile, small.seed, small.variants, small.combos.length]).toEqual([
      'small',
      7,
      1,
      4,
    ]);
    expect(small.targets[0]!.options['partition']).toBe('debug');
  });

  test('s3://, gs:// and az:// outputs are accepted without a word', async () => {
    for (const uri of ['s3://bucket/out', 'gs://bucket/out', 'az://account/container/out']) {
      const { plan, diagnostics } = await compile({ sets: [`output="${uri}"`] });
      expect(diagnostics.filter((d) => d.code.startsWith('AUG21'))).toEqual([]);
      expect(plan?.output.uri).toBe(uri);
    }
  });
});
