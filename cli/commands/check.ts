import type { Command } from 'commander';
import { checkFile, COMPILER_VERSION } from '../../compiler/compile.js';
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import { probeInput } from '../../engine/probe-input.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { inputProblem } from '../input-problem.js';
import {
  compileOptionsOf,
  formatOption,
  profileOption,
  setOption,
  type CompileFlags,
} from '../options.js';
import { reportHuman, reportMachine, reportMessage, type DiagnosticFormat } from '../report.js';

interface CheckFlags extends CompileFlags {
  format: DiagnosticFormat;
  denyWarnings?: boolean;
}

function deniedWarnings(count: number): Diagnostic {
  return {
    code: 'AUG5006',
    severity: 'error',
    message: `${count} warning${count === 1 ? '' : 's'} denied by \`--deny-warnings\``,
  };
}

/** Checks every file, reports all diagnostics, and picks the exit code: 66 > 1 > 0. */
export async function runCheck(
  files: string[],
  flags: CheckFlags,
  ctx: CliContext,
): Promise<number> {
  const all: Diagnostic[] = [];
  const sources = new Map<string, string>();
  let missing = false;
  const config = compileOptionsOf(flags, ctx.io.env);
  for (const s of config.sources) sources.set(s.file, s.text);
  // The configuration's own problems are reported once, with the first file checked.
  let configDiags = config.diagnostics;
  for (const file of files) {
    const problem = await inputProblem(file);
    if (problem) {
      missing = true;
      all.push(problem);
      if (flags.format === 'text') reportMessage(ctx, problem);
      continue;
    }
    const result = await checkFile(file, { ...config.options, probeInput, fragments: true });
    for (const s of result.sources) sources.set(s.file, s.text);
    const diags = [...configDiags, ...result.diagnostics];
    configDiags = [];
    all.push(...diags);
    if (flags.format === 'text') reportHuman(ctx, diags, sources, file);
  }
  const warnings = all.filter((d) => d.severity === 'warning').length;
  if (flags.denyWarnings && warnings > 0) {
    all.push(deniedWarnings(warnings));
    if (flags.format === 'text') reportMessage(ctx, deniedWarnings(warnings));
  }
  if (flags.format !== 'text') reportMachine(ctx, flags.format, all, sources, COMPILER_VERSION);
  if (missing) return EXIT.noInput;
  return all.some((d) => d.severity === 'error') ? EXIT.failure : EXIT.ok;
}

/** `augc check FILE...` */
export function checkCommand(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .description('validate .aug files and report every problem found')
    .argument('<files...>', '.aug files to check')
    .addOption(formatOption())
    .addOption(profileOption())
    .addOption(setOption())
    .option('--deny-warnings', 'fail (exit 1) when there are warnings')
    .action(async (files: string[], flags: CheckFlags) => {
      ctx.exitCode = await runCheck(files, flags, ctx);
    });
}
