import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadPipeline } from '../../../compiler/ast/index.js';
import { checkPipeline } from '../../../compiler/check/index.js';
import { loadFiles, spanText, summary } from '../check/support.js';

const dir = 'test/fixtures/h2/yaml';
const read = (files: string[]): Record<string, string> =>
  Object.fromEntries(files.map((f) => [f, readFileSync(f, 'utf8')]));

describe('YAML import', () => {
  test('a list-form catalogue becomes method declarations', () => {
    const { value: ast, diagnostics } = loadPipeline(`${dir}/main.aug`);
    expect(diagnostics).toEqual([]);
    const [syn, mlm, ...rest] = ast!.methods;
    expect(rest).toEqual([]);
    expect(syn).toMatchObject({
      kind: 'stdlib',
      name: { value: 'syn' },
      method: { value: 'nlp_wordnet_syn' },
    });
    expect(syn!.kind === 'stdlib' && syn!.params.map((p) => [p.name.value, p.value.value])).toEqual(
      [['aug_p', { type: 'number', value: 0.1 }]],
    );
    expect(mlm).toMatchObject({
      kind: 'command',
      argv: { value: ['python', 'tools/mlm_sub.py'] },
      image: { value: 'ghcr.io/lab/aug-gpu:1.4' },
      resources: {
        gpus: { value: 1 },
        memoryBytes: { value: 16 * 1024 ** 3 },
        walltimeSeconds: { value: 7200 },
      },
    });
    expect(mlm!.kind === 'command' && mlm!.env.map((e) => [e.name.value, e.value.value])).toEqual([
      ['HF_HOME', '/models'],
    ]);
    expect(mlm!.span.file).toBe(`${dir}/conf/augment_methods.yaml`);
    expect(mlm!.importedFrom?.file).toBe(`${dir}/main.aug`);
    // The imported image is only warned about (AUG4012: `local` runs no container by default).
    const diags = checkPipeline(ast!, {});
    expect(diags.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diags.map((d) => d.code)).toEqual(['AUG4012']);
  });

  test('type errors in a mapping-form catalogue are reported at the YAML line:col', () => {
    const { value: ast, diagnostics } = loadPipeline(`${dir}/bad-types.aug`);
    const files = read([`${dir}/bad-types.aug`, `${dir}/conf/bad.yaml`]);
    const all = [...diagnostics, ...checkPipeline(ast!, {})];
    const yaml = `${dir}/conf/bad.yaml`;
    expect(summary(all, files).sort()).toEqual([
      `AUG2005@${yaml}:9:15`,
      `AUG2013@${yaml}:12:5`,
      `AUG2101@${yaml}:11:3`,
      `AUG2104@${yaml}:5:14`,
    ]);
    expect(
      spanText(
        all.find((d) => d.code === 'AUG2104')!,
        files,
      ),
    ).toBe('high');
    expect(all.find((d) => d.code === 'AUG2013')!.help).toBe('did you mean `method`?');
    // The command string form is split like in .aug files.
    const mlm = ast!.methods.find((m) => m.name.value === 'mlm');
    expect(mlm?.kind === 'command' && mlm.argv.value).toEqual(['python', 'tools/mlm.py']);
  });

  test('invalid YAML is AUG2012 at the YAML position', () => {
    const { diagnostics } = loadPipeline(`${dir}/broken.aug`);
    const files = read([`${dir}/broken.aug`, `${dir}/broken.yaml`]);
    const yaml = diagnostics.filter((d) => d.code === 'AUG2012');
    expect(yaml.length).toBeGreaterThan(0);
    expect(yaml.every((d) => d.span?.file === `${dir}/broken.yaml`)).toBe(true);
    expect(summary(yaml, files)[0]).toMatch(
      /^AUG2012@test\/fixtures\/h2\/yaml\/broken\.yaml:[34]:\d+$/,
    );
    // The position is in the span; the message does not repeat it.
    for (const d of yaml) expect(d.message).not.toMatch(/line \d+|column \d+|[.:]$/);
  });
});

describe('malformed YAML catalogues', () => {
  const cases = [
    '',
    'methods: 5',
    'methods: [5]',
    'methods: { a: 1 }',
    'methods:\n  - id: 3',
    'methods:\n  - id: a\n    params: [1]',
    'methods:\n  - id: a\n    command: { x: 1 }',
    'methods:\n  - id: a\n    resources: 5',
    'methods:\n  - id: a\n    params: { p: ~ }',
    'methods:\n  - id: a\n    params: { p: { q: 1 } }',
  ];
  test.each(cases)('%j is reported, never thrown', (yaml) => {
    const files = { 'main.aug': 'pipeline "p" {\n  import "m.yaml"\n}\n', 'm.yaml': yaml };
    const { diagnostics } = loadFiles(files);
    const yamlCodes = diagnostics.filter((d) => d.span?.file === 'm.yaml').map((d) => d.code);
    expect(yamlCodes.length).toBeGreaterThan(0);
    expect(yamlCodes.every((c) => /^AUG20(04|12|13)$/.test(c))).toBe(true);
  });
});
