import { realpathSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { COMPILER_VERSION } from '../compiler/version.js';
import type { CliContext } from './context.js';
import { EXIT } from './exit-codes.js';
import { processIo, useColor, type CliIo } from './output.js';
import { usageError } from './usage-error.js';

type AddCommand = (program: Command, ctx: CliContext) => void;

/**
 * Every subcommand, loaded on demand: `augc check` never loads the engine or the runtimes, and
 * `augc --version` loads nothing. Adding a command is one line here.
 */
const COMMANDS: Record<string, () => Promise<AddCommand>> = {
  check: async () => (await import('./commands/check.js')).checkCommand,
  plan: async () => (await import('./commands/plan.js')).planCommand,
  fmt: async () => (await import('./commands/fmt.js')).fmtCommand,
  run: async () => (await import('./commands/run.js')).runCommand,
  worker: async () => (await import('./commands/worker.js')).workerCommand,
  merge: async () => (await import('./commands/merge.js')).mergeCommand,
  report: async () => (await import('./commands/report.js')).reportCommand,
  status: async () => (await import('./commands/status.js')).statusCommand,
  cancel: async () => (await import('./commands/cancel.js')).cancelCommand,
  finalize: async () => (await import('./commands/finalize.js')).finalizeCommand,
  methods: async () => (await import('./commands/methods.js')).methodsCommand,
  init: async () => (await import('./commands/init.js')).initCommand,
  completion: async () => (await import('./commands/completion.js')).completionCommand,
  lsp: async () => (await import('./commands/lsp.js')).lspCommand,
};

/** Commands that need every other one registered, as help does: the completion scripts list them. */
const NEEDS_ALL = new Set(['completion']);

/** The commands to register: only the one invoked, or all of them for help and usage errors. */
async function commandsFor(argv: string[]): Promise<AddCommand[]> {
  const first = argv.find((a) => !a.startsWith('-'));
  if (argv.some((a) => a === '-V' || a === '--version') && first === undefined) return [];
  const only = first !== undefined && !NEEDS_ALL.has(first) ? COMMANDS[first] : undefined;
  return Promise.all((only ? [only] : Object.values(COMMANDS)).map((load) => load()));
}

function buildProgram(ctx: CliContext, commands: AddCommand[]): Command {
  const program = new Command('augc')
    .description('compile and run data-augmentation sweeps described in .aug files')
    .version(COMPILER_VERSION, '-V, --version', 'print the augc version')
    .option('--verbose', 'show stack traces of internal errors')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
      outputError: (s, write) => write(usageError(s, ctx.color)),
    });
  for (const add of commands) add(program, ctx);
  return program;
}

function internalError(err: unknown, verbose: boolean, ctx: CliContext): number {
  const message = err instanceof Error ? err.message : String(err);
  const stack = err instanceof Error && err.stack !== undefined ? err.stack : message;
  const notes = verbose
    ? [stack]
    : ['this is a bug in augc; run again with `--verbose` to see where it happened'];
  ctx.io.stderr.write(
    [`error[AUG5099]: internal error: ${message}`, ...notes.map((n) => `  = note: ${n}`), ''].join(
      '\n',
    ),
  );
  return EXIT.internal;
}

/** Runs the CLI in-process and returns the exit code; only the entry point touches `process`. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const ctx: CliContext = { io, argv, exitCode: EXIT.ok, color: useColor(io) };
  try {
    await buildProgram(ctx, await commandsFor(argv)).parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    return internalError(err, argv.includes('--verbose'), ctx);
  }
}

/** True when Node was started on bin/augc.js (or on this file), not when a test imports it. */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    const real = realpathSync(script);
    const isLauncher = basename(real) === 'augc.js' && basename(dirname(real)) === 'bin';
    return isLauncher || real === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = await main(process.argv.slice(2), processIo());
}
