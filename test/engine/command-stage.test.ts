import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRows } from '../../engine/formats/read-rows.js';
import { runTask } from '../../engine/run-task.js';
import { isTaskFailure } from '../../engine/task-failure.js';
import { commandSeedOf } from '../../compiler/plan/seeds.js';
import {
  allTasks,
  combo,
  commandMethod,
  listAll,
  makePlan,
  runTasks,
  sentenceCsv,
  stdlibMethod,
  taskOptions,
  tempDir,
  workspace,
} from './task-fixture.js';

// Upper-cases the text and appends what the program saw: its seed argument and three env vars.
const UPPER = `
import { readFileSync, writeFileSync } from 'node:fs';
const arg = (name) => process.argv[process.argv.indexOf(name) + 1];
const cols = JSON.parse(process.env.AUGC_TEXT_COLUMNS);
const seen = [arg('--seed'), process.env.AUGC_PLANTED_SECRET ?? 'no-secret', process.env.DECLARED ?? 'no-declared',
  process.env.PASSED ?? 'no-passed', process.env.AUGC_TASK_ID, process.env.AUGC_ATTEMPT].join('|');
const out = readFileSync(arg('--in'), 'utf8').split('\\n').filter((l) => l.trim() !== '').map((line) => {
  const rec = JSON.parse(line);
  for (const c of cols) rec[c] = rec[c].toUpperCase() + ' [' + seen + ']';
  return JSON.stringify(rec);
});
writeFileSync(arg('--out'), out.join('\\n') + '\\n');
`;

const FAIL = `
process.stderr.write('loading model\\n'.repeat(50));
process.stderr.write('boom: model file missing\\n');
process.exit(3);
`;

// Writes only the first line of its input back.
const SHORT = `
import { readFileSync, writeFileSync } from 'node:fs';
writeFileSync(process.env.AUGC_OUTPUT, readFileSync(process.env.AUGC_INPUT, 'utf8').split('\\n')[0] + '\\n');
`;

// Prints its input path (so the test can check the exchange folder is removed), then waits.
const HANG = `
process.stderr.write('started ' + process.env.AUGC_INPUT + '\\n');
setInterval(() => {}, 1000);
`;

async function script(text: string): Promise<string> {
  const path = join(await tempDir(), 'prog.mjs');
  await writeFile(path, text);
  return path;
}

const argvFor = (path: string): string[] => [
  process.execPath,
  path,
  '--in',
  '{input}',
  '--out',
  '{output}',
  '--seed',
  '{seed}',
];

describe('command methods', () => {
  beforeEach(() => {
    process.env['AUGC_PLANTED_SECRET'] = 'hunter2';
    process.env['PASSED'] = 'passed-value';
  });
  afterEach(() => {
    delete process.env['AUGC_PLANTED_SECRET'];
    delete process.env['PASSED'];
  });

  it('runs the program on the rows, substitutes placeholders and isolates the environment', async () => {
    const upper = commandMethod('upper', argvFor(await script(UPPER)), {
      env: { DECLARED: 'declared-value' },
      passEnv: ['PASSED'],
    });
    const plan = makePlan({
      methods: [upper],
      combos: [combo('upper')],
      rows: 5,
      variants: 2,
      format: 'jsonl',
    });
    const ws = await workspace(plan, sentenceCsv(5));
    const [record] = await runTasks(plan, ws);
    const rows: Record<string, unknown>[] = [];
    for await (const row of readRows(join(ws.dir, 'out', record!.part.path), 'jsonl'))
      rows.push(row);
    expect(rows).toHaveLength(5); // the two variants are equal, so the second is a duplicate
    expect(record!.dropped['duplicate']).toBe(5);
    const task = allTasks(plan)[0]!;
    const seed = commandSeedOf(task.seed);
    expect(seed).toMatch(/^\d+$/);
    for (const row of rows) {
      const text = String(row['sentence']);
      const body = text.slice(0, text.indexOf(' ['));
      expect(body.length).toBeGreaterThan(10);
      expect(body).toBe(body.toUpperCase());
      expect(text).toContain(`[${seed}|no-secret|declared-value|passed-value|${task.id}|1]`);
      expect(row['evidence']).toBe(String(row['evidence']).toLowerCase());
    }
  });

  it('chains a command method after a stdlib method', async () => {
    const typo = stdlibMethod('typo', 'keyboard_typo');
    const upper = commandMethod('upper', argvFor(await script(UPPER)));
    const plan = makePlan({
      methods: [typo, upper],
      combos: [combo('typo', 'upper')],
      rows: 4,
      variants: 3,
      format: 'jsonl',
    });
    const ws = await workspace(plan, sentenceCsv(4));
    const [record] = await runTasks(plan, ws);
    expect(record!.generated).toBe(12);
    expect(record!.rows_out).toBeGreaterThan(4);
  });

  it('records a failing program with its exit code and stderr tail, and nothing complete', async () => {
    const bad = commandMethod('bad', argvFor(await script(FAIL)));
    const plan = makePlan({ methods: [bad], combos: [combo('bad')], rows: 3 });
    const ws = await workspace(plan, sentenceCsv(3));
    const task = allTasks(plan)[0]!;
    const error = await runTask({ ...taskOptions(plan, ws, task), attempt: 2 }).catch(
      (e: unknown) => e,
    );
    expect(isTaskFailure(error)).toBe(true);
    if (!isTaskFailure(error)) return;
    expect(error.attempt).toMatchObject({
      state: 'failed',
      error_class: 'exit(3)',
      exit_code: 3,
      attempt: 2,
    });
    expect(error.attempt.log_tail).toMatch(/boom: model file missing\n$/);
    const onDisk = JSON.parse(
      await readFile(join(ws.dir, 'out', `_augc/attempts/${task.id}.2.json`), 'utf8'),
    );
    expect(onDisk).toEqual(error.attempt);
    const files = await listAll(join(ws.dir, 'out'));
    expect(files.filter((f) => !f.startsWith('_augc/chunks/'))).toEqual([
      `_augc/attempts/${task.id}.2.json`,
    ]);
  });

  it('kills the program on abort and removes its exchange files', async () => {
    const hang = commandMethod('hang', argvFor(await script(HANG)));
    const plan = makePlan({ methods: [hang], combos: [combo('hang')], rows: 3 });
    const ws = await workspace(plan, sentenceCsv(3));
    const task = allTasks(plan)[0]!;
    const controller = new AbortController();
    let inputPath = '';
    const error = await runTask({
      ...taskOptions(plan, ws, task),
      signal: controller.signal,
      log: (text) => {
        const match = /started (\S+)/.exec(text);
        if (match) {
          inputPath = match[1]!;
          controller.abort();
        }
      },
    }).catch((e: unknown) => e);
    expect(isTaskFailure(error) && error.attempt.state).toBe('interrupted');
    expect(inputPath).not.toBe('');
    expect(existsSync(inputPath)).toBe(false);
    const files = await listAll(join(ws.dir, 'out'));
    expect(files.filter((f) => !f.startsWith('_augc/chunks/'))).toEqual([
      `_augc/attempts/${task.id}.1.json`,
    ]);
  });

  it('fails when the program writes fewer lines than it was given', async () => {
    const short = commandMethod('short', [process.execPath, await script(SHORT)]);
    const plan = makePlan({ methods: [short], combos: [combo('short')], rows: 3 });
    const ws = await workspace(plan, sentenceCsv(3));
    await expect(runTasks(plan, ws)).rejects.toThrow(
      /output has fewer lines than its input \(1 matched\)/,
    );
  });
});
