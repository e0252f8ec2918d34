/**
 * A `command` method as a stage: every item so far goes to a JSONL file the program reads
 * (one object per (row, variant): `augc_row`, `augc_variant`, the id column when declared and the
 * augmented text columns), the program runs once for the task, and its JSONL output, one line per
 * input line in the same order, gives the new texts. The rest of each item (the input row) waits
 * in a side file rather than in memory, so memory stays bounded by a batch. In `io = stdio` the
 * input file is the program's stdin and its stdout is written to the output file. The protocol
 * as users see it is documented in docs/methods.md ("Your own programs").
 */
import { once } from 'node:events';
import { access } from 'node:fs/promises';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { commandSeedOf } from '../compiler/plan/seeds.js';
import type { Plan, PlanMethod, PlanTask } from '../compiler/plan/types.js';
import type { TableRow } from '../stdlib/method.js';
import { runCommand, type CommandIdentity, type CommandRun } from './run-command.js';
import { augmentedColumns, BATCH_ROWS, type ItemBatches, type TaskItem } from './task-items.js';
import { watchLines, WATCH_INTERVAL_MS } from './watch-lines.js';

export interface CommandStageOptions {
  plan: Plan;
  task: PlanTask;
  method: PlanMethod;
  attempt: number;
  /** A private local folder for this task's exchange files; the caller removes it. */
  workDir: string;
  /** The directory the plan's relative paths are relative to (default: the process's). */
  planDir?: string;
  signal?: AbortSignal;
  log?: (text: string) => void;
  /** Told how many output lines (items) the program has produced so far while it runs. */
  onProgress?: (lines: number) => void;
  /** How often the output file is looked at for progress in files mode. */
  pollMs?: number;
}

async function writeLine(stream: WriteStream, line: string): Promise<void> {
  if (!stream.write(line)) await once(stream, 'drain');
}

async function endStream(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'close');
}

async function writeExchange(
  batches: ItemBatches,
  plan: Plan,
  inPath: string,
  sidePath: string,
): Promise<void> {
  const columns = augmentedColumns(plan.input);
  const idColumn = plan.input.id;
  const input = createWriteStream(inPath);
  const side = createWriteStream(sidePath);
  try {
    for await (const batch of batches) {
      for (const item of batch) {
        const record: Record<string, unknown> = {
          augc_row: item.ordinal,
          augc_variant: item.variant,
        };
        if (idColumn !== undefined) record[idColumn] = item.row[idColumn] ?? null;
        columns.forEach((c, k) => (record[c] = item.texts[k]));
        await writeLine(input, `${JSON.stringify(record)}\n`);
        await writeLine(
          side,
          `${JSON.stringify([item.ordinal, item.rowId, item.variant, item.row])}\n`,
        );
      }
    }
  } finally {
    await Promise.all([endStream(input), endStream(side)]);
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

function nonBlankLines(path: string): AsyncIterator<string> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  return (async function* () {
    for await (const line of lines) if (line.trim() !== '') yield line;
  })();
}

function parseOutputLine(methodId: string, line: string, n: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new Error(`command method \`${methodId}\`: output line ${n} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`command method \`${methodId}\`: output line ${n} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

function itemOf(
  plan: Plan,
  methodId: string,
  sideLine: string,
  out: Record<string, unknown>,
  n: number,
): TaskItem {
  const [ordinal, rowId, variant, row] = JSON.parse(sideLine) as [number, string, number, TableRow];
  const where = `command method \`${methodId}\`: output line ${n}`;
  if ((out['augc_row'] ?? ordinal) !== ordinal || (out['augc_variant'] ?? variant) !== variant) {
    throw new Error(
      `${where} is for row ${String(out['augc_row'])} variant ${String(out['augc_variant'])}, expected row ${ordinal} variant ${variant} (keep the input order)`,
    );
  }
  const texts = augmentedColumns(plan.input).map((c) => {
    const text = out[c];
    if (typeof text !== 'string') throw new Error(`${where}: \`${c}\` must be a string`);
    return text;
  });
  return { ordinal, rowId, variant, row, texts };
}

async function* readExchange(
  plan: Plan,
  methodId: string,
  outPath: string,
  sidePath: string,
): ItemBatches {
  const outLines = nonBlankLines(outPath);
  const sideLines = nonBlankLines(sidePath);
  let batch: TaskItem[] = [];
  for (let n = 1; ; n++) {
    const [side, out] = await Promise.all([sideLines.next(), outLines.next()]);
    if (side.done !== out.done) {
      const count = side.done ? 'more' : 'fewer';
      throw new Error(
        `command method \`${methodId}\`: its output has ${count} lines than its input (${n - 1} matched)`,
      );
    }
    if (side.done) break;
    batch.push(
      itemOf(plan, methodId, side.value, parseOutputLine(methodId, out.value as string, n), n),
    );
    if (batch.length >= BATCH_ROWS * plan.variants) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** The error for a program that exited 0 without writing `$AUGC_OUTPUT` (files mode). */
function missingOutput(method: PlanMethod, ran: CommandRun): Error {
  const printed =
    ran.stdoutBytes > 0 ? `; it printed ${ran.stdoutBytes} bytes on stdout instead` : '';
  return new Error(
    `command method \`${method.id}\` exited 0 but did not write its output file ($AUGC_OUTPUT, \`{output}\`)${printed}: ` +
      'a program that reads rows on stdin and prints them on stdout needs `io = stdio` in the method block',
  );
}

/** Runs the program, reporting its output lines as they come: from stdout, or the output file. */
async function runWithProgress(
  opts: CommandStageOptions,
  identity: CommandIdentity,
): Promise<CommandRun> {
  const { method, onProgress } = opts;
  const common = {
    method,
    identity,
    ...(opts.planDir !== undefined ? { cwd: opts.planDir } : {}),
    ...(opts.signal !== undefined ? { signal: opts.signal } : {}),
    ...(opts.log !== undefined ? { log: opts.log } : {}),
  };
  if (method.io === 'stdio' || onProgress === undefined)
    return runCommand({ ...common, ...(onProgress ? { onOutputLines: onProgress } : {}) });
  const watch = watchLines(identity.output, onProgress, opts.pollMs ?? WATCH_INTERVAL_MS);
  try {
    return await runCommand(common);
  } finally {
    await watch.stop();
  }
}

export async function* commandStage(batches: ItemBatches, opts: CommandStageOptions): ItemBatches {
  const { plan, task, method } = opts;
  const base = join(opts.workDir, method.id);
  const identity: CommandIdentity = {
    taskId: task.id,
    combo: task.combo.id,
    chunk: task.chunk,
    seed: commandSeedOf(task.seed),
    input: `${base}.in.jsonl`,
    output: `${base}.out.jsonl`,
    textColumns: augmentedColumns(plan.input),
    attempt: opts.attempt,
  };
  const sidePath = `${base}.side.jsonl`;
  await writeExchange(batches, plan, identity.input, sidePath);
  opts.signal?.throwIfAborted();
  const ran = await runWithProgress(opts, identity);
  if (!(await exists(identity.output))) throw missingOutput(method, ran);
  yield* readExchange(plan, method.id, identity.output, sidePath);
}
