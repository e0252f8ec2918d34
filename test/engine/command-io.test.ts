/**
 * How rows travel to and from a `command` program: exchange files or stdin/stdout, the error
 * that says which to declare, progress while the program runs, and the directory it runs from.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRows } from '../../engine/formats/read-rows.js';
import { recordPlanDir, recordedPlanDir } from '../../engine/plan-dir.js';
import { runTask } from '../../engine/run-task.js';
import {
  allTasks,
  combo,
  commandMethod,
  makePlan,
  runTasks,
  sentenceCsv,
  taskOptions,
  tempDir,
  workspace,
} from './task-fixture.js';

// A stdin -> stdout filter: upper-cases every text column and says whether it saw AUGC_OUTPUT.
const FILTER = `
import { createInterface } from 'node:readline';
const cols = JSON.parse(process.env.AUGC_TEXT_COLUMNS);
const tag = process.env.AUGC_OUTPUT === undefined ? 'no-output-var' : 'output-var';
for await (const line of createInterface({ input: process.stdin })) {
  const rec = JSON.parse(line);
  for (const c of cols) rec[c] = rec[c].toUpperCase() + ' ' + tag;
  process.stdout.write(JSON.stringify(rec) + '\\n');
}
`;

// Writes the output for the first `HALF` lines, then waits until the file \`GO\` exists before
// writing the rest: the task can only end if progress was reported while the program ran.
const HALTING = (go: string, stdio: boolean) => `
import { existsSync, readFileSync, appendFileSync, writeFileSync } from 'node:fs';
const input = readFileSync(process.env.AUGC_INPUT, 'utf8').split('\\n').filter((l) => l !== '');
const stdio = ${String(stdio)};
const emit = stdio
  ? (l) => process.stdout.write(l + '\\n')
  : (l) => appendFileSync(process.env.AUGC_OUTPUT, l + '\\n');
if (!stdio) writeFileSync(process.env.AUGC_OUTPUT, '');
const half = input.length / 2;
input.slice(0, half).forEach(emit);
const wait = setInterval(() => {
  if (!existsSync(${JSON.stringify(go)})) return;
  clearInterval(wait);
  input.slice(half).forEach(emit);
}, 20);
`;

async function script(text: string, dir?: string, name = 'prog.mjs'): Promise<string> {
  const path = join(dir ?? (await tempDir()), name);
  await writeFile(path, text);
  return path;
}

async function texts(dir: string, part: string): Promise<string[]> {
  const out: string[] = [];
  for await (const row of readRows(join(dir, 'out', part), 'jsonl'))
    out.push(String(row['sentence']));
  return out;
}

describe('command io', () => {
  it('io = stdio: the rows are its stdin and its stdout is its output; there is no AUGC_OUTPUT', async () => {
    const filter = commandMethod('up', [process.execPath, await script(FILTER)], { io: 'stdio' });
    const plan = makePlan({ methods: [filter], combos: [combo('up')], rows: 4, format: 'jsonl' });
    const ws = await workspace(plan, sentenceCsv(4));
    const [record] = await runTasks(plan, ws);
    const out = await texts(ws.dir, record!.part.path);
    expect(out).toHaveLength(4);
    for (const text of out) {
      expect(text).toMatch(/ no-output-var$/);
      expect(text).toBe(text.toUpperCase().replace('NO-OUTPUT-VAR', 'no-output-var'));
    }
  });

  it('a filter run in files mode fails with an error that says to declare io = stdio', async () => {
    const filter = commandMethod('up', [process.execPath, await script(FILTER)]);
    const plan = makePlan({ methods: [filter], combos: [combo('up')], rows: 2 });
    const ws = await workspace(plan, sentenceCsv(2));
    await expect(runTasks(plan, ws)).rejects.toThrow(
      /exited 0 but did not write its output file \(\$AUGC_OUTPUT, `\{output\}`\): a program that reads rows on stdin and prints them on stdout needs `io = stdio`/,
    );
    // One that printed its rows (it read them from the file) is told where they went.
    const printer = commandMethod('p', [
      process.execPath,
      await script(
        "import { readFileSync } from 'node:fs'; process.stdout.write(readFileSync(process.env.AUGC_INPUT));",
      ),
    ]);
    const plan2 = makePlan({ methods: [printer], combos: [combo('p')], rows: 2 });
    const ws2 = await workspace(plan2, sentenceCsv(2));
    await expect(runTasks(plan2, ws2)).rejects.toThrow(
      /it printed \d+ bytes on stdout instead: a program that reads rows on stdin/,
    );
  });

  for (const io of ['files', 'stdio'] as const) {
    it(`reports rows done while the program runs (io = ${io})`, async () => {
      const dir = await tempDir();
      const go = join(dir, 'go');
      const prog = await script(HALTING(go, io === 'stdio'), dir);
      const method = commandMethod('slow', [process.execPath, prog], { io });
      const plan = makePlan({ methods: [method], combos: [combo('slow')], rows: 6, variants: 2 });
      const ws = await workspace(plan, sentenceCsv(6));
      const seen: [number, number][] = [];
      const record = await runTask({
        ...taskOptions(plan, ws, allTasks(plan)[0]!),
        rowsTotal: 6,
        onProgress: (done, total) => {
          seen.push([done, total]);
          if (done > 0 && !existsSync(go)) void writeFile(go, '');
        },
      });
      expect(record.rows_in).toBe(6);
      // At most half the rows (6 lines of 12) came out before the program was let go.
      const [first, total] = seen[0]!;
      expect([first > 0 && first <= 3, total]).toEqual([true, 6]);
      expect(seen.at(-1)).toEqual([6, 6]);
      expect(seen.map(([d]) => d)).toEqual([...seen.map(([d]) => d)].sort((a, b) => a - b));
    });
  }

  it('a worker started in another directory runs the program where the split was made', async () => {
    const planDir = await tempDir();
    await mkdir(join(planDir, 'tools'));
    await script(FILTER, join(planDir, 'tools'), 'filter.mjs');
    const method = commandMethod('up', [process.execPath, 'tools/filter.mjs'], { io: 'stdio' });
    const plan = makePlan({ methods: [method], combos: [combo('up')], rows: 2, format: 'jsonl' });
    const ws = await workspace(plan, sentenceCsv(2));
    // The split recorded this process's directory; a Slurm job's augc starts in the output folder.
    expect(await recordedPlanDir(ws.storage, ws.split.chunkFiles[0]!)).toBe(process.cwd());
    await recordPlanDir(ws.storage, '_augc/chunks', planDir);
    const record = await runTask(taskOptions(plan, ws, allTasks(plan)[0]!));
    expect(await texts(ws.dir, record.part.path)).toHaveLength(2);
    // A recorded directory this machine does not have (a cloud container) is not used.
    await recordPlanDir(ws.storage, '_augc/chunks', join(planDir, 'gone'));
    expect(await recordedPlanDir(ws.storage, ws.split.chunkFiles[0]!)).toBeUndefined();
  });

  it('runs the program from the plan directory, where its relative paths are', async () => {
    const planDir = await tempDir();
    await mkdir(join(planDir, 'tools'));
    const sh = await script(
      '#!/bin/sh\nexec "$NODE" tools/filter.mjs\n',
      join(planDir, 'tools'),
      'run.sh',
    );
    await chmod(sh, 0o755);
    await script(FILTER, join(planDir, 'tools'), 'filter.mjs');
    const method = commandMethod('up', ['tools/run.sh'], {
      io: 'stdio',
      env: { NODE: process.execPath },
    });
    const plan = makePlan({ methods: [method], combos: [combo('up')], rows: 2, format: 'jsonl' });
    const ws = await workspace(plan, sentenceCsv(2));
    const record = await runTask({ ...taskOptions(plan, ws, allTasks(plan)[0]!), planDir });
    expect(await texts(ws.dir, record.part.path)).toHaveLength(2);
  });
});
