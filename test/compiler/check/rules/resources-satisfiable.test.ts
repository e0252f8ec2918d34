import { describe, expect, test } from 'vitest';
import { formatBytes, formatSeconds } from '../../../../compiler/ast/units.js';
import { DEFAULT_RESOURCES } from '../../../../compiler/ir/defaults.js';
import { check, pipeline, spanText, summary } from '../support.js';

const gpuMethod =
  '  method mlm = command("python mlm.py") { resources { gpus = 1  memory = 16GiB } }';

describe('resources-satisfiable', () => {
  test('targets without limits can run anything', () => {
    expect(
      check(pipeline(`${gpuMethod}\n  target slurm { partition = "gpu" }`)).diagnostics,
    ).toEqual([]);
  });

  test('local with declared gpus can run a GPU method', () => {
    expect(check(pipeline(`${gpuMethod}\n  target local { gpus = 2 }`)).diagnostics).toEqual([]);
  });

  test('without targets, local is implied and has no GPU', () => {
    const text = pipeline(gpuMethod);
    const files = { 'main.aug': text };
    const { diagnostics } = check(text);
    expect(summary(diagnostics, files)).toEqual(['AUG4005@main.aug:5:62']);
    expect(spanText(diagnostics[0]!, files)).toBe('1');
    expect(diagnostics[0]!.message).toBe('no declared target can run method `mlm`');
    expect(diagnostics[0]!.notes).toEqual([
      '`local` allows `gpus` up to 0 (`gpus` option), the method needs 1',
    ]);
    expect(diagnostics[0]!.help).toContain('`local` is used');
  });

  test('every declared target too small: one error listing each shortfall', () => {
    const targets =
      '  target slurm { max_memory = 8GiB }\n  target pbs { max_memory = 12GiB  max_walltime = 30m }';
    const text = pipeline(`${gpuMethod}\n${targets}`);
    const files = { 'main.aug': text };
    const { diagnostics } = check(text);
    expect(summary(diagnostics, files)).toEqual(['AUG4005@main.aug:5:74']);
    expect(spanText(diagnostics[0]!, files)).toBe('16GiB');
    expect(diagnostics[0]!.notes).toEqual([
      '`slurm` allows `memory` up to 8GiB (`max_memory`), the method needs 16GiB',
      '`pbs` allows `memory` up to 12GiB (`max_memory`), the method needs 16GiB',
      '`pbs` allows `walltime` up to 30m (`max_walltime`), the method needs 1h',
    ]);
  });

  test('pipeline resources apply to methods without their own', () => {
    const text = pipeline('  resources { cpus = 64 }\n  target slurm { max_cpus = 32 }');
    const { diagnostics } = check(text);
    expect(summary(diagnostics, { 'main.aug': text })).toEqual(['AUG4005@main.aug:5:22']);
  });

  test('a method that sets nothing is judged by the defaults the plan gives it', () => {
    const text = pipeline('  target slurm { max_memory = 1GiB  max_walltime = 30m }');
    const { diagnostics } = check(text);
    expect(diagnostics.map((d) => d.code)).toEqual(['AUG4005']);
    expect(diagnostics[0]!.notes).toEqual([
      `\`slurm\` allows \`memory\` up to 1GiB (\`max_memory\`), the method needs ${formatBytes(DEFAULT_RESOURCES.memoryBytes)}`,
      `\`slurm\` allows \`walltime\` up to 30m (\`max_walltime\`), the method needs ${formatSeconds(DEFAULT_RESOURCES.walltimeSeconds)}`,
    ]);
  });
});
