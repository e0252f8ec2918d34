import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatSource } from '../../compiler/format/format-source.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { inputProblem } from '../input-problem.js';
import { reportHuman, reportMessage } from '../report.js';
import { unifiedDiff } from '../unified-diff.js';

interface FmtFlags {
  check?: boolean;
  diff?: boolean;
}

/** The name `-` stands for stdin (formatted text goes to stdout). */
const STDIN = '-';

async function writeBack(file: string, text: string, ctx: CliContext): Promise<boolean> {
  try {
    await writeFile(file, text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const message = `cannot write \`${file}\`: ${reason}`;
    reportMessage(ctx, { code: 'AUG5004', severity: 'error', message });
    return false;
  }
  ctx.io.stderr.write(`formatted ${file}\n`);
  return true;
}

async function readInput(file: string, ctx: CliContext): Promise<string | number> {
  if (file === STDIN) return ctx.io.readStdin ? ctx.io.readStdin() : '';
  const problem = await inputProblem(file);
  if (problem) {
    reportMessage(ctx, problem);
    return EXIT.noInput;
  }
  return readFile(file, 'utf8');
}

/** `--check` (and `--diff`, which implies it): report what would change, write nothing. */
function reportUnformatted(
  file: string,
  text: string,
  formatted: string,
  flags: FmtFlags,
  ctx: CliContext,
): number {
  const name = file === STDIN ? '<stdin>' : file;
  if (flags.diff) ctx.io.stdout.write(unifiedDiff(text, formatted, name, `${name} (formatted)`));
  reportMessage(ctx, {
    code: 'AUG5005',
    severity: 'error',
    message: `\`${name}\` is not formatted`,
    help: `run \`augc fmt ${file}\``,
  });
  return EXIT.failure;
}

/** Formats one file (or stdin to stdout); returns the exit code for it. */
async function formatOne(file: string, flags: FmtFlags, ctx: CliContext): Promise<number> {
  const text = await readInput(file, ctx);
  if (typeof text === 'number') return text;
  const name = file === STDIN ? '<stdin>' : file;
  const result = formatSource(text, name);
  if (result.value === undefined) {
    reportHuman(ctx, result.diagnostics, new Map([[name, text]]), name);
    return EXIT.failure;
  }
  const check = flags.check === true || flags.diff === true;
  if (result.value !== text && check)
    return reportUnformatted(file, text, result.value, flags, ctx);
  if (file === STDIN) {
    if (!check) ctx.io.stdout.write(result.value);
    return EXIT.ok;
  }
  if (result.value === text) return EXIT.ok;
  return (await writeBack(file, result.value, ctx)) ? EXIT.ok : EXIT.failure;
}

/** Every file is processed even after a failure; the worst exit code wins (66 over 1). */
export async function runFmt(files: string[], flags: FmtFlags, ctx: CliContext): Promise<number> {
  let code: number = EXIT.ok;
  for (const file of files) code = Math.max(code, await formatOne(file, flags, ctx));
  return code;
}

/** `augc fmt FILE...` */
export function fmtCommand(program: Command, ctx: CliContext): void {
  program
    .command('fmt')
    .description('rewrite .aug files in canonical layout')
    .argument('<files...>', '.aug files to format in place; `-` reads stdin and writes stdout')
    .option('--check', 'do not write; exit 1 if a file is not formatted')
    .option('--diff', 'with --check (implied): print a unified diff of what would change on stdout')
    .action(async (files: string[], flags: FmtFlags) => {
      ctx.exitCode = await runFmt(files, flags, ctx);
    });
}
