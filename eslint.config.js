import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

// One-way dependencies (see docs/architecture.md):
// compiler -> stdlib/catalog only; engine -> compiler (plan types), stdlib; runtimes -> engine,
// compiler; a runtime never imports a sibling; only cli/ wires everything together.
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
  ...['local', 'slurm', 'pbs', 'aws-batch', 'gcp-batch', 'azure-batch'].map((name) => ({
    target: `./runtimes/${name}`,
    from: './runtimes',
    except: [`./${name}`, './runtime.ts', './registry.ts', './grid'],
  })),
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'coverage/**', 'bin/**', 'scripts/**'] },
  ...tseslint.configs.strict,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: true } },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
