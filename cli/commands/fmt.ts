import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatSource } from '../../compiler/format/format-source.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { inputProblem } from '../input-problem.js';
import { reportHuman, reportMessage } from '../report.js';

interface FmtFlags {
  check?: boolean;
}

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

/** Formats one file; returns the exit code for it. */
async function formatOne(file: string, flags: FmtFlags, ctx: CliContext): Promise<number> {
  const problem = await inputProblem(file);
  if (problem) {
    reportMessage(ctx, problem);
    return EXIT.noInput;
  }
  const text = await readFile(file, 'utf8');
  const result = formatSource(text, file);
  if (result.value === undefined) {
    reportHuman(ctx, result.diagnostics, new Map([[file, text]]), file);
    return EXIT.failure;
  }
  if (result.value === text) return EXIT.ok;
  if (flags.check) {
    reportMessage(ctx, {
      code: 'AUG5005',
      severity: 'error',
      message: `\`${file}\` is not formatted`,
      help: `run \`augc fmt ${file}\``,
    });
    return EXIT.failure;
  }
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
    .argument('<files...>', '.aug files to format in place')
    .option('--check', 'do not write; exit 1 if a file is not formatted')
    .action(async (files: string[], flags: FmtFlags) => {
      ctx.exitCode = await runFmt(files, flags, ctx);
    });
}
