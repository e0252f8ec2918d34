import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileFile } from '../../compiler/compile.js';
import { formatSource } from '../../compiler/format/format-source.js';

const EXAMPLES = readdirSync('examples')
  .filter((f) => f.endsWith('.aug'))
  .map((f) => readFileSync(`examples/${f}`, 'utf8'));

/** Fragments that are meaningful to the lexer and parser, so mutations reach deep into the compiler. */
const FRAGMENTS = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '=',
  ',',
  '+',
  ';',
  '"',
  '\\',
  '/*',
  '*/',
  '#',
  '\n',
  ' ',
  'pipeline "p" {',
  'method x = ',
  'combos { up_to = 9 }',
  'chunk { rows = 0 }',
  'variants = -1',
  '2GiB',
  '30m',
  '1e309',
  '1__0',
  '0.5x',
  'true',
  'include "self.aug"',
  'import "m.yaml"',
  'profile p {',
  'target slurm { array_limit = 0 }',
  'exit(',
  'exponential(1s, max = 0s)',
  'wordnet_synonym(aug_p = 2)',
  'command("a \'b")',
  'resources { memory = 2 }',
  '\u0000',
  'é',
  '💥',
];

type Mutation =
  | { kind: 'delete' | 'duplicate'; at: number; len: number }
  | { kind: 'insert' | 'random'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    len: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom(...FRAGMENTS),
  }),
  fc.record({
    kind: fc.constant('random' as const),
    at: fc.nat(),
    text: fc.string({ maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    len: fc.integer({ min: 1, max: 80 }),
  }),
);

function apply(text: string, m: Mutation): string {
  const at = text.length ? m.at % text.length : 0;
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.len);
    case 'insert':
    case 'random':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'duplicate':
      return text.slice(0, at) + text.slice(at, at + m.len) + text.slice(at);
  }
}

/** Every file the compiler may read is in memory: the main file, a self-include, a YAML catalogue. */
function fileSystem(main: string): (path: string) => string {
  return (path) => {
    if (path.endsWith('main.aug') || path.endsWith('self.aug')) return main;
    if (path.endsWith('m.yaml')) return 'methods:\n  - id: q\n    method: [1, 2]\n';
    throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  };
}

describe('the compiler never throws', () => {
  test('on thousands of random mutations of the examples', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...EXAMPLES),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        async (example, mutations) => {
          const text = mutations.reduce(apply, example);
          const result = await compileFile('fuzz/main.aug', {
            readFile: fileSystem(text),
            cwd: '/',
          });
          const errors = result.diagnostics.filter((d) => d.severity === 'error');
          // Either a plan, or at least one error explaining why there is none.
          expect(result.plan !== undefined || errors.length > 0).toBe(true);
          for (const d of result.diagnostics) expect(d.code).toMatch(/^AUG\d{4}$/);
          expect(() => formatSource(text, 'fuzz/main.aug')).not.toThrow();
        },
      ),
      { numRuns: 3000, seed: 20261122 },
    );
  }, 120_000);
});
