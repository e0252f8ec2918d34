import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesUnder, read } from './spawn-augc.js';

/**
 * A program for a `command` method whose faults are switched on by files in `$FAULT_DIR` (absent in
 * a reference run, so the same pipeline, plan and outputs serve both):
 * - `transient-<chunk>` holding N: fail with exit 3 N times (then succeed);
 * - `always-<chunk>`: fail with exit 5 every time;
 * - `killparent-<chunk>`: SIGKILL the worker process running the task (once);
 * - `sleep`: wait that many milliseconds first.
 * Otherwise it upper-cases the text columns.
 */
const PROGRAM = `
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const faults = process.env.FAULT_DIR;
const chunk = process.env.AUGC_CHUNK;
const at = (name) => (faults ? join(faults, name + '-' + chunk) : '');
if (faults && existsSync(join(faults, 'sleep'))) {
  await new Promise((r) => setTimeout(r, Number(readFileSync(join(faults, 'sleep'), 'utf8'))));
}
if (faults && existsSync(at('killparent'))) {
  rmSync(at('killparent'));
  process.stderr.write('killing the worker ' + process.ppid + '\\n');
  process.kill(process.ppid, 'SIGKILL');
  await new Promise((r) => setTimeout(r, 60000));
}
if (faults && existsSync(at('always'))) {
  process.stderr.write('loading\\n'.repeat(30) + 'always-broken: chunk ' + chunk + '\\n');
  process.exit(5);
}
if (faults && existsSync(at('transient'))) {
  const left = Number(readFileSync(at('transient'), 'utf8'));
  if (left > 0) {
    writeFileSync(at('transient'), String(left - 1));
    process.stderr.write('transient failure, ' + left + ' left\\n');
    process.exit(3);
  }
}
const cols = JSON.parse(process.env.AUGC_TEXT_COLUMNS);
const lines = readFileSync(process.env.AUGC_INPUT, 'utf8').split('\\n').filter((l) => l !== '');
const out = lines.map((line) => {
  const rec = JSON.parse(line);
  for (const c of cols) rec[c] = String(rec[c]).toUpperCase();
  return JSON.stringify(rec);
});
writeFileSync(process.env.AUGC_OUTPUT, out.map((l) => l + '\\n').join(''));
`;

const DATA = [
  'id,text',
  '1,the weather is lovely this morning',
  '2,I would like another cup of coffee',
  '3,she walked to the station in the rain',
  '4,we are planning a trip to the mountains',
  '5,he reads a newspaper every evening',
  '6,the children played in the garden all day',
].join('\n');

export interface FaultWorkspace {
  dir: string;
  aug: string;
  /** Put fault files here and pass `{ FAULT_DIR: faults }` to the run. */
  faults: string;
}

/**
 * Two methods (a stdlib one and a command) over 6 rows in 2 chunks: 4 tasks,
 * `combo_1_typo.c0000{0,1}` and `combo_1_cmd.c0000{0,1}`. `extra` goes inside the pipeline.
 */
export function faultWorkspace(extra = ''): FaultWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'augc-faults-'));
  writeFileSync(join(dir, 'cmd.mjs'), PROGRAM);
  writeFileSync(join(dir, 'data.csv'), `${DATA}\n`);
  const faults = join(dir, 'faults');
  mkdirSync(faults);
  const aug = join(dir, 'faults.aug');
  writeFileSync(
    aug,
    `pipeline "faults" {
  input "data.csv" { id = "id"  text = ["text"] }
  method typo = keyboard_typo(aug_char_p = 0.1)
  method cmd = command(["node", "${join(dir, 'cmd.mjs')}"]) { pass_env = ["FAULT_DIR"] }
  chunk { rows = 3 }
  retry { attempts = 3  backoff = fixed(0s)  on = [exit(3)] }
  resources { walltime = 5m  memory = 256MiB }
  output "out" { format = jsonl }
${extra}}
`,
  );
  return { dir, aug, faults };
}

/** A fresh fault folder `name` in `ws` holding `files`; returns the env that switches it on. */
export function faultEnv(
  ws: FaultWorkspace,
  name: string,
  files: Record<string, string> = {},
): { FAULT_DIR: string } {
  const dir = join(ws.faults, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return { FAULT_DIR: dir };
}

/** Polls `what` every 250 ms until it holds or `limitMs` passed; returns its last answer. */
export async function until(what: () => boolean, limitMs: number): Promise<boolean> {
  const end = Date.now() + limitMs;
  while (!what() && Date.now() < end) await new Promise((r) => setTimeout(r, 250));
  return what();
}

export const FAULT_TASKS = [
  'combo_1_typo.c00000',
  'combo_1_typo.c00001',
  'combo_1_cmd.c00000',
  'combo_1_cmd.c00001',
];

/** The dataset files of a run (everything outside `_augc/`). */
export function datasetFiles(root: string): string[] {
  return filesUnder(root, ['_augc']);
}

/**
 * Asserts helper: the run at `out` finished with the same manifest_final (CSV and Parquet) and the
 * same dataset files, byte for byte, as the uninterrupted run at `ref`. Returns the differences.
 */
export function differencesFrom(ref: string, out: string): string[] {
  const problems: string[] = [];
  if (!existsSync(join(out, 'manifest_final.csv'))) return ['no manifest_final.csv'];
  const files = datasetFiles(ref);
  const have = datasetFiles(out);
  if (JSON.stringify(have) !== JSON.stringify(files)) problems.push(`files: ${have.join(', ')}`);
  for (const f of files) {
    if (have.includes(f) && !read(out, f).equals(read(ref, f))) problems.push(`${f} differs`);
  }
  return problems;
}

/** The manifest_final.csv bytes of a run. */
export function manifestOf(root: string): string {
  return readFileSync(join(root, 'manifest_final.csv'), 'utf8');
}

/** Processes (Linux /proc) whose environment holds `tag`: stragglers of a killed run. */
export function processesTagged(tag: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`).includes(tag)) pids.push(Number(name));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

/** Waits (polling, bounded) until no process carries `tag`; returns those still left. */
export async function waitForNoProcess(tag: string, limitMs = 30_000): Promise<number[]> {
  const end = Date.now() + limitMs;
  let left = processesTagged(tag);
  while (left.length > 0 && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    left = processesTagged(tag);
  }
  return left;
}
