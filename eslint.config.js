import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// One-way dependencies (see docs/architecture.md):
// compiler -> stdlib/catalog only; engine -> compiler (plan types), stdlib; runtimes -> engine,
// compiler; a runtime never imports a sibling; only cli/ wires everything together.
// The runtimes are the folders of runtimes/ (a target's folder is named after it), so a new
// backend is fenced in without another list of target names to keep in step.
const RUNTIMES = readdirSync(fileURLToPath(new URL('./runtimes', import.meta.url)), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

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
