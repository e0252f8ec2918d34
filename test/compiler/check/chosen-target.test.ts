import { describe, expect, test } from 'vitest';
import { chosenTargetDiagnostics } from '../../../compiler/check/index.js';
import { check, pipeline, spanText, summary } from './support.js';

const gpuMethod =
  '  method mlm = command("python mlm.py") { resources { gpus = 1  memory = 16GiB } }';

function chosen(text: string, target: string) {
  const files = { 'main.aug': text };
  const { ast, diagnostics } = check(text);
  if (!ast) throw new Error(`did not load: ${JSON.stringify(diagnostics)}`);
  return { files, diagnostics: chosenTargetDiagnostics(ast, target) };
}

describe('the chosen target must run every method (AUG4006)', () => {
  test('an undeclared local has no GPUs, even when a declared target has', () => {
    const text = pipeline(`${gpuMethod}\n  target slurm { partition = "gpu" }`);
    // The file itself is fine: slurm can run the method.
    expect(check(text).diagnostics).toEqual([]);
    const { files, diagnostics } = chosen(text, 'local');
    expect(summary(diagnostics, files)).toEqual(['AUG4006@main.aug:5:62']);
    expect(spanText(diagnostics[0]!, files)).toBe('1');
    expect(diagnostics[0]!.message).toBe('target `local` cannot run method `mlm`');
    expect(diagnostics[0]!.notes).toEqual([
      '`local` allows `gpus` up to 0 (`gpus` option), the method needs 1',
      'the file does not declare `local`: it is judged with no options',
    ]);
    expect(diagnostics[0]!.help).toContain('declare `target local { gpus = N }`');
  });

  test('a declared local with enough GPUs, or a target without limits, can', () => {
    const withGpus = pipeline(`${gpuMethod}\n  target local { gpus = 1 }`);
    expect(chosen(withGpus, 'local').diagnostics).toEqual([]);
    expect(chosen(pipeline(gpuMethod), 'slurm').diagnostics).toEqual([]);
  });

  test('the declared target limits are the ones judged, on the key that falls short', () => {
    const text = pipeline(`${gpuMethod}\n  target slurm { max_memory = 8GiB }`);
    const { files, diagnostics } = chosen(text, 'slurm');
    expect(summary(diagnostics, files)).toEqual(['AUG4006@main.aug:5:74']);
    expect(spanText(diagnostics[0]!, files)).toBe('16GiB');
    expect(diagnostics[0]!.notes).toEqual([
      '`slurm` allows `memory` up to 8GiB (`max_memory`), the method needs 16GiB',
    ]);
    expect(diagnostics[0]!.help).toContain('--target');
  });

  test('one error per method that does not fit, none for those that do', () => {
    const text = pipeline(
      `${gpuMethod}\n  method big = command("python big.py") { resources { gpus = 2 } }`,
    );
    const { diagnostics } = chosen(text, 'local');
    expect(diagnostics.map((d) => d.message)).toEqual([
      'target `local` cannot run method `mlm`',
      'target `local` cannot run method `big`',
    ]);
  });
});
