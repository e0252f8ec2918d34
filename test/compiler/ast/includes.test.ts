import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadPipeline } from '../../../compiler/ast/index.js';
import { checkPipeline } from '../../../compiler/check/index.js';
import { loadFiles, summary, where } from '../check/support.js';

const dir = 'test/fixtures/h2';
const read = (files: string[]): Record<string, string> =>
  Object.fromEntries(files.map((f) => [f, readFileSync(f, 'utf8')]));

describe('include', () => {
  test('fragments are spliced in place, nested includes resolve relative to their file', () => {
    const { value: ast, diagnostics } = loadPipeline(`${dir}/include/main.aug`);
    expect(diagnostics).toEqual([]);
    expect(ast!.methods.map((m) => m.name.value)).toEqual(['syn', 'typo']);
    expect(ast!.methods[1]!.span.file).toBe(`${dir}/include/fragments/more.aug`);
    expect(ast!.targets.map((t) => t.name.value)).toEqual(['slurm']);
    expect(ast!.sources.map((s) => s.file)).toEqual([
      `${dir}/include/main.aug`,
      `${dir}/include/targets.aug`,
      `${dir}/include/fragments/methods.aug`,
      `${dir}/include/fragments/more.aug`,
    ]);
    expect(checkPipeline(ast!, {})).toEqual([]);
  });

  test('a cycle is reported at the include that closes it, with the chain', () => {
    const { diagnostics } = loadPipeline(`${dir}/cycle/main.aug`);
    const files = read([`${dir}/cycle/main.aug`, `${dir}/cycle/a.aug`, `${dir}/cycle/b.aug`]);
    expect(summary(diagnostics, files)).toEqual([`AUG2011@${dir}/cycle/b.aug:2:9`]);
    expect(diagnostics[0]!.message).toBe(
      `include cycle: \`${dir}/cycle/a.aug\` -> \`${dir}/cycle/b.aug\` -> \`${dir}/cycle/a.aug\``,
    );
  });

  test('a file including itself', () => {
    const files = { 'main.aug': 'include "main.aug"\npipeline "p" {}\n' };
    expect(summary(loadFiles(files).diagnostics, files, ['AUG2011'])).toEqual([
      'AUG2011@main.aug:1:9',
    ]);
  });

  test('a missing file is reported at the include path', () => {
    const files = { 'main.aug': 'pipeline "p" {\n  include "nope.aug"\n}\n' };
    const { diagnostics } = loadFiles(files);
    expect(summary(diagnostics, files, ['AUG2010'])).toEqual(['AUG2010@main.aug:2:11']);
    expect(diagnostics[0]!.message).toBe('cannot read `nope.aug` (ENOENT)');
  });

  test('a missing main file has no span', () => {
    const { value, diagnostics } = loadPipeline('does/not/exist.aug');
    expect(value).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.span])).toEqual([['AUG2010', undefined]]);
  });

  test('a fragment cannot declare a pipeline; body statements at the top level are misplaced', () => {
    const files = {
      'main.aug': 'seed = 1\npipeline "p" {\n  include "f.aug"\n}\n',
      'f.aug': 'pipeline "q" {}\n',
    };
    const { diagnostics } = loadFiles(files);
    expect(summary(diagnostics, files, ['AUG2008'])).toEqual([
      'AUG2008@f.aug:1:1',
      'AUG2008@main.aug:1:1',
    ]);
    expect(where({ ...diagnostics[0]!, span: diagnostics[0]!.related![0]!.span }, files)).toBe(
      'main.aug:3:11',
    );
  });

  test('import only reads YAML', () => {
    const files = { 'main.aug': 'pipeline "p" {\n  import "m.aug"\n}\n' };
    expect(summary(loadFiles(files).diagnostics, files, ['AUG2008'])).toEqual([
      'AUG2008@main.aug:2:10',
    ]);
  });
});
