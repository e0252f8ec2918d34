import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// One-way dependencies (see docs/architecture.md):
// compiler -> stdlib/catalog only; engine -> compiler (plan types), stdlib; runtimes -> engine,
// compiler; lsp (the language server) -> compiler, stdlib/catalog; a runtime never imports a
// sibling; only cli/ wires everything together.
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
  // The language server reuses the compiler and the catalogue; the CLI hands it the input probe.
  { target: './lsp', from: './engine' },
  { target: './lsp', from: './runtimes' },
  { target: './lsp', from: './cli' },
  { target: './lsp', from: './stdlib', except: ['./catalog'] },
  ...['./compiler', './stdlib', './engine', './runtimes'].map((layer) => ({
    target: layer,
    from: './lsp',
  })),
  // A runtime never imports a sibling runtime (shared code lives in runtimes/*.ts and grid/).
  ...RUNTIMES.flatMap((name) =>
    RUNTIMES.filter((other) => other !== name && other !== 'grid').map((other) => ({
      target: `./runtimes/${name}`,
      from: `./runtimes/${other}`,
    })),
  ),
  // The run layer and the batch orchestrator are backend-neutral: no runtime's folder in them.
  ...['run', 'batch'].flatMap((layer) =>
    RUNTIMES.map((name) => ({ target: `./runtimes/${layer}`, from: `./runtimes/${name}` })),
  ),
];

// A run's files are reached only through Storage (engine/storage/). These files import node:fs
// for something that is not run data, each for the reason given; every other source file may not.
const FS_EXCEPTIONS = {
  // What the user names on the command line or keeps at home: sources, plan files, the config.
  'cli/main.ts': 'resolves the launcher (bin/augc.js) it was started from',
  'cli/commands/fmt.ts': 'rewrites the .aug files it is given',
  'cli/commands/plan.ts': 'writes the plan file `-o` names',
  'cli/commands/report.ts': 'writes the report file `-o` names',
  'cli/commands/init.ts': 'writes the starter pipeline `augc init` makes',
  'cli/config-file.ts': 'reads ~/.config/augc/config.yaml or $AUGC_CONFIG',
  'cli/input-problem.ts': 'checks that a file named on the command line exists',
  'cli/run/prepare-plan.ts': 'reads a plan file named on the command line',
  'compiler/ast/load-pipeline.ts': 'reads .aug sources and their includes',
  'compiler/version.ts': "reads augc's own package.json",
  'compiler/compile.ts': 'asks whether a path a `command` names exists beside the pipeline',
  'stdlib/text/misspellings.ts': 'reads data shipped with augc',
  'stdlib/text/wordnet.ts': 'reads data shipped with augc',
  // Local scratch and local processes: what truly needs a path on this machine.
  'engine/command-stage.ts': "a command method's input and output files in a private temp folder",
  'engine/run-task.ts': "the private temp folder of a task's command methods",
  'engine/run-command.ts': "writes a `command` program's stdout to its local output file",
  'engine/watch-lines.ts': "counts lines of a `command` program's local output file (progress)",
  'engine/plan-dir.ts': 'asks whether the recorded working directory exists on this machine',
  'engine/task-usage.ts': "reads /proc/self/stat for the CPU time of a task's child processes",
  'runtimes/grid/detect-hpc.ts': 'looks for scheduler commands on PATH',
  'runtimes/grid/grid-backend.ts':
    'job scripts, scheduler logs and exit statuses on the shared filesystem the scheduler reads',
  'runtimes/local/task-outcome.ts': "reads the tail of a worker's local log",
  'runtimes/local/temp-sweep.ts': "removes a killed worker's temp files from a local run folder",
  'runtimes/local/worker-process.ts': "appends to a worker's local log",
  // The editor's files: what it has not opened is read from the disk.
  'lsp/workspace-files.ts':
    'reads included fragments and YAML catalogues, lists folders for paths, stats inputs',
};
const FS_MODULES = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises'];

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
    files: [
      'cli/**/*.ts',
      'compiler/**/*.ts',
      'engine/**/*.ts',
      'lsp/**/*.ts',
      'runtimes/**/*.ts',
      'stdlib/**/*.ts',
    ],
    ignores: ['engine/storage/**', ...Object.keys(FS_EXCEPTIONS)],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: FS_MODULES.map((name) => ({
            name,
            message:
              "a run's files are reached only through Storage (engine/storage/); a justified exception goes in FS_EXCEPTIONS with its reason",
          })),
        },
      ],
    },
  },
  {
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  // The VS Code extension is plain CommonJS, as VS Code loads it (no build step, no @types/vscode).
  {
    files: ['editors/vscode/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
