import { describe, expect, test } from 'vitest';
import { defaultsFile, type ConfiguredDefault } from '../../../compiler/ast/index.js';
import { loadFiles, spanText, summary } from '../check/support.js';

const main = [
  'pipeline "p" {',
  '  input "data.csv" { text = ["text"] }',
  '  output "out"',
  '  method typo = keyboard_typo(aug_char_p = 0.1)',
  '  chunk { count = 4 }',
  '  resources { cpus = 2 }',
  '  target slurm { partition = "compute" }',
  '  profile big { resources { memory = 8GiB } }',
  '}',
  '',
].join('\n');
const files = { 'main.aug': main };
const CONFIG = 'config /home/u/.config/augc/config.yaml';
const CONFIG_FILE = defaultsFile(CONFIG);

/** Lines as read from the config file, unless they name their origin (`env AUGC_X|line`). */
const configured = (lines: string[]): ConfiguredDefault[] =>
  lines.map((l) => {
    const [origin, set] = l.includes('|') ? l.split('|') : [CONFIG, l];
    return { set: set!, origin: origin! };
  });

const optionsOf = (ast: NonNullable<ReturnType<typeof loadFiles>['value']>) =>
  ast.targets.map((t) => [
    t.name.value,
    t.options.map((o) => [o.name.value, (o.value.value as { value: unknown }).value]),
  ]);

describe('configured defaults', () => {
  test('fill only what the pipeline leaves unset; later defaults win over earlier ones', () => {
    const defaults = [
      'resources.cpus=8',
      'resources.walltime=1h',
      'resources.memory=1GiB',
      'target.slurm.partition="from-config"',
      'target.slurm.account="config-acct"',
      'target.pbs.queue="workq"',
      'env AUGC_WALLTIME|resources.walltime=2h',
      'env AUGC_SLURM_ACCOUNT|target.slurm.account="env-acct"',
    ];
    const { value: ast, diagnostics } = loadFiles(files, { defaults: configured(defaults) });
    expect(diagnostics).toEqual([]);
    expect(ast!.resources).toMatchObject({
      cpus: { value: 2 },
      walltimeSeconds: { value: 7200 },
      memoryBytes: { value: 1024 ** 3 },
    });
    // The pipeline's own target stays first; the defaults' new target block comes after it.
    expect(optionsOf(ast!)).toEqual([
      [
        'slurm',
        [
          ['partition', 'compute'],
          ['account', 'env-acct'],
        ],
      ],
      ['pbs', [['queue', 'workq']]],
    ]);
    expect(ast!.sources.find((s) => s.file === CONFIG_FILE)?.text).toBe(
      defaults.slice(0, 6).join('\n'),
    );
    const envSource = ast!.sources.find((s) => s.file === '<env AUGC_SLURM_ACCOUNT>');
    expect(envSource?.text).toBe('target.slurm.account="env-acct"');
  });

  test('sit under the profile and under --set', () => {
    const defaults = ['resources.memory=1GiB', 'resources.walltime=1h', 'resources.gpus=1'];
    const sets = ['resources.walltime=3h'];
    const { value: ast, diagnostics } = loadFiles(files, {
      defaults: configured(defaults),
      sets,
      profile: 'big',
    });
    expect(diagnostics).toEqual([]);
    expect(ast!.resources).toMatchObject({
      memoryBytes: { value: 8 * 1024 ** 3 },
      walltimeSeconds: { value: 3 * 3600 },
      gpus: { value: 1 },
    });
  });

  test('never break an exclusive choice the pipeline made', () => {
    const { value: ast, diagnostics } = loadFiles(files, {
      defaults: configured(['chunk.rows=10']),
    });
    expect(diagnostics).toEqual([]);
    expect(ast!.chunk).toMatchObject({ kind: 'count', count: { value: 4 } });
  });

  test('errors in a default point into the text of its origin', () => {
    const defaults = ['resources.walltime=2h', 'resources.memory=4'];
    const { diagnostics } = loadFiles(files, { defaults: configured(defaults) });
    const all = { ...files, [CONFIG_FILE]: defaults.join('\n') };
    expect(summary(diagnostics, all)).toEqual([`AUG2005@${CONFIG_FILE}:2:18`]);
    expect(spanText(diagnostics[0]!, all)).toBe('4');
  });
});
