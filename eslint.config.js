import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// One-way dependencies (see docs/architecture.md):
// compiler -> stdlib/catalog only; engine -> compiler (plan types), stdlib; runtimes -> engine,
// compiler; a runtime never imports a sibling; only cli/ wires everything together.
// The fenced runtimes are the target names (a target's folder is named after it), read from their
// one home, compiler/targets/target-names.ts, plus grid/, which every scheduler runtime may use
// but which may import none of them. The layering test fails if this finds no names.
const NAMES_SOURCE = readFileSync(
  fileURLToPath(new URL('./compiler/targets/target-names.ts', import.meta.url)),
  'utf8',
);
const TARGET_NAMES = [
  ...(/TARGET_NAMES = \[([^\]]*)\]/.exec(NAMES_SOURCE)?.[1] ?? '').matchAll(/'([a-z-]+)'/g),
].map((m) => m[1]);
const RUNTIMES = [...TARGET_NAMES, 'grid'];

const zones = [
  { target: './compiler', from: './engine' },
  { target: './compiler', from: './runtimes' },
  { target: './compiler', from: './cli' },
  { target: './compiler', from: './stdlib', except: ['./catalog'] },
  { target: './stdlib', from: './engine' },
  { target: './stdlib', from: './runtimes' },
  { target: './stdlib', from: './cli' },
  { target: './engine', from: './runtimes' },
  { target: './engine', from: './cli' },
  { target: './runtimes', from: './cli' },
  // A runtime never imports a sibling runtime (shared code lives in runtimes/*.ts and grid/).
  ...RUNTIMES.flatMap((name) =>
    RUNTIMES.filter((other) => other !== name && other !== 'grid').map((other) => ({
      target: `./runtimes/${name}`,
      from: `./runtimes/${other}`,
    })),
  ),
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'out/**',
      'coverage/**',
      'bin/**',
      'scripts/**',
      '**/*.generated.js',
    ],
  },
  ...tseslint.configs.strict,
  {
    plugins: { import: importPlugin },
    settings: {
      'import/resolver': {
        [fileURLToPath(new URL('./scripts/eslint-ts-resolver.cjs', import.meta.url))]: {},
        node: {},
      },
      'import/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      'import/no-cycle': 'error',
      'import/no-restricted-paths': ['error', { zones }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
