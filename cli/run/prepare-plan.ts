/**
 * The plan `augc run` executes: compiled from a `.aug` file, or read from a plan file written by
 * `augc plan -o`. A plan file is refused when it was made by another augc version or when its
 * sources changed since (Terraform refuses a stale plan the same way); `--output` then moves the
 * run, which changes the plan's output and so its hash. Target options are the plan's: the
 * caller's config file and `AUGC_*` variables are not read again (a note says when they differ).
 */
import { readFile } from 'node:fs/promises';
import { checkFile, planSources, compileFile, COMPILER_VERSION } from '../../compiler/compile.js';
import { hasErrors, type Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import { planHashOf, sourceHashOf } from '../../compiler/plan/canonical-json.js';
import { loadPlan } from '../../compiler/plan/load-plan.js';
import type { Plan } from '../../compiler/plan/types.js';
import { probeInput } from '../../engine/probe-input.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { inputProblem } from '../input-problem.js';
import { ignoredConfiguration } from './ignored-config.js';
import { compileOptionsOf, type CompileFlags } from '../options.js';
import { reportHuman, reportMessage } from '../report.js';

export interface PlanFlags extends CompileFlags {
  target?: string;
  output?: string;
}

export type Prepared = { plan: Plan } | { exit: number };

function isPlanFile(file: string): boolean {
  return file.toLowerCase().endsWith('.json');
}

function error(code: string, message: string, help?: string, notes?: string[]): Diagnostic {
  return {
    code,
    severity: 'error',
    message,
    ...(help !== undefined ? { help } : {}),
    ...(notes !== undefined ? { notes } : {}),
  };
}

async function compilePlan(file: string, flags: PlanFlags, ctx: CliContext): Promise<Prepared> {
  const config = compileOptionsOf(flags, ctx.io.env);
  const result = await compileFile(file, {
    ...config.options,
    // What `augc run` runs on when no target is named (see commands/run.ts).
    runTarget: flags.target ?? 'local',
    probeInput,
  });
  const sources = new Map([...config.sources, ...result.sources].map((s) => [s.file, s.text]));
  const diagnostics = [...config.diagnostics, ...result.diagnostics];
  reportHuman(ctx, diagnostics, sources, file);
  if (!result.plan || hasErrors(diagnostics)) return { exit: EXIT.failure };
  return { plan: result.plan };
}

/** Recompiles nothing: reads the plan's sources again and compares their hash. */
async function staleness(plan: Plan, file: string): Promise<Diagnostic | undefined> {
  const remake = `make the plan again: \`augc plan ${plan.sourceFile} -o ${file}\`, or run the .aug file`;
  if (plan.compilerVersion !== COMPILER_VERSION) {
    return error(
      'AUG5101',
      `the plan \`${file}\` was made by augc ${plan.compilerVersion}, this is augc ${COMPILER_VERSION}`,
      remake,
    );
  }
  const opts = plan.profile !== undefined ? { profile: plan.profile } : {};
  const checked = await checkFile(plan.sourceFile, opts);
  const hashes = checked.sources.length ? [sourceHashOf(planSources(checked.sources))] : [];
  const names = checked.sources.map((s) => s.file);
  if (hashes.length === 0) {
    return {
      code: 'AUG5113',
      severity: 'warning',
      message: `cannot read the sources of \`${file}\` (\`${plan.sourceFile}\`): running the plan without checking them`,
    };
  }
  if (!hashes.includes(plan.sourceHash)) {
    return error(
      'AUG5102',
      `the sources of the plan \`${file}\` changed since it was made`,
      remake,
      [`sources: ${names.join(', ')}`],
    );
  }
  return undefined;
}

async function readPlanFile(file: string, ctx: CliContext): Promise<Prepared> {
  const loaded = loadPlan(await readFile(file, 'utf8'), file);
  if (!loaded.value) {
    loaded.diagnostics.forEach((d) => reportMessage(ctx, d));
    return { exit: EXIT.failure };
  }
  const stale = await staleness(loaded.value, file);
  if (stale) reportMessage(ctx, stale);
  if (stale?.severity === 'error') return { exit: EXIT.failure };
  const ignored = ignoredConfiguration(loaded.value, file, ctx.io.env);
  if (ignored) reportMessage(ctx, ignored);
  return { plan: loaded.value };
}

/** The plan with another output location (and the plan hash that goes with it). */
export function withOutput(plan: Plan, uri: string): Plan {
  if (plan.output.uri === uri) return plan;
  const moved = { ...plan, output: { ...plan.output, uri } };
  return { ...moved, planHash: planHashOf(moved) };
}

export async function preparePlan(
  file: string,
  flags: PlanFlags,
  ctx: CliContext,
): Promise<Prepared> {
  const problem = await inputProblem(file);
  if (problem) {
    reportMessage(ctx, problem);
    return { exit: EXIT.noInput };
  }
  if (isPlanFile(file) && (flags.profile !== undefined || flags.set.length > 0)) {
    reportMessage(ctx, {
      code: 'AUG5001',
      severity: 'error',
      message: '--profile and --set apply when compiling; a plan file runs as it was made',
      help: `pass them to \`augc plan\` and make the plan again, or run the .aug file`,
    });
    return { exit: EXIT.usage };
  }
  const prepared = isPlanFile(file)
    ? await readPlanFile(file, ctx)
    : await compilePlan(file, flags, ctx);
  if (!('plan' in prepared) || flags.output === undefined) return prepared;
  return { plan: withOutput(prepared.plan, flags.output) };
}
