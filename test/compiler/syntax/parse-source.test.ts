import { describe, expect, test } from 'vitest';
import { parseSource } from '../../../compiler/syntax/parse-source.js';
import type { Expr, Statement } from '../../../compiler/syntax/tree.js';

function parse(text: string) {
  const result = parseSource('t.aug', text);
  return { statements: result.value?.statements ?? [], diagnostics: result.diagnostics, text };
}

/** line:col (1-based) of an offset, for readable expectations. */
function at(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

function shape(e: Expr | undefined): unknown {
  if (!e) return undefined;
  switch (e.kind) {
    case 'ident':
      return e.name;
    case 'string':
    case 'bool':
      return e.value;
    case 'number':
      return e.unit ? `${e.value}${e.unit}` : e.value;
    case 'list':
      return e.items.map(shape);
    case 'call':
      return {
        call: e.callee.name,
        args: e.args.map((a) => [a.name?.name ?? null, shape(a.value)]),
      };
    case 'plus':
      return { plus: e.terms.map(shape) };
    case 'error':
      return 'ERROR';
  }
}

function find(statements: Statement[], keyword: string): Statement | undefined {
  return statements.find((s) => s.keyword.name === keyword);
}

describe('parseSource', () => {
  test('parses attributes, labelled blocks and nested bodies', () => {
    const { statements, diagnostics } = parse(
      'pipeline "p" {\n  seed = 42\n  input "d.csv" { text = ["a", "b",] }\n  target aws-batch { queue = "q" }\n}\n',
    );
    expect(diagnostics).toEqual([]);
    const pipeline = statements[0]!;
    expect(pipeline.keyword.name).toBe('pipeline');
    expect(pipeline.labels.map((l) => (l.kind === 'string' ? l.value : l.name))).toEqual(['p']);
    const body = pipeline.body!;
    expect(shape(find(body, 'seed')?.value)).toBe(42);
    expect(shape(find(find(body, 'input')!.body!, 'text')?.value)).toEqual(['a', 'b']);
    expect(find(body, 'target')?.labels[0]).toMatchObject({ kind: 'ident', name: 'aws-batch' });
  });

  test('parses calls with named and positional args, plus-expressions and units', () => {
    const { statements, diagnostics } = parse(
      'method syn = wordnet_synonym(aug_p = 0.1, aug_max = 10)\n' +
        'retry { backoff = exponential(10s, max = 5m) on = [exit(137), preempted] }\n' +
        'combos { exclude = [mlm + typo + syn] }\nmem = 16GiB big = 1_000_000 tiny = 1e-3 f = 2x\n',
    );
    expect(diagnostics).toEqual([]);
    expect(shape(find(statements, 'method')?.value)).toEqual({
      call: 'wordnet_synonym',
      args: [
        ['aug_p', 0.1],
        ['aug_max', 10],
      ],
    });
    const retry = find(statements, 'retry')!.body!;
    expect(shape(find(retry, 'backoff')?.value)).toEqual({
      call: 'exponential',
      args: [
        [null, '10s'],
        ['max', '5m'],
      ],
    });
    expect(shape(find(retry, 'on')?.value)).toEqual([
      { call: 'exit', args: [[null, 137]] },
      'preempted',
    ]);
    expect(shape(find(find(statements, 'combos')!.body!, 'exclude')?.value)).toEqual([
      { plus: ['mlm', 'typo', 'syn'] },
    ]);
    expect(['mem', 'big', 'tiny', 'f'].map((k) => shape(find(statements, k)?.value))).toEqual([
      '16GiB',
      1_000_000,
      0.001,
      '2x',
    ]);
  });

  test('decodes string escapes', () => {
    const { statements, diagnostics } = parse('s = "a\\"b\\\\c\\n\\t\\u0041\\u{1F600}"\n');
    expect(diagnostics).toEqual([]);
    expect(shape(statements[0]?.value)).toBe('a"b\\c\n\tA\u{1F600}');
  });

  test('labels end at the end of the line, so bare statements need no terminator', () => {
    const { statements, diagnostics } = parse(
      'include "a.aug"\ninclude "b.aug"\npipeline "x" { }\n',
    );
    expect(diagnostics).toEqual([]);
    expect(statements.map((s) => [s.keyword.name, s.labels.length])).toEqual([
      ['include', 1],
      ['include', 1],
      ['pipeline', 1],
    ]);
  });

  test('keeps comments of all three kinds', () => {
    const result = parseSource('t.aug', '// a\n# b\n/* c\n d */ seed = 1\n');
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.comments.map((c) => [c.text, c.block])).toEqual([
      ['// a', false],
      ['# b', false],
      ['/* c\n d */', true],
    ]);
  });

  test('reports several independent syntax errors in one run, each at its line:col', () => {
    const text =
      'pipeline "x" {\n  seed =\n  method a = foo(b = )\n  variants = "abc\n  target slurm { x = [1, 2 }\n  q = 1__0\n  t = "\\q"\n}\n';
    const { diagnostics } = parse(text);
    expect(diagnostics.map((d) => [d.code, at(text, d.span!.start)])).toEqual([
      ['AUG1006', '2:9'],
      ['AUG1006', '3:22'],
      ['AUG1002', '4:14'],
      ['AUG1005', '5:28'],
      ['AUG1007', '6:7'],
      ['AUG1004', '7:8'],
    ]);
  });

  test('reports unexpected characters and unterminated comments', () => {
    const text = 'seed = 1 @ \n/* never closed\n';
    const { diagnostics } = parse(text);
    expect(diagnostics.map((d) => [d.code, at(text, d.span!.start), d.message])).toEqual([
      ['AUG1001', '1:10', 'unexpected character `@`'],
      ['AUG1003', '2:1', 'unterminated block comment'],
    ]);
  });

  test('a number without a digit before its point is one error that shows the fix', () => {
    const text = 'm = f(p = .5, q = -.25x)\n';
    const { diagnostics } = parse(text);
    expect(diagnostics.map((d) => [d.code, at(text, d.span!.start), d.message])).toEqual([
      ['AUG1007', '1:11', 'invalid number `.5`: write `0.5`'],
      ['AUG1007', '1:19', 'invalid number `-.25x`: write `-0.25x`'],
    ]);
  });

  test('a missing closing token noticed on a later line points where it belongs', () => {
    const text = 'method s = spelling(aug_p = 0.1\nmethod t = ocr()\nx = [1, 2 }\n';
    const { diagnostics } = parse(text);
    expect(diagnostics.map((d) => [d.code, at(text, d.span!.start), d.message])).toEqual([
      ['AUG1005', '1:32', 'expected `)`, found `method`'],
      ['AUG1005', '3:11', 'expected `]`, found `}`'],
    ]);
    expect(diagnostics[0]!.span!.end).toBe(diagnostics[0]!.span!.start);
  });

  test('an error at the end of the file points at the end', () => {
    const text = 'pipeline "x" {\n  seed = 1\n';
    const { diagnostics } = parse(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'AUG1005',
      message: 'expected `}`, found end of file',
    });
    expect(diagnostics[0]!.span!.start).toBe(text.length);
  });

  test('never throws on arbitrary input', () => {
    for (const text of [
      '',
      '{',
      '}}}',
      '= = =',
      '"',
      'a(',
      'a = [',
      'a = f(x = ',
      '/*',
      'a b c d { e',
      '+',
    ]) {
      expect(() => parseSource('t.aug', text)).not.toThrow();
    }
  });
});
