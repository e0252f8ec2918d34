import { Option, type Command } from 'commander';
import { probeInput } from '../../engine/probe-input.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { compileOptionsOf } from '../options.js';
import { reportMessage } from '../report.js';

/**
 * Runs the language server on stdin and stdout until the editor ends it. Its checks get what
 * `augc check` gets: the configured defaults (config file, `AUGC_*`) and the input probe, so
 * diagnostics carry the same codes and spans.
 */
export async function runLsp(ctx: CliContext): Promise<number> {
  const streams = ctx.io.streams;
  if (!streams) throw new Error('`augc lsp` needs the process stdin and stdout');
  if (streams.stdin.isTTY) {
    reportMessage(ctx, {
      code: 'AUG5140',
      severity: 'error',
      message: '`augc lsp` speaks the Language Server Protocol and is started by an editor',
      help: 'see docs/editors.md; `augc check FILE` prints the same diagnostics on a terminal',
    });
    return EXIT.usage;
  }
  const config = compileOptionsOf({ set: [] }, ctx.io.env);
  // Loaded here, so that registering the command (for `--help`) does not load the server.
  const { startLanguageServer } = await import('../../lsp/server.js');
  const code = await startLanguageServer({
    input: streams.stdin,
    output: streams.stdout,
    check: { ...config.options, probeInput },
    config: { diagnostics: config.diagnostics, sources: config.sources },
  });
  // The server has stopped reading; stdin would keep the process alive.
  streams.stdin.destroy();
  return code;
}

/** `augc lsp [--stdio]` */
export function lspCommand(program: Command, ctx: CliContext): void {
  program
    .command('lsp')
    .description('run the language server for editors (LSP over stdin and stdout)')
    .option('--stdio', 'speak over stdin and stdout (the only transport; editors pass it)')
    .addOption(
      new Option(
        '--clientProcessId <pid>',
        "the editor's process id (passed by editors)",
      ).hideHelp(),
    )
    .action(async () => {
      ctx.exitCode = await runLsp(ctx);
    });
}
