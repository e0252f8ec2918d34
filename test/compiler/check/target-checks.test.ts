import { describe, expect, test } from 'vitest';
import { targetChecks } from '../../../compiler/check/target-checks.js';
import { gcpGpuOf } from '../../../compiler/targets/gcp-accelerators.js';
import { check, pipeline, spanText, summary } from './support.js';

const GCP = 'target gcp-batch { project = "p"  region = "europe-west4"  image = "img" }';

function judged(text: string, target: string) {
  const files = { 'main.aug': text };
  const { ast, diagnostics } = check(text);
  if (!ast) throw new Error(`did not load: ${JSON.stringify(diagnostics)}`);
  return { files, diagnostics: targetChecks(ast, target) };
}

describe('options the chosen target needs (AUG4020)', () => {
  test('gcp-batch needs project and region, and an image for methods without one', () => {
    const text = pipeline('  target gcp-batch { region = "europe-west4" }');
    const { files, diagnostics } = judged(text, 'gcp-batch');
    expect(summary(diagnostics, files)).toEqual(['AUG4020@main.aug:5:3', 'AUG4020@main.aug:5:3']);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'target `gcp-batch` needs option `project`',
      'target `gcp-batch` needs option `image`',
    ]);
    expect(diagnostics[1]!.notes![0]).toContain('method `typo` names no image');
    expect(diagnostics[0]!.help).toContain('AUGC_GCP_BATCH_PROJECT');
  });

  test('an undeclared target is judged with no options, at the pipeline name', () => {
    const { files, diagnostics } = judged(pipeline(''), 'gcp-batch');
    expect(diagnostics.map((d) => d.message)).toEqual([
      'target `gcp-batch` needs option `project`',
      'target `gcp-batch` needs option `region`',
      'target `gcp-batch` needs option `image`',
    ]);
    expect(spanText(diagnostics[0]!, files)).toBe('"p"');
  });

  test('a fully configured gcp-batch, and targets without required options, pass', () => {
    expect(judged(pipeline(`  ${GCP}`), 'gcp-batch').diagnostics).toEqual([]);
    expect(judged(pipeline(''), 'slurm').diagnostics).toEqual([]);
  });

  test('methods that all name an image need no target image', () => {
    const text = pipeline(
      '  method m = command("run.sh") { image = "ghcr.io/lab/m:1" }\n  target gcp-batch { project = "p"  region = "r" }',
      false,
    );
    expect(judged(text, 'gcp-batch').diagnostics).toEqual([]);
  });
});

describe('GPUs on gcp-batch (AUG4021)', () => {
  const gpu = (resources: string): string =>
    pipeline(`  method mlm = command("python mlm.py") { resources { ${resources} } }\n  ${GCP}`);

  test('augc names and Google types map; an unknown type is refused at its span', () => {
    expect(judged(gpu('gpus = 1  gpu_type = "a100"'), 'gcp-batch').diagnostics).toEqual([]);
    expect(judged(gpu('gpus = 2  gpu_type = "nvidia-tesla-t4"'), 'gcp-batch').diagnostics).toEqual(
      [],
    );
    const text = gpu('gpus = 1  gpu_type = "mi300"');
    const { files, diagnostics } = judged(text, 'gcp-batch');
    expect(summary(diagnostics, files).map((s) => s.split('@')[0])).toEqual(['AUG4021']);
    expect(spanText(diagnostics[0]!, files)).toBe('"mi300"');
    expect(diagnostics[0]!.message).toContain('GPU type `mi300` has no Google Cloud accelerator');
  });

  test('a count no machine type carries, and GPUs without any type, are refused', () => {
    const three = judged(gpu('gpus = 3  gpu_type = "a100"'), 'gcp-batch').diagnostics;
    expect(three.map((d) => d.message)).toEqual([
      'Google Cloud has no machine type with 3 `a100` GPU(s)',
    ]);
    const untyped = judged(gpu('gpus = 1'), 'gcp-batch').diagnostics;
    expect(untyped.map((d) => d.code)).toEqual(['AUG4021']);
    expect(untyped[0]!.message).toContain('without a `gpu_type`');
    const withDefault = pipeline(
      `  method mlm = command("python mlm.py") { resources { gpus = 1 } }\n  target gcp-batch { project = "p"  region = "r"  image = "i"  accelerator = "t4" }`,
    );
    expect(judged(withDefault, 'gcp-batch').diagnostics).toEqual([]);
  });

  test('the mapping: accelerator type, count, and the machine type that carries it', () => {
    expect(gcpGpuOf('a100', 1)).toEqual({
      ok: true,
      accelerator: 'nvidia-tesla-a100',
      count: 1,
      machineType: 'a2-highgpu-1g',
    });
    expect(gcpGpuOf('T4', 2)).toEqual({ ok: true, accelerator: 'nvidia-tesla-t4', count: 2 });
    expect(gcpGpuOf('l4', 1)).toMatchObject({ machineType: 'g2-standard-4' });
    expect(gcpGpuOf('h100', 8)).toMatchObject({
      accelerator: 'nvidia-h100-80gb',
      machineType: 'a3-highgpu-8g',
    });
    expect(gcpGpuOf('nvidia-l4', 1)).toMatchObject({ machineType: 'g2-standard-4' });
    expect(gcpGpuOf('nvidia-tesla-k80', 1)).toEqual({
      ok: true,
      accelerator: 'nvidia-tesla-k80',
      count: 1,
    });
  });
});
