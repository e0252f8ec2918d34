/**
 * Hand-built plans and small inputs for the task, state and merge tests: a plan shaped like the
 * compiler's (one CPU group covering combos x chunks), an input CSV, and the split into chunks.
 */
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tasksOf } from '../../compiler/plan/task-at.js';
import type { Plan, PlanCombo, PlanMethod, PlanTask } from '../../compiler/plan/types.js';
import { findMethod } from '../../stdlib/catalog/index.js';
import { runTask, type RunTaskOptions } from '../../engine/run-task.js';
import { splitInput, type SplitResult } from '../../engine/split.js';
import { createFileStorage } from '../../engine/storage/file-storage.js';
import type { Storage } from '../../engine/storage/storage.js';
import type { TaskRecord } from '../../engine/task-record.js';

const RESOURCES = { cpus: 1, memoryBytes: 2 ** 31, gpus: 0, walltimeSeconds: 3600 };

/** A stdlib method with the catalogue's defaults, overridden by `params`. */
export function stdlibMethod(
  id: string,
  name: string,
  params: PlanMethod['params'] = {},
): PlanMethod {
  const found = findMethod(name);
  if (!found) throw new Error(`no catalogue method ${name}`);
  const defaults = Object.fromEntries(found.spec.params.map((p) => [p.name, p.default ?? null]));
  return {
    id,
    kind: 'stdlib',
    method: name,
    params: { ...defaults, ...params },
    resources: RESOURCES,
    labelSafe: true,
    gpu: false,
  };
}

export function commandMethod(
  id: string,
  argv: string[],
  extra: Partial<PlanMethod> = {},
): PlanMethod {
  return {
    id,
    kind: 'command',
    params: {},
    argv,
    resources: RESOURCES,
    labelSafe: true,
    gpu: false,
    ...extra,
  };
}

export function combo(...methods: string[]): PlanCombo {
  return { id: `combo_${methods.length}_${methods.join('+')}`, methods, k: methods.length };
}

export interface PlanSpec {
  methods: PlanMethod[];
  combos: PlanCombo[];
  chunks?: number;
  rows?: number;
  variants?: number;
  quality?: Plan['quality'];
  format?: Plan['output']['format'];
  input?: Partial<Plan['input']>;
  seed?: number;
}

export function makePlan(spec: PlanSpec): Plan {
  const chunks = spec.chunks ?? 1;
  const rows = spec.rows ?? 0;
  return {
    formatVersion: 1,
    compilerVersion: '0.1.0',
    sourceHash: 'source',
    planHash: 'plan',
    pipeline: 'test',
    sourceFile: 'test.aug',
    seed: spec.seed ?? 42,
    input: {
      uri: 'input.csv',
      format: 'csv',
      id: 'sentence_id',
      text: ['sentence'],
      label: 'label',
      keep: ['symptom'],
      protect: ['evidence'],
      protectKeywords: [],
      onBadRow: 'fail',
      ...spec.input,
    },
    output: { uri: 'out', format: spec.format ?? 'csv' },
    methods: spec.methods,
    combos: spec.combos,
    variants: spec.variants ?? 2,
    quality: spec.quality ?? { measure: 'chrf', min: 0, max: 1 },
    chunks: { mode: 'count', count: chunks, rowsPerChunk: Math.max(1, Math.ceil(rows / chunks)) },
    groups: [
      {
        id: 'cpu-1c-2g-1h',
        resourceClass: 'cpu-1c-2g-1h',
        resources: RESOURCES,
        classCombos: spec.combos.map((_, i) => i),
        start: 0,
        size: spec.combos.length * chunks,
      },
    ],
    taskCount: spec.combos.length * chunks,
    retry: { attempts: 1, backoff: { kind: 'fixed', delaySeconds: 1 }, on: [], escalate: [] },
    targets: [],
    layout: {
      part: '{combo}/part-{chunk}.{ext}',
      context: '_augc/tasks/{task}.json',
      manifestRow: '_augc/manifest/{task}.csv',
      meta: '{combo}/meta.json',
      manifest: 'manifest_final.csv',
    },
  };
}

const SENTENCES = [
  'I have not slept properly in weeks and I feel exhausted every single day',
  'Nothing I do seems to matter and I feel completely worthless',
  'My appetite is gone and I have lost a lot of weight recently',
  'I keep thinking that everyone would be better off without me',
  'I cannot concentrate on anything at work because my mind keeps wandering',
  'Getting out of bed in the morning feels like climbing a mountain',
];
const SYMPTOMS = [
  'SLEEP_ISSUES',
  'WORTHLESSNESS',
  'APPETITE_CHANGE',
  'SUICIDAL_THOUGHTS',
  'COGNITIVE_ISSUES',
  'FATIGUE',
];

/** `n` clinical-style rows: sentence_id, sentence, symptom, evidence, label, extra. */
export function sentenceCsv(n: number): string {
  const lines = ['sentence_id,symptom,sentence,evidence,label,extra'];
  for (let i = 0; i < n; i++) {
    const s = SENTENCES[i % SENTENCES.length]!;
    const evidence = s.split(' ').slice(2, 5).join(' ');
    lines.push(
      `s${i + 1},${SYMPTOMS[i % SYMPTOMS.length]},"${s} (note ${i})","${evidence}",${i % 2},x${i}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export interface Workspace {
  dir: string;
  storage: Storage;
  split: SplitResult;
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'augc-engine-test-'));
}

/** Writes the input into a fresh folder, points the plan at it and splits it. */
export async function workspace(plan: Plan, csv: string): Promise<Workspace> {
  const dir = await tempDir();
  const input = join(dir, 'input.csv');
  await writeFile(input, csv);
  plan.input.uri = input;
  const storage = createFileStorage(join(dir, 'out'));
  const split = await splitInput({
    input: plan.input,
    chunks: plan.chunks,
    storage,
    dir: '_augc/chunks',
  });
  return { dir, storage, split };
}

export function allTasks(plan: Plan): PlanTask[] {
  return [...tasksOf(plan)];
}

export function taskOptions(plan: Plan, ws: Workspace, task: PlanTask): RunTaskOptions {
  return {
    plan,
    task,
    storage: ws.storage,
    chunkPath: ws.split.chunkFiles[task.chunk]!,
    attempt: 1,
    worker: 'test',
  };
}

/** Runs the given tasks one after another (default: every task in plan order). */
export async function runTasks(
  plan: Plan,
  ws: Workspace,
  tasks = allTasks(plan),
): Promise<TaskRecord[]> {
  const records: TaskRecord[] = [];
  for (const task of tasks) records.push(await runTask(taskOptions(plan, ws, task)));
  return records;
}

/** Every file under `root`, temp files and dot files included, relative and sorted. */
export async function listAll(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}
