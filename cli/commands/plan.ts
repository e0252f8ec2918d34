import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { didYouMean } from '../../compiler/ast/did-you-mean.js';
import { compileFile } from '../../compiler/compile.js';
import { hasErrors } from '../../compiler/diagnostics/diagnostic.js';
import { canonicalJson } from '../../compiler/plan/canonical-json.js';
import { renderPlanSummary } from '../../compiler/plan/summary.js';
import { findTarget, targetNames } from '../../compiler/targets/catalog.js';
import { probeInput } from '../../engine/probe-input.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { inputProblem } from '../input-problem.js';
import { compileOptionsOf, profileOption, setOption, type CompileFlags } from '../options.js';
import { reportHuman, reportMessage } from '../report.js';
import { resolveTargetName } from '../../runtimes/registry.js';
import { describePlan } from '../../runtimes/run/dry-run.js';
import { openTarget } from '../../runtimes/run/open-target.js';
import { cliEvents } from '../run/cli-events.js';
import { workerLaunch } from '../run/launch.js';
import { printEstimate } from '../plan-estimate.js';

interface PlanFlags extends CompileFlags {
  target?: string;
  json?: boolean;
  output?: string;
  estimate?: boolean;
  history?: string[];
}

async function writePlan(path: string, json: string, ctx: CliContext): Promise<boolean> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, json);
    return true;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    reportMessage(ctx, {
      code: 'AUG5004',
      severity: 'error',
      message: `cannot write the plan to \`${path}\`: ${reason}`,
    });
    return false;
  }
}

/** Compiles one file; the summary (or with --json the plan) goes to stdout, messages to stderr. */
export async function runPlan(file: string, flags: PlanFlags, ctx: CliContext): Promise<number> {
  const named =
    flags.target !== undefined ? resolveTargetName(flags.target, ctx.io.env) : undefined;
  if (named && !named.ok) {
    reportMessage(ctx, named.diagnostic);
    return EXIT.unavailable;
  }
  const target = named?.name;
  if (target !== undefined) flags.target = target;
  if (target !== undefined && !findTarget(target)) {
    reportMessage(ctx, {
      code: 'AUG5001',
      severity: 'error',
      message: `unknown target \`${target}\``,
      help:
        didYouMean(target, targetNames()) ??
        `targets are ${targetNames()
          .map((t) => `\`${t}\``)
          .join(', ')}, or \`hpc\` for the scheduler found on PATH`,
    });
    return EXIT.usage;
  }
  const problem = await inputProblem(file);
  if (problem) {
    reportMessage(ctx, problem);
    return EXIT.noInput;
  }
  const config = compileOptionsOf(flags, ctx.io.env);
  const result = await compileFile(file, { ...config.options, probeInput });
  const sources = new Map([...config.sources, ...result.sources].map((s) => [s.file, s.text]));
  const diagnostics = [...config.diagnostics, ...result.diagnostics];
  reportHuman(ctx, diagnostics, sources, file);
  if (!result.plan || hasErrors(diagnostics)) return EXIT.failure;
  const json = `${canonicalJson(result.plan)}\n`;
  if (flags.output !== undefined) {
    if (!(await writePlan(flags.output, json, ctx))) return EXIT.failure;
    ctx.io.stderr.write(`wrote plan to ${flags.output}\n`);
  }
  if (flags.estimate === true) {
    if (flags.json !== true) ctx.io.stdout.write(`${renderPlanSummary(result.plan)}\n`);
    return printEstimate(result.plan, target ?? result.plan.target ?? 'local', flags, ctx);
  }
  ctx.io.stdout.write(flags.json ? json : renderPlanSummary(result.plan));
  if (target === undefined || flags.json) return EXIT.ok;
  // What `augc run` would refuse (e.g. an output URI the target cannot open) is refused here too.
  const opened = await openTarget(result.plan, target, ctx.io.env);
  if (!opened.ok) {
    reportMessage(ctx, opened.diagnostic);
    return EXIT.failure;
  }
  const { plan } = result;
  const req = { plan, ...opened, launch: workerLaunch(), env: ctx.io.env };
  return (await describePlan(req, cliEvents(ctx, plan))) ? EXIT.ok : EXIT.failure;
}

/** `augc plan FILE` */
export function planCommand(program: Command, ctx: CliContext): void {
  program
    .command('plan')
    .description('compile a .aug file to an execution plan and summarise it')
    .argument('<file>', 'the .aug file')
    .option('--target <name>', `the target to plan for (${targetNames().join(', ')}, or hpc)`)
    .addOption(profileOption())
    .addOption(setOption())
    .option('--json', "print the plan's canonical JSON instead of the summary")
    .option(
      '--estimate',
      'estimate task durations, core-hours, GPU-hours and cost (with --json: the estimate as JSON)',
    )
    .option(
      '--history <dir>',
      'earlier runs whose measured method speeds the estimate uses (repeatable)',
      (dir: string, dirs: string[] = []) => [...dirs, dir],
    )
    .option('-o, --output <plan.json>', 'write the plan to this file')
    .action(async (file: string, flags: PlanFlags) => {
      ctx.exitCode = await runPlan(file, flags, ctx);
    });
}
