/**
 * A run folder belongs to one plan. Before `augc run` writes its plan into an output that already
 * holds a run, it compares the two; a different plan is refused (naming what differs) unless
 * `--force`, which removes the old run's files first so that parts of two plans never mix.
 */
import { planHashOf } from '../../compiler/plan/canonical-json.js';
import type { Plan } from '../../compiler/plan/types.js';
import { AUGC_DIR, LOCK_PATH, PLAN_PATH } from '../../engine/run-layout.js';
import type { Storage } from '../../engine/storage/storage.js';
import { readRunInfo, type RunInfo } from './run-info.js';
import type { RunEvents } from './run-outcome.js';

export interface PlanShape {
  plan: Plan;
  storage: Storage;
  sets: readonly string[];
  command: string;
  force: boolean;
}

/**
 * The hash with the output left out: `--output X` changes the plan's output, and the folder is
 * the same folder however it was spelt (`out` and `out/`, relative or absolute).
 */
function hashBesideOutput(plan: Plan): string {
  return planHashOf({ ...plan, output: { ...plan.output, uri: '' } });
}

async function readOldPlan(storage: Storage): Promise<Plan | undefined> {
  try {
    return JSON.parse(await storage.readText(PLAN_PATH)) as Plan;
  } catch {
    return undefined;
  }
}

/** `variants=1` -> `variants`, `a.b = "x"` -> `a.b`, with the value beside it. */
function setsByKey(sets: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of sets) {
    const at = line.indexOf('=');
    out.set((at < 0 ? line : line.slice(0, at)).trim(), at < 0 ? '' : line.slice(at + 1).trim());
  }
  return out;
}

function setDifferences(before: readonly string[], now: readonly string[]): string[] {
  const a = setsByKey(before);
  const b = setsByKey(now);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  return keys
    .filter((k) => a.get(k) !== b.get(k))
    .map((k) => {
      const was = a.has(k) ? `\`${k}=${a.get(k)}\`` : 'not given';
      const is = b.has(k) ? `\`${k}=${b.get(k)}\`` : 'not given';
      return `\`--set ${k}\`: ${was} before, ${is} now`;
    });
}

/** Each difference as one note; a plan that differs in none of them differs in its options. */
export function differencesOf(old: Plan, info: RunInfo | undefined, now: PlanShape): string[] {
  const notes: string[] = [];
  const was = (v: string | undefined): string => (v === undefined ? 'none' : `\`${v}\``);
  if (old.profile !== now.plan.profile) {
    notes.push(`\`--profile\`: ${was(old.profile)} before, ${was(now.plan.profile)} now`);
  }
  if (info?.sets !== undefined) notes.push(...setDifferences(info.sets, now.sets));
  if (old.sourceHash !== now.plan.sourceHash) {
    notes.push(`the sources (\`${now.plan.sourceFile}\` and what it reads) changed`);
  }
  if (old.compilerVersion !== now.plan.compilerVersion) {
    notes.push(`augc version: ${old.compilerVersion} before, ${now.plan.compilerVersion} now`);
  }
  if (notes.length === 0) {
    notes.push('the plan differs in its settings (configuration file or `AUGC_*` variables)');
  }
  return notes;
}

/** Everything the old plan's run wrote: its records under `_augc/`, its combos' parts, the merge. */
async function startOver(storage: Storage, old: Plan): Promise<void> {
  const combos = old.combos.map((c) => `${c.id}/`);
  const manifest = old.layout.manifest.replace(/\.csv$/, '');
  const files = await storage.list('');
  const ours = files.filter(
    (f) =>
      (f.startsWith(`${AUGC_DIR}/`) && !f.startsWith(LOCK_PATH)) ||
      combos.some((c) => f.startsWith(c)) ||
      f === old.layout.manifest ||
      f === `${manifest}.parquet`,
  );
  for (const file of ours) await storage.remove(file);
}

/** True when the run may go on: no earlier plan, the same plan, or a different one under `--force`. */
export async function samePlanOrStartOver(shape: PlanShape, events: RunEvents): Promise<boolean> {
  const old = await readOldPlan(shape.storage);
  if (!old || hashBesideOutput(old) === hashBesideOutput(shape.plan)) return true;
  const notes = differencesOf(old, await readRunInfo(shape.storage), shape);
  if (shape.force) {
    events.note(`augc: --force: the output held a run of another plan; starting over\n`);
    await startOver(shape.storage, old);
    return true;
  }
  const uri = shape.plan.output.uri;
  events.report({
    code: 'AUG5117',
    severity: 'error',
    message: `\`${uri}\` holds a run of another plan; augc does not mix two plans' parts in one folder`,
    notes,
    help: `run it again with \`--force\` to start over in \`${uri}\`, or give a new \`--output\``,
  });
  return false;
}
