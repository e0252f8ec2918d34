/**
 * `augc init DATA [-o FILE] [--force]`: a starter pipeline over a CSV, JSONL or Parquet file, its
 * columns filled in from the header and the first rows (the rule is in cli/init-pipeline.ts).
 */
import { access, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { inputEncodingOf } from '../../compiler/ast/input-format.js';
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import { formatSource } from '../../compiler/format/format-source.js';
import { isDataError } from '../../engine/formats/data-error.js';
import { readRecords } from '../../engine/formats/read-rows.js';
import type { TableRow } from '../../stdlib/method.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { guessColumns, starterPipeline } from '../init-pipeline.js';
import { inputProblem } from '../input-problem.js';
import { reportMessage } from '../report.js';

interface InitFlags {
  output?: string;
  force?: boolean;
}

/** Rows sampled to tell prose from numbers from other values. */
const SAMPLE_ROWS = 200;

async function sample(path: string, format: 'csv' | 'jsonl' | 'parquet') {
  let columns: string[] = [];
  const rows: TableRow[] = [];
  const records = readRecords(path, format, {
    onBadRow: 'skip',
    onColumns: (names) => void (columns = [...names]),
  });
  for await (const record of records) {
    rows.push(record.values);
    if (rows.length >= SAMPLE_ROWS) break;
  }
  return { columns, rows };
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

function fail(ctx: CliContext, diagnostic: Omit<Diagnostic, 'severity'>, code: number): number {
  reportMessage(ctx, { severity: 'error', ...diagnostic });
  return code;
}

export async function runInit(data: string, flags: InitFlags, ctx: CliContext): Promise<number> {
  const problem = await inputProblem(data);
  if (problem) return fail(ctx, problem, EXIT.noInput);
  // The header is read straight from the file: a compressed one is named, not guessed at.
  const encoding = inputEncodingOf(data);
  const format = encoding.gzip ? undefined : encoding.format;
  if (!format) {
    const message = `cannot tell the format of \`${data}\` from its name`;
    return fail(
      ctx,
      { code: 'AUG5001', message, help: 'name it .csv, .jsonl or .parquet' },
      EXIT.usage,
    );
  }
  const stem = basename(data, extname(data));
  const target = flags.output ?? `${stem}.aug`;
  if (!flags.force && (await exists(target))) {
    const message = `\`${target}\` already exists`;
    return fail(
      ctx,
      { code: 'AUG5007', message, help: 'pass `--force` to overwrite it' },
      EXIT.failure,
    );
  }
  let header;
  try {
    header = await sample(data, format);
  } catch (err) {
    if (!isDataError(err)) throw err;
    return fail(
      ctx,
      { code: 'AUG5003', message: `cannot read \`${data}\`: ${err.message}` },
      EXIT.noInput,
    );
  }
  const roles = guessColumns(header.columns, header.rows);
  const inputPath = relative(dirname(resolve(target)), resolve(data));
  const text = starterPipeline(stem.replace(/[^A-Za-z0-9_-]+/g, '-'), inputPath, roles);
  if (text === undefined) {
    const message = `\`${data}\` has no text or numeric column to augment`;
    return fail(
      ctx,
      { code: 'AUG5008', message, notes: [`columns: ${header.columns.join(', ')}`] },
      EXIT.failure,
    );
  }
  await writeFile(target, formatSource(text, target).value ?? text);
  ctx.io.stderr.write(`wrote ${target}; next: augc check ${target}\n`);
  return EXIT.ok;
}

export function initCommand(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('write a starter pipeline over a CSV, JSONL or Parquet file')
    .argument('<data>', 'the input file; its header and first rows pick the columns')
    .option('-o, --output <file>', 'the .aug file to write (default: <data name>.aug here)')
    .option('--force', 'overwrite the output file if it exists')
    .action(async (data: string, flags: InitFlags) => {
      ctx.exitCode = await runInit(data, flags, ctx);
    });
}
