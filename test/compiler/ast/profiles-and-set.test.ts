import { describe, expect, test } from 'vitest';
import { SET_FILE } from '../../../compiler/ast/index.js';
import { loadFiles, spanText, summary } from '../check/support.js';

const main = [
  'pipeline "p" {',
  '  input "data.csv" { text = ["text"] }',
  '  output "out"',
  '  method syn = wordnet_synonym(aug_p = 0.1)',
  '  variants = 1',
  '  chunk { count = 4 }',
  '  resources { cpus = 2  memory = 2GiB }',
  '  target slurm { partition = "compute" }',
  '  profile big {',
  '    variants = 5',
  '    chunk { rows = 1000 }',
  '    resources { memory = 8GiB }',
  '    target slurm { qos = "long" }',
  '    input "big.parquet" { text = ["text"] }',
  '  }',
  '  profile cloud { target aws-batch { queue = "q" } }',
  '}',
  '',
].join('\n');
const files = { 'main.aug': main };

describe('profiles', () => {
  test('without a profile, profiles are only listed', () => {
    const { value: ast, diagnostics } = loadFiles(files);
    expect(diagnostics).toEqual([]);
    expect(ast!.profiles.map((p) => p.value)).toEqual(['big', 'cloud']);
    expect(ast!.variants?.value).toBe(1);
  });

  test('a profile replaces attributes, merges blocks and adds statements', () => {
    const { value: ast, diagnostics } = loadFiles(files, { profile: 'big' });
    expect(diagnostics).toEqual([]);
    expect(ast!.variants?.value).toBe(5);
    // `rows` replaces `count`: they exclude each other.
    expect(ast!.chunk).toMatchObject({ kind: 'rows', rows: { value: 1000 } });
    expect(ast!.resources).toMatchObject({
      cpus: { value: 2 },
      memoryBytes: { value: 8 * 1024 ** 3 },
    });
    expect(ast!.targets[0]!.options.map((o) => o.name.value)).toEqual(['partition', 'qos']);
    expect(ast!.input?.uri.value).toBe('big.parquet');
    const cloud = loadFiles(files, { profile: 'cloud' }).value!;
    expect(cloud.targets.map((t) => t.name.value)).toEqual(['slurm', 'aws-batch']);
  });

  test('an unknown profile lists the declared ones', () => {
    const { diagnostics } = loadFiles(files, { profile: 'bigg' });
    expect(summary(diagnostics, files)).toEqual(['AUG2014@main.aug:1:10']);
    expect(diagnostics[0]!.message).toBe('unknown profile `bigg`');
    expect(diagnostics[0]!.help).toBe('declared profiles: `big`, `cloud`');
  });

  test('a profile declared twice', () => {
    const twice = { 'main.aug': main.replace('profile cloud', 'profile big') };
    expect(summary(loadFiles(twice).diagnostics, twice)).toEqual(['AUG2018@main.aug:16:11']);
  });
});

describe('--set', () => {
  test('dotted paths set attributes, block attributes, target options and method parameters', () => {
    const sets = [
      'variants=3',
      'resources.memory=4GiB',
      'target.slurm.partition=gpu',
      'target.pbs.queue="q"',
      'retry.on=[oom]',
      'chunk.rows=500',
      'method.syn.aug_p=0.3',
      'input.format=csv',
      'output="s3://bucket/out"',
    ];
    const { value: ast, diagnostics } = loadFiles(files, { profile: 'big', sets });
    expect(diagnostics).toEqual([]);
    expect(ast!.variants?.value).toBe(3);
    expect(ast!.resources?.memoryBytes?.value).toBe(4 * 1024 ** 3);
    expect(
      ast!.targets.map((t) => [t.name.value, t.options.map((o) => [o.name.value, o.value.value])]),
    ).toEqual([
      [
        'slurm',
        [
          ['partition', { type: 'string', value: 'gpu' }],
          ['qos', { type: 'string', value: 'long' }],
        ],
      ],
      ['pbs', [['queue', { type: 'string', value: 'q' }]]],
    ]);
    expect(ast!.chunk).toMatchObject({ kind: 'rows', rows: { value: 500 } });
    const syn = ast!.methods[0]!;
    expect(syn.kind === 'stdlib' && syn.params.map((p) => p.value.value)).toEqual([
      { type: 'number', value: 0.3 },
    ]);
    expect(ast!.input?.format?.value).toBe('csv');
    expect(ast!.retry!.on.map((c) => c.kind)).toEqual(['oom']);
    expect(ast!.output?.uri.value).toBe('s3://bucket/out');
    expect(ast!.sources.find((s) => s.file === SET_FILE)?.text).toBe(sets.join('\n'));
  });

  test('errors in a value point into the <--set> text', () => {
    const sets = ['variants=2', 'resources.memory=4'];
    const { diagnostics } = loadFiles(files, { sets });
    const setFiles = { ...files, [SET_FILE]: sets.join('\n') };
    expect(summary(diagnostics, setFiles)).toEqual([`AUG2005@${SET_FILE}:2:18`]);
    expect(spanText(diagnostics[0]!, setFiles)).toBe('4');
  });

  test('malformed overrides are AUG2015', () => {
    const sets = ['variants', '.x=1', 'seed=1 {}'];
    const { diagnostics } = loadFiles(files, { sets });
    const setFiles = { ...files, [SET_FILE]: sets.join('\n') };
    expect(summary(diagnostics, setFiles, ['AUG2015'])).toEqual([
      `AUG2015@${SET_FILE}:1:1`,
      `AUG2015@${SET_FILE}:2:1`,
      `AUG2015@${SET_FILE}:3:1`,
    ]);
  });

  test('an unknown key set is reported like a written one, at the <--set> text', () => {
    const sets = ['resources.memroy=4GiB'];
    const { diagnostics } = loadFiles(files, { sets });
    const setFiles = { ...files, [SET_FILE]: sets.join('\n') };
    expect(summary(diagnostics, setFiles)).toEqual([`AUG2002@${SET_FILE}:1:11`]);
    expect(diagnostics[0]!.help).toBe('did you mean `memory`?');
  });
});
